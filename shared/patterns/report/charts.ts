/**
 * Small inline SVG charts for the HTML report, drawn by hand: the report must open offline, from a file, with no
 * script (its Content-Security-Policy forbids them), so no chart library. Every text goes through `escapeHtml`.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** A colour-blind-safe palette (Okabe-Ito), then grey for "other". */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

export interface Series {
	name: string;
	values: readonly number[];
	color: string;
}

export interface Band {
	/** x positions in the same unit as `xs`. */
	from: number;
	to: number;
	color: string;
	label: string;
}

const W = 760;
const PAD = { left: 44, right: 16, top: 12, bottom: 28 };

/** A round step for an axis from 0 to `max`, about five ticks. */
function niceStep(max: number): number {
	const raw = Math.max(max, 1) / 5;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
	return Math.max(step, Number.isInteger(max) ? 1 : step);
}

function axis(max: number, height: number): { y: (v: number) => number; svg: string; top: number } {
	const step = niceStep(max);
	const top = Math.max(step, Math.ceil(max / step) * step);
	const y = (v: number) => PAD.top + (height - PAD.top - PAD.bottom) * (1 - v / top);
	let svg = '';
	for (let v = 0; v <= top + 1e-9; v += step) {
		svg += `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`;
		svg += `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${escapeHtml(String(Math.round(v * 100) / 100))}</text>`;
	}
	return { y, svg, top };
}

/**
 * Lines over time, one per series, with optional shaded bands (the spike windows). `xs` are the x values (times)
 * of the points, `ticks` the labels to print under a few of them.
 */
export function lineChart(xs: readonly number[], series: readonly Series[], ticks: readonly string[], bands: readonly Band[] = [], height = 260): string {
	if (xs.length === 0) return '';
	const x0 = xs[0] as number;
	const x1 = Math.max(xs[xs.length - 1] as number, x0 + 1);
	const x = (v: number) => PAD.left + ((W - PAD.left - PAD.right) * (v - x0)) / (x1 - x0);
	const max = Math.max(1, ...series.flatMap((s) => s.values));
	const { y, svg: grid } = axis(max, height);
	let svg = grid;
	for (const band of bands) {
		const from = x(Math.max(band.from, x0));
		const to = x(Math.min(band.to, x1));
		svg += `<rect x="${from}" y="${PAD.top}" width="${Math.max(2, to - from)}" height="${height - PAD.top - PAD.bottom}" fill="${band.color}" opacity="0.15"><title>${escapeHtml(band.label)}</title></rect>`;
		svg += `<circle cx="${(from + to) / 2}" cy="${PAD.top + 6}" r="5" fill="none" stroke="${band.color}" stroke-width="2"><title>${escapeHtml(band.label)}</title></circle>`;
	}
	for (const s of series) {
		const points = s.values.map((v, i) => `${x(xs[i] as number).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
		svg += `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"><title>${escapeHtml(s.name)}</title></polyline>`;
	}
	const every = Math.max(1, Math.ceil(xs.length / 8));
	xs.forEach((v, i) => {
		if (i % every === 0) svg += `<text x="${x(v)}" y="${height - 8}" text-anchor="middle">${escapeHtml(ticks[i] ?? '')}</text>`;
	});
	return `<svg viewBox="0 0 ${W} ${height}" role="img" class="chart">${svg}</svg>`;
}

/**
 * Characters a bar's label may hold on one line of the chart: its width at 11 px, at 7 px a character (above the
 * average of a sans-serif font, so that a line of wide letters still fits).
 */
export const BAR_LABEL_CHARS = Math.floor((W - 8) / 7);

/**
 * Horizontal bars, largest first, each under its label. Labels used to sit left of their bars, right-aligned in a
 * 300-unit column and cut at 48 characters: a long category ("Hardware > Peripherals > Webcams and headsets") ran
 * past the chart's left edge and lost its start (issue 16). On a line of their own they have the chart's width, and
 * one too long for it ends with "…" and shows whole on hover.
 */
export function barChart(bars: readonly { label: string; value: number; color?: string }[]): string {
	if (bars.length === 0) return '';
	const rowHeight = 34;
	const left = 4;
	const height = bars.length * rowHeight + 4;
	const max = Math.max(1, ...bars.map((bar) => bar.value));
	const scale = (W - left - 60) / max;
	let svg = '';
	bars.forEach((bar, i) => {
		const top = 4 + i * rowHeight;
		const cut = bar.label.length > BAR_LABEL_CHARS;
		const label = cut ? `${bar.label.slice(0, BAR_LABEL_CHARS - 1)}…` : bar.label;
		svg += `<text x="${left}" y="${top + 11}">${escapeHtml(label)}${cut ? `<title>${escapeHtml(bar.label)}</title>` : ''}</text>`;
		svg += `<rect x="${left}" y="${top + 16}" width="${Math.max(1, bar.value * scale)}" height="12" fill="${bar.color ?? PALETTE[0]}"/>`;
		svg += `<text x="${left + bar.value * scale + 6}" y="${top + 26}">${escapeHtml(String(bar.value))}</text>`;
	});
	return `<svg viewBox="0 0 ${W} ${height}" role="img" class="chart">${svg}</svg>`;
}

/** Vertical bars per period (volume), labelled underneath. */
export function columnChart(labels: readonly string[], values: readonly number[], color = PALETTE[0] as string, height = 200): string {
	if (values.length === 0) return '';
	const { y, svg: grid } = axis(Math.max(1, ...values), height);
	const slot = (W - PAD.left - PAD.right) / values.length;
	let svg = grid;
	values.forEach((value, i) => {
		const left = PAD.left + i * slot + slot * 0.15;
		svg += `<rect x="${left}" y="${y(value)}" width="${slot * 0.7}" height="${y(0) - y(value)}" fill="${color}"><title>${escapeHtml(`${labels[i] ?? ''}: ${value}`)}</title></rect>`;
		if (values.length <= 16 || i % Math.ceil(values.length / 12) === 0) {
			svg += `<text x="${left + slot * 0.35}" y="${height - 8}" text-anchor="middle">${escapeHtml(labels[i] ?? '')}</text>`;
		}
	});
	return `<svg viewBox="0 0 ${W} ${height}" role="img" class="chart">${svg}</svg>`;
}
