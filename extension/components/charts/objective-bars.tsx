/**
 * The Check in a chart: the baseline, the measure now and the target as three bars with their values written, so the
 * chart reads without colour. A value that is unknown draws no bar and says so.
 */
export function ObjectiveBars({ bars, caption }: { bars: { label: string; value: number | null; text: string; color: string }[]; caption: string }) {
	const max = Math.max(0.001, ...bars.map((bar) => bar.value ?? 0));
	return (
		<figure class="gx-before-after" data-gx="plan-chart">
			<svg width="280" height={bars.length * 38} viewBox={`0 0 280 ${bars.length * 38}`} role="img" aria-label={caption}>
				{bars.map((bar, index) => (
					<g key={bar.label}>
						<text x="0" y={index * 38 + 11} font-size="11" fill="currentColor">{`${bar.label}: ${bar.text}`}</text>
						{bar.value !== null && <rect x="0" y={index * 38 + 15} width={Math.max(1, Math.round((bar.value / max) * 260))} height="16" fill={bar.color} />}
					</g>
				))}
			</svg>
			<figcaption data-gx="plan-verdict">{caption}</figcaption>
		</figure>
	);
}
