/** A tiny line of signals per week (oldest first); drawn by hand: a chart library would outweigh the whole popup. */
export function Sparkline({ values, label, width = 64, height = 18 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
	if (values.length === 0) return null;
	const max = Math.max(1, ...values);
	const step = values.length > 1 ? width / (values.length - 1) : 0;
	const points = values.map((value, index) => `${(index * step).toFixed(1)},${(height - 1 - (value / max) * (height - 2)).toFixed(1)}`).join(' ');
	return (
		<svg class="gx-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
			<title>{label}</title>
			<polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
		</svg>
	);
}
