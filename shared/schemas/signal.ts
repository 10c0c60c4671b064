import { z } from 'zod';
import { MAX_PATTERN_TICKETS, MAX_SIGNALS_PER_BATCH, MAX_TAGS, MAX_TEXT_LENGTH } from '../limits';
import { IsoDateTimeSchema, TagSchema } from './common';

import { SIGNAL_KINDS } from '../vocabulary';

export { SIGNAL_KINDS } from '../vocabulary';
export const SignalKindSchema = z.enum(SIGNAL_KINDS);
export type SignalKind = z.infer<typeof SignalKindSchema>;

/** Kinds a reporter may send; a technician may also send `pattern` (API.md, roles). */
export const REPORTER_KINDS: readonly SignalKind[] = ['idea', 'friction', 'bug', 'praise', 'auto-friction'];

/** Page kinds the extension recognises (extension/glpi/page-detect.ts); "other" for everything else. */
export const PAGE_KINDS = [
	'ticket-list',
	'ticket-form',
	'problem-list',
	'problem-form',
	'change-list',
	'change-form',
	'central',
	'helpdesk-home',
	'helpdesk-create',
	'knowbase',
	'login',
	'other',
] as const;
export const PageKindSchema = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKindSchema>;

export const InterfaceSchema = z.enum(['central', 'helpdesk']);

/**
 * The path below GLPI's root_doc, without query string or fragment: "/front/ticket.form.php". No control or
 * invisible format character (issue 15: "/x\u0000y" reached the CSV and the metrics); a browser's location.pathname
 * percent-encodes them anyway.
 */
export const RouteSchema = z
	.string()
	.min(1)
	.max(200)
	.regex(/^\/[^?#\s\p{Cc}\p{Cf}]*$/u, 'a route starts with / and has no query string, fragment, space or control character');

export const PageSchema = z.strictObject({
	route: RouteSchema,
	kind: PageKindSchema,
	itemtype: z.string().regex(/^[A-Za-z_]{1,64}$/).optional(),
	itemId: z.int().positive().optional(),
	glpiVersion: z.string().regex(/^\d+(\.\d+){0,3}$/).optional(),
	interface: InterfaceSchema.optional(),
	/** On a ticket page: the category's complete name ("Network > VPN") and the status key ("assigned"). */
	category: z.string().min(1).max(200).optional(),
	status: z.string().regex(/^[a-z]{2,20}$/).optional(),
});
export type Page = z.infer<typeof PageSchema>;

export const TargetSchema = z.strictObject({
	selector: z.string().min(1).max(500),
	label: z.string().min(1).max(200).optional(),
});

export const PATTERN_TYPES = ['duplicates', 'spike', 'reopen'] as const;
export const PatternSchema = z.strictObject({
	type: z.enum(PATTERN_TYPES),
	size: z.int().min(1).max(100_000),
	signature: z.string().min(1).max(200),
	ticketIds: z.array(z.int().positive()).max(MAX_PATTERN_TICKETS),
	categoryId: z.int().nonnegative().optional(),
});
export type Pattern = z.infer<typeof PatternSchema>;

export const SignalSchema = z
	.strictObject({
		id: z.uuid(),
		kind: SignalKindSchema,
		createdAt: IsoDateTimeSchema,
		reporter: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
		page: PageSchema,
		target: TargetSchema.optional(),
		tags: z.array(TagSchema).max(MAX_TAGS).optional(),
		text: z.string().max(MAX_TEXT_LENGTH).optional(),
		severity: z.int().min(1).max(5).optional(),
		/** auto-friction only: how many times the extension counted it in its period (one signal, never one per click). */
		count: z.int().min(1).max(100_000).optional(),
		pattern: PatternSchema.optional(),
	})
	.superRefine((signal, ctx) => {
		if (signal.kind === 'pattern' && !signal.pattern) {
			ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'a pattern signal needs a pattern' });
		}
		if (signal.kind !== 'pattern' && signal.pattern) {
			ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'only a pattern signal carries a pattern' });
		}
	});
export type Signal = z.infer<typeof SignalSchema>;

export const SignalBatchSchema = z.strictObject({
	signals: z.array(SignalSchema).min(1).max(MAX_SIGNALS_PER_BATCH),
});
export type SignalBatch = z.infer<typeof SignalBatchSchema>;

export const SignalBatchResultSchema = z.strictObject({
	accepted: z.array(z.uuid()),
	duplicates: z.array(z.uuid()),
});
export type SignalBatchResult = z.infer<typeof SignalBatchResultSchema>;
