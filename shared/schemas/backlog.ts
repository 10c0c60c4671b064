import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits';
import { IsoDateTimeSchema, ServerIdSchema, TagSchema } from './common';
import { RouteSchema, SignalKindSchema, SignalSchema } from './signal';

/** The PDCA stages of ITIL continual improvement, plus the two ways out. */
export const ITEM_STATUSES = ['new', 'plan', 'do', 'check', 'act', 'done', 'rejected'] as const;
export const ItemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;
/** Statuses in which an item is still open: its known-issue hint shows on its page. */
export const OPEN_STATUSES: readonly ItemStatus[] = ['new', 'plan', 'do', 'check', 'act'];

export const GlpiLinkSchema = z.strictObject({
	itemtype: z.enum(['Problem', 'Change']),
	id: z.int().positive(),
	url: z.url().max(500),
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
	actor: z.string(),
	field: z.string(),
	from: z.string().nullable(),
	to: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const BacklogDetailSchema = z.strictObject({
	item: BacklogItemSchema,
	evidence: z.array(SignalSchema),
	audit: z.array(AuditEntrySchema).optional(),
});

export const BacklogPatchSchema = z
	.strictObject({
		status: ItemStatusSchema.optional(),
		owner: z.string().trim().max(100).nullable().optional(),
		note: z.string().max(2000).nullable().optional(),
		title: z.string().trim().min(1).max(200).optional(),
		glpi: GlpiLinkSchema.optional(),
	})
	.refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type BacklogPatch = z.infer<typeof BacklogPatchSchema>;

export const MergeSchema = z.strictObject({ into: ServerIdSchema });
