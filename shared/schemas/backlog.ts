import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_CSV_ROWS, MAX_PAGE_SIZE } from '../limits';
import { IsoDateTimeSchema, ServerIdSchema, TagSchema } from './common';
import { RouteSchema, SignalKindSchema, SignalSchema } from './signal';

/** The PDCA stages of ITIL continual improvement, plus the two ways out. */
import { ITEM_STATUSES } from '../vocabulary';

export { ITEM_STATUSES, OPEN_STATUSES, TRIAGED_OPEN_STATUSES } from '../vocabulary';
export const ItemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const GlpiLinkSchema = z.strictObject({
	itemtype: z.enum(['Problem', 'Change']),
	id: z.int().positive(),
	// http(s) only: the popup renders it as a link.
	url: z.url({ protocol: /^https?$/ }).max(500),
});
export type GlpiLink = z.infer<typeof GlpiLinkSchema>;

export const BacklogItemSchema = z.strictObject({
	id: ServerIdSchema,
	title: z.string().min(1).max(200),
	kind: SignalKindSchema,
	status: ItemStatusSchema,
	owner: z.string().max(100).optional(),
	note: z.string().max(2000).optional(),
	score: z.number().nonnegative(),
	signalCount: z.int().nonnegative(),
	reporterCount: z.int().nonnegative(),
	/**
	 * Added (issue 15): reporters held back, not counted in reporterCount, because one token brought more than
	 * REPORTER_BURST_LIMIT new reporters to the item within REPORTER_BURST_WINDOW_MINUTES (docs/BACKEND.md). Absent
	 * when none.
	 */
	burstReporters: z.int().positive().optional(),
	firstSeen: IsoDateTimeSchema,
	lastSeen: IsoDateTimeSchema,
	route: RouteSchema.optional(),
	selector: z.string().max(500).optional(),
	tags: z.array(TagSchema),
	/** Added to the contract: the GLPI Problem or Change this item was pushed to. */
	glpi: GlpiLinkSchema.optional(),
	/** Added: signals per ISO week, oldest first, for the popup's sparkline (last 8 weeks). */
	weekly: z.array(z.int().nonnegative()).optional(),
	/** Added: when the status last changed (absent while the item was never triaged). */
	statusChangedAt: IsoDateTimeSchema.optional(),
});
export type BacklogItem = z.infer<typeof BacklogItemSchema>;

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
	z
		.string()
		.max(200)
		.transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
		.pipe(z.array(item).min(1));

/** Query of GET /v1/backlog and /v1/backlog.csv. status and kind take comma-separated lists. */
export const BacklogQuerySchema = z.strictObject({
	status: csv(ItemStatusSchema).optional(),
	kind: csv(SignalKindSchema).optional(),
	route: RouteSchema.optional(),
	q: z.string().min(1).max(200).optional(),
	sort: z.enum(['score', 'recent']).default('score'),
	limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
	cursor: z.string().min(1).max(200).optional(),
});
export type BacklogQuery = z.infer<typeof BacklogQuerySchema>;

export const BacklogPageSchema = z.strictObject({
	items: z.array(BacklogItemSchema),
	nextCursor: z.string().nullable(),
});

export const AuditEntrySchema = z.strictObject({
	at: IsoDateTimeSchema,
	/** The token's label, or its id when it has none. */
	actor: z.string(),
	/** Added: the id of the token that made the change (labels need not be unique). */
	actorTokenId: ServerIdSchema.optional(),
	/** status, owner, note, title, glpi, mergedInto (on a merged source) or merged (on the target). */
	field: z.string(),
	from: z.string().nullable(),
	to: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const BacklogDetailSchema = z.strictObject({
	item: BacklogItemSchema,
	evidence: z.array(SignalSchema),
	/** Every change of the item, newest first (at most MAX_AUDIT). Always present since the triage routes exist. */
	audit: z.array(AuditEntrySchema),
	/** Added: set when this item was merged; the id of the item that now holds its signals. */
	mergedInto: ServerIdSchema.optional(),
});
export type BacklogDetail = z.infer<typeof BacklogDetailSchema>;

/** The :id of the backlog routes. */
export const ItemIdParamSchema = z.strictObject({ id: ServerIdSchema });

/** Query of GET /v1/backlog.csv: the filters of /v1/backlog, every page at once, at most MAX_CSV_ROWS rows. */
export const BacklogCsvQuerySchema = BacklogQuerySchema.omit({ limit: true, cursor: true }).extend({
	limit: z.coerce.number().int().min(1).max(MAX_CSV_ROWS).default(MAX_CSV_ROWS),
});
export type BacklogCsvQuery = z.infer<typeof BacklogCsvQuerySchema>;

export const BacklogPatchSchema = z
	.strictObject({
		status: ItemStatusSchema.optional(),
		owner: z.string().trim().max(100).nullable().optional(),
		note: z.string().max(2000).nullable().optional(),
		title: z.string().trim().min(1).max(200).optional(),
		/** The GLPI Problem or Change the popup created for this item; null removes the link. */
		glpi: GlpiLinkSchema.nullable().optional(),
	})
	.refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type BacklogPatch = z.infer<typeof BacklogPatchSchema>;

export const MergeSchema = z.strictObject({ into: ServerIdSchema });
export type MergeInput = z.infer<typeof MergeSchema>;

/** Answer of PATCH /v1/backlog/:id and POST /v1/backlog/:id/merge. */
export const BacklogItemResultSchema = z.strictObject({ item: BacklogItemSchema });
