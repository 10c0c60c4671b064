import { DAY_MS, type Ticket } from '../../../shared/patterns/ticket';
import { random } from './random';

/**
 * A year of synthetic tickets with known injected bursts, to measure the spike method (issue 16): 8 parent
 * categories of 3 sub-categories, each with its own steady daily rate, fewer tickets at weekends (so that counts
 * are overdispersed, as a real help desk's), opened during working hours. Then bursts of four kinds are added where
 * their truth is known: a day in one sub-category, two hours in one sub-category (a major incident), a week spread
 * over the three sub-categories of one parent, and a day in the export's first week.
 */
export interface InjectedBurst {
	kind: 'day' | 'hours' | 'week over sub-categories' | 'first week';
	category: string;
	from: number;
	to: number;
	tickets: number;
}

export const YEAR_START = Date.UTC(2025, 0, 6);

function poisson(next: () => number, mean: number): number {
	let count = 0;
	let product = next();
	const limit = Math.exp(-mean);
	while (product > limit) {
		count++;
		product *= next();
	}
	return count;
}

export function syntheticYear(seed: number): { tickets: Ticket[]; bursts: InjectedBurst[] } {
	const next = random(seed);
	const tickets: Ticket[] = [];
	const add = (category: string, time: number) => tickets.push({ id: tickets.length + 1, title: 't', category, openedAt: Math.floor(time / 60_000) * 60_000 });
	const working = (day: number) => day + 8 * 3_600_000 + next() * 10 * 3_600_000;
	const parents = ['Hardware', 'Network', 'Accounts', 'Email', 'Printing', 'Software', 'Telephony', 'Facilities'];
	const rates = [0.2, 0.5, 1, 2, 4, 8];
	const leaves: { category: string; rate: number }[] = [];
	for (const parent of parents) for (const child of ['A', 'B', 'C']) leaves.push({ category: `${parent} > ${child}`, rate: rates[Math.floor(next() * rates.length)] as number });
	for (let d = 0; d < 365; d++) {
		const day = YEAR_START + d * DAY_MS;
		const weekend = d % 7 >= 5;
		for (const leaf of leaves) {
			const n = poisson(next, leaf.rate * (weekend ? 0.3 : 1.28));
			for (let k = 0; k < n; k++) add(leaf.category, working(day));
		}
	}
	const bursts: InjectedBurst[] = [];
	// Bursts on weekdays after the first 8 weeks (except the first-week kind), each its own fortnight.
	for (let b = 0; b < 24; b++) {
		const kind = (['day', 'hours', 'week over sub-categories', 'first week'] as const)[b % 4] as InjectedBurst['kind'];
		const leaf = leaves[Math.floor(next() * leaves.length)] as { category: string; rate: number };
		const day = kind === 'first week' ? YEAR_START + (1 + Math.floor(next() * 4)) * DAY_MS : YEAR_START + (63 + 12 * b) * DAY_MS;
		if (kind === 'day' || kind === 'first week') {
			const n = Math.max(10, Math.round(5 * leaf.rate));
			for (let k = 0; k < n; k++) add(leaf.category, working(day));
			bursts.push({ kind, category: leaf.category, from: day, to: day + DAY_MS, tickets: n });
		} else if (kind === 'hours') {
			const n = 30 + Math.floor(next() * 11);
			const start = day + 9 * 3_600_000;
			for (let k = 0; k < n; k++) add(leaf.category, start + next() * 2 * 3_600_000);
			bursts.push({ kind, category: leaf.category, from: start, to: start + 2 * 3_600_000, tickets: n });
		} else {
			const parent = leaf.category.split(' > ')[0] as string;
			let n = 0;
			for (const child of leaves.filter((l) => l.category.startsWith(`${parent} > `))) {
				// Each sub-category gets a little more, less alone than together: 2 more tickets a day for 5 working days.
				for (let k = 0; k < 10; k++) {
					add(child.category, working(day + Math.floor(k / 2) * DAY_MS));
					n++;
				}
			}
			bursts.push({ kind, category: parent, from: day, to: day + 7 * DAY_MS, tickets: n });
		}
	}
	tickets.sort((a, b) => (a.openedAt as number) - (b.openedAt as number));
	return { tickets, bursts };
}
