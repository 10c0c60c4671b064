import { describe, expect, it } from 'vitest';
import { upperTail } from '../../shared/patterns/spike-stats';
import { type Spike, detectSpikes, judgeSpikes } from '../../shared/patterns/spikes';
import { DAY_MS, type Ticket } from '../../shared/patterns/ticket';
import { type InjectedBurst, syntheticYear } from './support/synthetic-spikes';

const NOW = Date.UTC(2026, 10, 28, 12);
let nextId = 1;
/** Tickets of a category opened `daysAgo` days before NOW. */
const opened = (category: string, ...daysAgo: number[]): Ticket[] =>
	daysAgo.map((days) => ({ id: nextId++, title: `t${nextId}`, category, openedAt: NOW - days * DAY_MS }));
/** `perWeek` tickets a week for `weeks` weeks before the last window, starting 8 days ago. */
const steady = (category: string, weeks: number, perWeek = 1) =>
	opened(category, ...Array.from({ length: weeks * perWeek }, (_, i) => 8 + (7 * i) / perWeek));

describe('upperTail', () => {
	it('is the Poisson tail, and fatter for overdispersed counts', () => {
		expect(upperTail(3, 1)).toBeCloseTo(0.0803, 4);
		expect(upperTail(40, 2, 3)).toBeGreaterThan(upperTail(40, 2));
		expect(upperTail(1, 5)).toBe(1);
	});
});

describe('detectSpikes', () => {
	it('reports no spike for 3 tickets this week when the category usually gets one: chance gives as many 8 % of the time', () => {
		expect(detectSpikes([...steady('Network > VPN', 10), ...opened('Network > VPN', 1, 2, 3)], { asOf: NOW })).toEqual([]);
	});

	it('flags 12 tickets this week against one a week, with its evidence', () => {
		const spikes = detectSpikes([...steady('Network > VPN', 10), ...opened('Network > VPN', ...Array.from({ length: 12 }, (_, i) => i / 2))], { asOf: NOW });
		const current = spikes.filter((spike) => spike.current);
		expect(current[0]).toMatchObject({ category: 'Network > VPN', count: 12, baselineCount: 8, scale: 'week' });
		expect(current[0]?.expected).toBeCloseTo(1, 5);
		expect(current[0]?.pValue).toBeLessThan(1e-6);
	});

	it('rolls sub-categories up into their parent: a burst spread over three is seen as one', () => {
		const children = ['Hardware > Printer', 'Hardware > Screen', 'Hardware > Laptop'];
		const list = children.flatMap((child) => [...steady(child, 10, 3), ...opened(child, 1, 2, 3, 4, 5, 6, 6)]);
		const spikes = detectSpikes(list, { asOf: NOW, history: false });
		expect(spikes.map((spike) => spike.category)).toEqual(['Hardware']);
		for (const child of children) expect(detectSpikes(list.filter((t) => t.category === child), { asOf: NOW, history: false })).toEqual([]);
	});

	it('finds a major incident within a day: 40 tickets in two hours', () => {
		const burst = Array.from({ length: 40 }, (_, i): Ticket => ({ id: 5000 + i, title: 'x', category: 'Email', openedAt: NOW - 3 * DAY_MS + i * 180_000 }));
		const spikes = detectSpikes([...steady('Email', 10, 14), ...burst], { asOf: NOW });
		expect(spikes[0]).toMatchObject({ category: 'Email', count: 40 });
		expect((spikes[0]?.windowEnd as number) - (spikes[0]?.windowStart as number)).toBeLessThanOrEqual(DAY_MS);
	});

	it('says the current window is not judged when the export starts less than a baseline before it', () => {
		const judgement = judgeSpikes(opened('VPN', 0, 1, 2, 3, 4, 5), { asOf: NOW });
		expect(judgement.currentJudged).toBe(false);
		expect(judgement.notJudged.length).toBeGreaterThan(0);
	});

	it('judges a burst in the first week of an export against the weeks after it', () => {
		const quiet = opened('Printing', ...Array.from({ length: 50 }, (_, i) => i));
		const first = opened('Printing', ...Array.from({ length: 30 }, () => 55));
		const spikes = detectSpikes([...quiet, ...first], { asOf: NOW });
		expect(spikes[0]).toMatchObject({ category: 'Printing', baselineAfter: true });
		expect(spikes[0]?.count).toBeGreaterThanOrEqual(30);
	});

	it('orders spikes by evidence, not by date', () => {
		const list = [...steady('A', 12, 2), ...opened('A', 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60), ...opened('A', 2, 2, 2, 2, 2, 2, 2, 2)];
		const spikes = detectSpikes(list, { asOf: NOW });
		expect(spikes.length).toBeGreaterThanOrEqual(2);
		for (let i = 1; i < spikes.length; i++) expect((spikes[i] as Spike).qValue).toBeGreaterThanOrEqual((spikes[i - 1] as Spike).qValue);
		expect(spikes[0]?.current).toBe(false);
	});

	it('ignores undated tickets', () => {
		expect(detectSpikes([{ id: 1, title: 'x' }])).toEqual([]);
	});
});

/**
 * The method measured on synthetic years with known injected bursts (test/shared/support/synthetic-spikes.ts):
 * detection rate (bursts with a reported spike overlapping them in a related category) and false discovery rate
 * (reported spikes overlapping no burst), over three seeds. The figures are in docs/PATTERNS.md.
 */
describe('the spike method on synthetic counts with injected bursts', { timeout: 120_000 }, () => {
	const hit = (spike: Spike, burst: InjectedBurst) =>
		spike.windowStart < burst.to &&
		burst.from < spike.windowEnd &&
		(spike.category === burst.category || spike.category.startsWith(`${burst.category} > `) || burst.category.startsWith(`${spike.category} > `));

	it('detects most bursts with few false discoveries', () => {
		let bursts = 0;
		let detected = 0;
		let reported = 0;
		let falses = 0;
		const byKind = new Map<string, [number, number]>();
		for (const seed of [1, 2, 3]) {
			const year = syntheticYear(seed);
			const spikes = detectSpikes(year.tickets);
			bursts += year.bursts.length;
			reported += spikes.length;
			falses += spikes.filter((spike) => !year.bursts.some((burst) => hit(spike, burst))).length;
			for (const burst of year.bursts) {
				const found = spikes.some((spike) => hit(spike, burst));
				if (found) detected++;
				const [k, n] = byKind.get(burst.kind) ?? [0, 0];
				byKind.set(burst.kind, [k + (found ? 1 : 0), n + 1]);
			}
		}
		console.info(
			`detection ${detected}/${bursts} (${((100 * detected) / bursts).toFixed(0)} %), false discoveries ${falses}/${reported} (${((100 * falses) / reported).toFixed(1)} %); by kind: ${[...byKind].map(([kind, [k, n]]) => `${kind} ${k}/${n}`).join(', ')}`,
		);
		expect(detected / bursts).toBeGreaterThan(0.75);
		expect(falses / reported).toBeLessThan(0.1);
	});
});
