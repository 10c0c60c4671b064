/**
 * The statistics of spikes (issue 16): how likely a count is by chance given a category's usual rate, and which of
 * many such counts stay significant once the number of counts tried is taken into account.
 */

/** ln Γ(x) for x > 0, Lanczos (g = 7, 9 terms): about 15 significant digits. */
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
	-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let sum = LANCZOS[0] as number;
	for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * P(X >= count) for X of mean `mean` and variance `dispersion` x mean: Poisson when the dispersion is 1, else the
 * negative binomial of that mean and variance (size mean / (dispersion - 1)). Help-desk counts are overdispersed
 * (Mondays, outages, month ends): a Poisson test would call their ordinary ups and downs spikes. Only upper tails
 * are needed, where the terms fall: the tail is summed from `count` up, never as 1 minus a sum (which loses the
 * small p-values that rank spikes).
 */
export function upperTail(count: number, mean: number, dispersion = 1): number {
	if (count <= 0) return 1;
	if (mean <= 0) return 0;
	if (count <= mean) return 1;
	const poisson = dispersion <= 1.0001;
	const size = poisson ? 0 : mean / (dispersion - 1);
	const q = poisson ? 0 : mean / (size + mean);
	let term = poisson
		? Math.exp(-mean + count * Math.log(mean) - logGamma(count + 1))
		: Math.exp(logGamma(count + size) - logGamma(size) - logGamma(count + 1) + size * Math.log(1 - q) + count * Math.log(q));
	let sum = 0;
	for (let k = count; k < count + 1_000_000; k++) {
		sum += term;
		const factor = poisson ? mean / (k + 1) : ((k + size) / (k + 1)) * q;
		term *= factor;
		if (factor < 1 && term < sum * 1e-12) break;
	}
	return Math.min(1, sum);
}

/**
 * Benjamini-Hochberg adjusted p-values (q-values) of `pValues`, out of `tried` tests in all: the cells never given a
 * p-value (too few tickets to be a spike) count as tried, with p = 1. A cell is a discovery at false discovery rate
 * α when its q-value is at most α: among the discoveries, at most a share α are expected to be chance.
 */
export function adjustForMany(pValues: readonly number[], tried: number): number[] {
	const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
	const q = new Array<number>(pValues.length);
	let running = 1;
	for (let rank = order.length; rank >= 1; rank--) {
		const i = order[rank - 1] as number;
		running = Math.min(running, ((pValues[i] as number) * Math.max(tried, pValues.length)) / rank);
		q[i] = running;
	}
	return q;
}

/**
 * Variance over mean of counts, at least 1 (Poisson); 1 when there are too few counts to say. The largest count is
 * left out: one earlier burst in a baseline would otherwise make every later one look ordinary.
 */
export function dispersionOf(all: readonly number[]): number {
	if (all.length < 5) return 1;
	const counts = [...all].sort((a, b) => a - b).slice(0, -1);
	const mean = counts.reduce((sum, c) => sum + c, 0) / counts.length;
	if (mean <= 0) return 1;
	const variance = counts.reduce((sum, c) => sum + (c - mean) ** 2, 0) / (counts.length - 1);
	return Math.max(1, variance / mean);
}
