import { z } from 'zod';
import { MAX_HINT_TEXT } from '../limits';
import { IsoDateTimeSchema, ServerIdSchema, TagSchema } from './common';
import { ItemStatusSchema } from './backlog';
import { InterfaceSchema, RouteSchema, SignalKindSchema } from './signal';

/**
 * Hints flow back onto the GLPI pages they concern (DESIGN.md, step 6): the ones a manager writes, per route and
 * optional element, and a known-issue hint for each open backlog item on the page, made by the server.
 */

const HintLineSchema = z.string().trim().min(1).max(MAX_HINT_TEXT);

/** English and French text; at least one. The overlay shows the user's language and falls back to the other. */
export const HintTextSchema = z
	.strictObject({ en: HintLineSchema.optional(), fr: HintLineSchema.optional() })
	.refine((text) => text.en !== undefined || text.fr !== undefined, { message: 'write the hint in English, French or both' });

/**
 * Only http(s) links: a hint's link is rendered on a GLPI page, so javascript: and data: URLs never pass. Any host
 * (intranet names such as http://glpi/ included).
 */
export const HintLinkSchema = z.url({ protocol: /^https?$/ }).max(500);

const SelectorSchema = z.string().min(1).max(500);

export const HintInputSchema = z.strictObject({
	route: RouteSchema,
	/** Added (issue 15): the GLPI interface the hint is meant for; absent: both. */
	interface: InterfaceSchema.optional(),
	selector: SelectorSchema.optional(),
	text: HintTextSchema,
	link: HintLinkSchema.optional(),
});
export type HintInput = z.infer<typeof HintInputSchema>;

/** PATCH /v1/hints/:id: any field; null removes the selector or the link. */
export const HintPatchSchema = z
	.strictObject({
		route: RouteSchema.optional(),
		interface: InterfaceSchema.nullable().optional(),
		selector: SelectorSchema.nullable().optional(),
		text: HintTextSchema.optional(),
		link: HintLinkSchema.nullable().optional(),
	})
	.refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type HintPatch = z.infer<typeof HintPatchSchema>;

export const ManagerHintSchema = z.strictObject({
	kind: z.literal('manager'),
	id: ServerIdSchema,
	route: RouteSchema,
	interface: InterfaceSchema.optional(),
	selector: SelectorSchema.optional(),
	text: z.strictObject({ en: z.string().optional(), fr: z.string().optional() }),
	link: z.string().optional(),
	createdAt: IsoDateTimeSchema,
	updatedAt: IsoDateTimeSchema,
});
export type ManagerHint = z.infer<typeof ManagerHintSchema>;

/**
 * Made by the server for a triaged open backlog item (plan, do, check, act) on the page; gone once done or rejected.
 * Other users see only what a manager wrote (issue 15): `title` is the title a manager set, absent otherwise, and the
 * text says no word of what users sent.
 */
export const KnownIssueHintSchema = z.strictObject({
	kind: z.literal('known-issue'),
	itemId: ServerIdSchema,
	itemKind: SignalKindSchema,
	status: ItemStatusSchema,
	title: z.string().optional(),
	signalCount: z.int().nonnegative(),
	/** Added: the item's tags, so that a "me too" joins the same item (friction groups by route, element and tag). */
	tags: z.array(TagSchema),
	selector: SelectorSchema.optional(),
	text: z.strictObject({ en: z.string(), fr: z.string() }),
});
export type KnownIssueHint = z.infer<typeof KnownIssueHintSchema>;

export const HintSchema = z.discriminatedUnion('kind', [ManagerHintSchema, KnownIssueHintSchema]);
export type Hint = z.infer<typeof HintSchema>;

/**
 * Query of GET /v1/hints. Without a route: every manager-written hint of the workspace (for the popup). `interface`
 * (added, issue 15): the interface of the page asking; without it, the page is taken as self-service (the narrower
 * view), so hints and known issues meant for technicians show only when the page says it is central.
 */
export const HintsQuerySchema = z.strictObject({ route: RouteSchema.optional(), interface: InterfaceSchema.optional() });

export const HintListSchema = z.strictObject({ hints: z.array(HintSchema) });
export const HintResultSchema = z.strictObject({ hint: ManagerHintSchema });
export const HintIdParamSchema = z.strictObject({ id: ServerIdSchema });
