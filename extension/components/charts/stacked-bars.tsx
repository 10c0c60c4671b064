export interface StackedSeries {
	key: string;
	label: string;
	color: string;
}

/**
 * Stacked bars, one per entry (signals per day by kind). Each bar has a title with its figures, and the legend names
 * the series, so the chart reads without colour too.
 */
export function StackedBars({ rows, series, label, height = 90 }: { rows: { label: string; values: Record<string, number> }[]; series: StackedSeries[]; label: string; height?: number }) {
	const totals = rows.map((row) => series.reduce((sum, entry) => sum + (row.values[entry.key] ?? 0), 0));
	const max = Math.max(1, ...totals);
	const barWidth = rows.length > 0 ? 300 / rows.length : 0;
	return (
		<figure class="gx-chart">
			<svg width="100%" height={height} viewBox={`0 0 300 ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
				{rows.map((row, index) => {
					let y = height;
					return (
						<g key={row.label}>
							<title>{`${row.label}: ${series.map((entry) => `${entry.label} ${row.values[entry.key] ?? 0}`).join(', ')}`}</title>
							{series.map((entry) => {
								const value = row.values[entry.key] ?? 0;
								const h = (value / max) * (height - 4);
								y -= h;
								return value > 0 ? <rect key={entry.key} x={index * barWidth + 0.5} y={y} width={Math.max(1, barWidth - 1)} height={h} fill={entry.color} /> : null;
							})}
						</g>
					);
				})}
			</svg>
			<figcaption class="gx-legend">
				{series.map((entry) => (
					<span key={entry.key}>
						<i style={{ background: entry.color }} /> {entry.label}
					</span>
				))}
			</figcaption>
		</figure>
	);
}
