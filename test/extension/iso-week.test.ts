import { describe, expect, it } from 'vitest';
import { isoWeekOf, lastWholeWeeks } from '../../extension/core/iso-week';
import { periodLabel, periodStart } from '../../shared/patterns/periods';

describe("the popup's ISO weeks", () => {
	it("name every day of 2019 to 2031 as the shared engine does (years of 53 weeks, 1 January in the last year's week)", () => {
		for (let time = Date.UTC(2019, 0, 1, 13); time < Date.UTC(2032, 0, 1); time += 86_400_000) {
			expect(isoWeekOf(time), new Date(time).toISOString()).toBe(periodLabel(periodStart(time, 'week'), 'week'));
		}
	});

	it('give a baseline of the whole weeks before this one', () => {
		// Wednesday 2026-12-02 is in 2026-W49.
		expect(lastWholeWeeks(8, Date.UTC(2026, 11, 2, 10))).toEqual({ from: '2026-W41', to: '2026-W48' });
	});
});
