import { describe, expect, it } from 'vitest';
import { detectSpikes } from '../../shared/patterns/spikes';
import { DAY_MS, type Ticket } from '../../shared/patterns/ticket';

const NOW = Date.UTC(2026, 10, 28, 12);
let nextId = 1;
/** Tickets of a category opened `daysAgo` days before NOW. */
const opened = (category: string, ...daysAgo: number[]): Ticket[] =>
	daysAgo.map((days) => ({ id: nextId++, title: `t${nextId}`, category, openedAt: NOW - days * DAY_MS }));
/** One ticket a week for `weeks` weeks before the last window, starting 8 days ago. */
const weekly = (category: string, weeks: number) => opened(category, ...Array.from({ length: weeks }, (_, i) => 8 + 7 * i));

describe('detectSpikes', () => {
	it('flags a category with 3 tickets this week when it usually has one', () => {
		const spikes = detectSpikes([...weekly('Network > VPN', 10), ...opened('Network > VPN', 1, 2, 3)], { asOf: NOW });
		const current = spikes.filter((spike) => spike.current);
		expect(current).toHaveLength(1);
		expect(current[0]).toMatchObject({ category: 'Network > VPN', count: 3, baselineCount: 8 });
		expect(current[0]?.expected).toBeCloseTo(1, 5);
		expect(current[0]?.ratio).toBeCloseTo(3, 5);
		expect(current[0]?.windowEnd).toBe(Date.UTC(2026, 10, 29));
	});

	it('needs the minimum count, whatever the ratio', () => {
		const spikes = detectSpikes([...weekly('Email', 10), ...opened('Email', 1, 2), ...opened('Printing', 40)], { asOf: NOW });
		expect(spikes.filter((spike) => spike.current)).toEqual([]);
	});

	it('needs twice the baseline rate: 5 this week is no spike for a category that gets 4 a week', () => {
		const busy = Array.from({ length: 4 }, () => weekly('Accounts', 10)).flat();
		const spikes = detectSpikes([...busy, ...opened('Accounts', 1, 1, 2, 3, 4)], { asOf: NOW, history: false });
		expect(spikes).toEqual([]);
		const more = detectSpikes([...busy, ...opened('Accounts', 1, 1, 2, 3, 4, 5, 5, 6)], { asOf: NOW, history: false });
		expect(more[0]?.count).toBe(8);
	});

	it('flags a category that had nothing before as new (no ratio)', () => {
		const spikes = detectSpikes([...weekly('Email', 10), ...opened('Hardware > Laptop', 0, 1, 2)], { asOf: NOW });
		expect(spikes.find((spike) => spike.current)).toMatchObject({ category: 'Hardware > Laptop', baselineCount: 0, ratio: null });
	});

	it('takes the window, the baseline and the thresholds from the options', () => {
		const list = [...weekly('VPN', 10), ...opened('VPN', 1, 2, 10, 12)];
		expect(detectSpikes(list, { asOf: NOW }).filter((spike) => spike.current)).toEqual([]);
		const fortnight = detectSpikes(list, { asOf: NOW, windowDays: 14, minCount: 3, history: false });
		expect(fortnight[0]).toMatchObject({ count: 5, windowStart: Date.UTC(2026, 10, 15) });
		expect(detectSpikes(list, { asOf: NOW, minCount: 2, minRatio: 1.5, history: false })[0]?.count).toBe(2);
	});

	it('finds earlier spikes too, and judges no window without a window of past before it', () => {
		const list = [...weekly('VPN', 12), ...opened('VPN', 30, 31, 32, 33)];
		const spikes = detectSpikes(list, { asOf: NOW });
		const earlier = spikes.filter((spike) => !spike.current);
		expect(earlier.length).toBeGreaterThan(0);
		expect(earlier[0]?.windowEnd).toBeLessThanOrEqual(Date.UTC(2026, 10, 29) - 28 * DAY_MS);
		const first = Math.min(...list.map((t) => t.openedAt as number));
		for (const spike of spikes) expect(spike.windowStart - first).toBeGreaterThanOrEqual(7 * DAY_MS);
	});

	it('uses the latest date of the data as now by default, and ignores undated tickets', () => {
		const list = [...weekly('VPN', 10), ...opened('VPN', 1, 2, 3), { id: 999, title: 'no date', category: 'VPN' }];
		expect(detectSpikes(list).some((spike) => spike.current && spike.count === 3)).toBe(true);
		expect(detectSpikes([{ id: 1, title: 'x' }])).toEqual([]);
	});
});
