import { z } from 'zod';
import { MAX_METRICS_DAYS } from '../limits';
import { IsoDateTimeSchema, ServerIdSchema } from './common';
import { ItemStatusSchema } from './backlog';
import { RouteSchema, SIGNAL_KINDS, type SignalKind } from './signal';

const DAY_MS = 86_400_000;
/** A calendar day of this millennium or the next few centuries: no year 0 or 9999 arithmetic at the edges. */
const IsoDateSchema = z.iso.date().regex(/^2\d{3}-/, 'a date between 2000 and 2999');

/**
 * Query of GET /v1/metrics: a range of whole UTC days, both ends included. `to` defaults to today and `from` to 29
 * days before `to` (30 days).
 */
export const MetricsQuerySchema = z
	.strictObject({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
	.transform((query, ctx) => {
		const to = query.to ?? new Date().toISOString().slice(0, 10);
		const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
		const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
		if (days < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
		if (days > MAX_METRICS_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_METRICS_DAYS} days` });
		return { from, to };
	});
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;

const count = z.int().nonnegative();
const KindCountsSchema = z.strictObject(
	Object.fromEntries(SIGNAL_KINDS.map((kind) => [kind, count])) as Record<SignalKind, typeof count>,
);

const RateSchema = z.strictObject({
	signals: count,
	/** Signals per week over the window; null when the window is empty (the item entered `do` just now). */
	perWeek: z.number().nonnegative().nullable(),
});

/** The "Check" of PDCA: did the signals about an item slow down after its change went in? */
export const CheckMetricSchema = z.strictObject({
	itemId: ServerIdSchema,
	title: z.string(),
	status: ItemStatusSchema,
	/** When the item last entered `do`. */
	doAt: IsoDateTimeSchema,
	/** Each window's length: CHECK_WINDOW_DAYS, or the time since doAt when shorter, so both windows stay equal. */
	windowDays: z.number().nonnegative(),
	before: RateSchema,
	after: RateSchema,
	/** (after − before) / before, e.g. −0.6 for 60 % fewer signals; null when there was nothing before. */
	change: z.number().nullable(),
});
export type CheckMetric = z.infer<typeof CheckMetricSchema>;

export const MetricsSchema = z.strictObject({
	from: IsoDateSchema,
	to: IsoDateSchema,
	/** One entry per day of the range, oldest first, zeros included; days are UTC days of the signals' time. */
	signalsPerDay: z.array(z.strictObject({ day: IsoDateSchema, counts: KindCountsSchema })),
	/** The ten routes with the most signals in the range. */
	topPages: z.array(z.strictObject({ route: RouteSchema, signals: count })),
	/** Items per status now (merged items excluded), every status present. */
	itemsPerStatus: z.strictObject(
		Object.fromEntries(ItemStatusSchema.options.map((status) => [status, count])) as Record<z.infer<typeof ItemStatusSchema>, typeof count>,
	),
	/** Items first triaged (moved away from `new`) in the range: how many, and the median hours from first signal. */
	triage: z.strictObject({ count, medianHours: z.number().nonnegative().nullable() }),
	/** Items in check or done that entered `do` in the range, latest first. */
	checks: z.array(CheckMetricSchema),
});
export type Metrics = z.infer<typeof MetricsSchema>;
