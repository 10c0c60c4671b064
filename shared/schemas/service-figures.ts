import { z } from 'zod';
import { PackedReadingSchema, isWeekLabel } from '../improvement/packed-reading';
import { weekStart } from '../improvement/measures';
import { MAX_FIGURE_WEEKS } from '../limits';

const WEEK_MS = 7 * 86_400_000;
/** Weeks from one label to another, both included; 0 when either is not a week (zod still runs refinements then). */
const weeksBetween = (from: string, to: string) =>
	isWeekLabel(from) && isWeekLabel(to) ? Math.round((weekStart(to) - weekStart(from)) / WEEK_MS) + 1 : 0;

/**
 * POST /v1/service-figures: one packed weekly reading of GLPI's figures (shared/improvement/packed-reading.ts),
 * counts only. Its span is bounded, and each category has its list of rows.
 */
export const ServiceFiguresInputSchema = PackedReadingSchema.superRefine((reading, context) => {
	if (reading.rows.length !== reading.categories.length) {
		context.addIssue({ code: 'custom', path: ['rows'], message: 'One list of rows per category is needed.' });
	}
	if (new Set(reading.categories).size !== reading.categories.length) {
		context.addIssue({ code: 'custom', path: ['categories'], message: 'A category is named twice.' });
	}
	const weeks = weeksBetween(reading.from, reading.to);
	if (isWeekLabel(reading.from) && isWeekLabel(reading.to) && (weeks < 1 || weeks > MAX_FIGURE_WEEKS)) {
		context.addIssue({ code: 'custom', path: ['to'], message: `A reading covers 1 to ${MAX_FIGURE_WEEKS} weeks, from its first to its last.` });
	}
});
export type ServiceFiguresInput = z.infer<typeof ServiceFiguresInputSchema>;

const WeekLabelSchema = z.string().refine(isWeekLabel, 'An ISO week such as 2026-W47.');

export const ServiceFiguresQuerySchema = z
	.strictObject({ from: WeekLabelSchema, to: WeekLabelSchema })
	.refine(({ from, to }) => weeksBetween(from, to) >= 1 && weeksBetween(from, to) <= MAX_FIGURE_WEEKS, {
		path: ['to'],
		message: `From 1 to ${MAX_FIGURE_WEEKS} weeks, the first not after the last.`,
	});

/** What the worker answers a reading: the weeks it stored, and those where it kept a fuller earlier reading. */
export const ServiceFiguresReceiptSchema = z.strictObject({ stored: z.array(z.string()), kept: z.array(z.string()) });
export type ServiceFiguresReceipt = z.infer<typeof ServiceFiguresReceiptSchema>;

/** GET /v1/service-figures: the stored weeks of the period as one packed reading (null when none), and when each was read. */
export const ServiceFiguresSchema = z.strictObject({
	reading: PackedReadingSchema.nullable(),
	weeks: z.array(z.strictObject({ week: z.string(), readAt: z.string() })),
});
export type ServiceFigures = z.infer<typeof ServiceFiguresSchema>;
