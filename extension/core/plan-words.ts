import type { Plan } from '../../shared/schemas/plan';
import type { PlanMeasure } from '../../shared/vocabulary';
import { type MessageKey, t } from '../i18n';

/** Shares are kept as 0 to 1 and typed and shown as percents. */
export const isShare = (measure: PlanMeasure) => measure === 'late-share' || measure === 'reopen-share';

/** A measure's value in words with its unit: "2.5 a week", "18.0 h", "12 %", "4.2 / 5"; "unknown" when null. */
export function formatMeasure(measure: PlanMeasure, value: number | null): string {
	if (value === null) return t('plan.unit.unknown');
	if (isShare(measure)) return t('plan.unit.share', { value: Math.round(value * 100) });
	if (measure === 'median-hours-to-solve') return t('plan.unit.hours', { value: value.toFixed(1) });
	if (measure === 'satisfaction') return t('plan.unit.stars', { value: value.toFixed(1) });
	return t('plan.unit.perWeek', { value: value.toFixed(1) });
}

/** What a value rests on: weeks for a rate or a volume, tickets or answers for the others. */
export const sampleWords = (measure: PlanMeasure, sample: number) =>
	measure === 'signal-rate' || measure === 'opened-per-week' ? t('plan.sample.weeks', { count: sample }) : t('plan.sample.tickets', { count: sample });

const reasonWords = (reason: string | undefined) => t(`plan.unknown.${reason ?? 'no-tickets'}` as MessageKey);

/** The Check's verdict in words: met, not met, too early (and why), unknown (and why). */
export function verdictWords(plan: Plan): string {
	const check = plan.check;
	if (!check) return '';
	const values = {
		value: formatMeasure(plan.measure, check.measured.value),
		target: formatMeasure(plan.measure, plan.target),
		baseline: formatMeasure(plan.measure, plan.baseline.value),
		date: plan.reviewOn,
		sample: sampleWords(plan.measure, check.measured.sample),
	};
	if (check.verdict === 'met' || check.verdict === 'not-met') return t(`plan.verdict.${check.verdict}`, values);
	if (check.verdict === 'too-early') return t(check.reason === 'before-review' ? 'plan.verdict.tooEarlyReview' : 'plan.verdict.tooEarlyData', values);
	return t('plan.verdict.unknown', { reason: reasonWords(check.reason) });
}

/** The baseline in words, with the weeks it covers and what it rests on, or why it is unknown. */
export function baselineWords(plan: Plan): string {
	const value = plan.baseline.value === null ? `${t('plan.unit.unknown')} (${reasonWords(plan.baseline.unknown)})` : formatMeasure(plan.measure, plan.baseline.value);
	return t('plan.baselineIs', { value, from: plan.baselineFrom, to: plan.baselineTo, sample: sampleWords(plan.measure, plan.baseline.sample) });
}
