import { z } from 'zod';
import { isWeekLabel } from '../improvement/packed-reading';
import { PLAN_MEASURES, VERDICTS } from '../vocabulary';

export { PLAN_MEASURES, VERDICTS } from '../vocabulary';
const WeekSchema = z.string().refine(isWeekLabel, 'An ISO week such as 2026-W47.');
const MeasureValueSchema = z.strictObject({
	value: z.number().nullable(),
	sample: z.number(),
	weeks: z.number(),
	unknown: z.string().optional(),
});

/**
 * PUT /v1/plans/:itemId: the PLAN of an item. The baseline is not sent: the worker computes it over the weeks given,
 * from the item's own signals (signal-rate) or from GLPI's stored service figures for the categories named.
 */
export const PlanInputSchema = z
	.strictObject({
		objective: z.string().trim().min(1).max(500),
		measure: z.enum(PLAN_MEASURES),
		/** GLPI categories (complete names) whose figures count, sub-categories included; empty for all. */
		categories: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
		baselineFrom: WeekSchema,
		baselineTo: WeekSchema,
		target: z.number().finite().min(0).max(1_000_000),
		reviewOn: z.iso.date(),
	})
	.refine(({ baselineFrom, baselineTo }) => baselineFrom <= baselineTo, { path: ['baselineTo'], message: 'The baseline ends before it starts.' });
export type PlanInput = z.infer<typeof PlanInputSchema>;


export const PlanSchema = z.strictObject({
	itemId: z.string(),
	objective: z.string(),
	measure: z.enum(PLAN_MEASURES),
	categories: z.array(z.string()),
	baselineFrom: z.string(),
	baselineTo: z.string(),
	baseline: MeasureValueSchema,
	target: z.number(),
	reviewOn: z.string(),
	setAt: z.string(),
	/** The last Check: when, over which weeks, the measure then, and the verdict with its reason. */
	check: z
		.strictObject({ on: z.string(), from: z.string(), to: z.string(), measured: MeasureValueSchema, verdict: z.enum(VERDICTS), reason: z.string().optional() })
		.optional(),
	/** The ACT after a Check that was not met: the cause found and the next step. */
	act: z.strictObject({ at: z.string(), cause: z.string(), next: z.enum(['plan', 'done']), reason: z.string().optional() }).optional(),
	/** The review date has passed and no Check was made since. */
	overdue: z.boolean(),
});
export type Plan = z.infer<typeof PlanSchema>;

/** POST /v1/plans/:itemId/act, after a Check that was not met. */
export const ActInputSchema = z.strictObject({
	cause: z.string().trim().min(1).max(1000),
	next: z.enum(['plan', 'done']),
	reason: z.string().trim().max(1000).optional(),
});
export type ActInput = z.infer<typeof ActInputSchema>;

export const PlanItemParamSchema = z.strictObject({ itemId: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not a valid id') });
