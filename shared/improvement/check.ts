import type { MeasureValue, ServiceMeasure, UnknownReason } from './measures';

/** The PLAN of an item: what it will move, from where, to where, and when it is looked at again. */
export interface Objective {
	measure: ServiceMeasure | 'signal-rate';
	baseline: number;
	target: number;
	/** The review date, "2027-01-15". */
	reviewOn: string;
}

export type Verdict =
	| { verdict: 'met' | 'not-met'; current: number }
	| { verdict: 'too-early'; reason: 'before-review' | 'not-enough-data'; current: number | null }
	| { verdict: 'unknown'; reason: UnknownReason };

/** Measures where a higher value is better; for the others (volumes, times, shares of failures) lower is better. */
const HIGHER_IS_BETTER: ReadonlySet<Objective['measure']> = new Set(['satisfaction']);

/**
 * The least a Check rests on before it may say "met" or "not met": two whole weeks for a rate, and five tickets or
 * answers for a median or a share, below which one ticket more or less flips the verdict.
 */
export const MIN_SAMPLE: Record<Objective['measure'], number> = {
	'signal-rate': 2,
	'opened-per-week': 2,
	'median-hours-to-solve': 5,
	'late-share': 5,
	'reopen-share': 5,
	satisfaction: 5,
};

/** Whether moving down is the improvement: from the target's side of the baseline, else from the measure. */
export const lowerIsBetter = (objective: Pick<Objective, 'measure' | 'baseline' | 'target'>) =>
	objective.target === objective.baseline ? !HIGHER_IS_BETTER.has(objective.measure) : objective.target < objective.baseline;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The CHECK: on or after the review date, the measure now against the target. Too early before the review date or
 * while the measure rests on too little; unknown, with its reason, when GLPI's export cannot give the measure.
 */
export function checkObjective(objective: Objective, now: MeasureValue, today: number): Verdict {
	if (dayOf(today) < objective.reviewOn) return { verdict: 'too-early', reason: 'before-review', current: now.value };
	if (now.value === null) {
		if (now.unknown === 'no-tickets' || now.unknown === 'no-weeks') return { verdict: 'too-early', reason: 'not-enough-data', current: null };
		return { verdict: 'unknown', reason: now.unknown ?? 'no-tickets' };
	}
	if (now.sample < MIN_SAMPLE[objective.measure]) return { verdict: 'too-early', reason: 'not-enough-data', current: now.value };
	const met = lowerIsBetter(objective) ? now.value <= objective.target : now.value >= objective.target;
	return { verdict: met ? 'met' : 'not-met', current: now.value };
}

/** An item whose review date has passed and that has had no Check since: the register flags it. */
export const isReviewOverdue = (objective: Pick<Objective, 'reviewOn'>, lastCheckedOn: string | null, today: number) =>
	dayOf(today) > objective.reviewOn && (lastCheckedOn === null || lastCheckedOn < objective.reviewOn);
