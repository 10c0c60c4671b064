/** Two bars: the signal rate per week before and after the change (the "Check" of PDCA), with their figures. */
export function BeforeAfter({ before, after, labels, caption }: { before: number; after: number; labels: { before: string; after: string }; caption: string }) {
	const max = Math.max(before, after, 0.001);
	const width = (value: number) => Math.max(1, Math.round((value / max) * 240));
	return (
		<figure class="gx-before-after" data-gx="check-chart">
			<svg width="260" height="76" viewBox="0 0 260 76" role="img" aria-label={caption}>
				<text x="0" y="11" font-size="11" fill="currentColor">{labels.before}</text>
				<rect x="0" y="15" width={width(before)} height="16" fill="#94a3b8" />
				<text x="0" y="49" font-size="11" fill="currentColor">{labels.after}</text>
				<rect x="0" y="53" width={width(after)} height="16" fill="#16a34a" />
			</svg>
			<figcaption data-gx="check-caption">{caption}</figcaption>
		</figure>
	);
}
