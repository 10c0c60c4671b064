import { MAX_HINTS, MAX_KNOWN_ISSUES } from '../../shared/limits';
import { type ItemStatus, TRIAGED_OPEN_STATUSES } from '../../shared/schemas/backlog';
import type { HintInput, HintPatch, ManagerHint } from '../../shared/schemas/hint';
import type { Page, SignalKind } from '../../shared/schemas/signal';

export type GlpiInterface = NonNullable<Page['interface']>;

export interface HintRow {
	id: string;
	route: string;
	selector: string | null;
	text_en: string | null;
	text_fr: string | null;
	link: string | null;
	interface: GlpiInterface | null;
	created_at: string;
	updated_at: string;
}

const HINT_COLUMNS = 'id, route, selector, text_en, text_fr, link, interface, created_at, updated_at';

export function toManagerHint(row: HintRow): ManagerHint {
	const hint: ManagerHint = { kind: 'manager', id: row.id, route: row.route, text: {}, createdAt: row.created_at, updatedAt: row.updated_at };
	if (row.interface) hint.interface = row.interface;
	if (row.selector) hint.selector = row.selector;
	if (row.text_en) hint.text.en = row.text_en;
	if (row.text_fr) hint.text.fr = row.text_fr;
	if (row.link) hint.link = row.link;
	return hint;
}

/**
 * Manager-written hints of the whole workspace (at most MAX_HINTS), oldest first, or those of one route meant for
 * the page's interface (a hint without an interface is meant for both).
 */
export const hintsStatement = (db: D1Database, workspaceId: string, route: string | undefined, ui: GlpiInterface) =>
	route === undefined
		? db.prepare(`SELECT ${HINT_COLUMNS} FROM hints WHERE workspace_id = ?1 ORDER BY created_at, id LIMIT ?2`).bind(workspaceId, MAX_HINTS)
		: db
				.prepare(
					`SELECT ${HINT_COLUMNS} FROM hints WHERE workspace_id = ?1 AND route = ?2 AND (interface IS NULL OR interface = ?4)
					ORDER BY created_at, id LIMIT ?3`,
				)
				.bind(workspaceId, route, MAX_HINTS, ui);

export interface KnownIssueRow {
	id: string;
	kind: SignalKind;
	status: ItemStatus;
	/** The title a manager set, or null: the item's own title is users' words and never shows to others. */
	public_title: string | null;
	signal_count: number;
	selector: string | null;
	/** JSON array of the item's tags. */
	tags: string;
}

/**
 * The triaged open items of one route meant for the page's interface, highest rank first, through the items_route
 * index: only a manager moves an item past "new", so users cannot fill the route's MAX_KNOWN_ISSUES places (issue
 * 15). An item belongs to the interface of its first signal; one whose signals named none is shown on the central
 * interface only. Praise is not an issue, so it never becomes a known-issue hint.
 */
export const knownIssuesStatement = (db: D1Database, workspaceId: string, route: string, ui: GlpiInterface) =>
	db
		.prepare(
			`SELECT id, kind, status, public_title, signal_count, selector, tags FROM items
			WHERE workspace_id = ?1 AND route = ?2 AND merged_into IS NULL
				AND status IN (SELECT value FROM json_each(?3)) AND kind <> 'praise'
				AND coalesce(interface, 'central') = ?5
			ORDER BY rank DESC LIMIT ?4`,
		)
		.bind(workspaceId, route, JSON.stringify(TRIAGED_OPEN_STATUSES), MAX_KNOWN_ISSUES, ui);

/** Inserts a hint unless the workspace already has MAX_HINTS; returns the row, or null when full. */
export async function insertHint(db: D1Database, workspaceId: string, id: string, input: HintInput, authorTokenId: string, at: string) {
	return db
		.prepare(
			`INSERT INTO hints (id, workspace_id, route, selector, text_en, text_fr, link, created_at, updated_at, author_token_id, interface)
			SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?11
			WHERE (SELECT COUNT(*) FROM hints WHERE workspace_id = ?2) < ?10
			RETURNING ${HINT_COLUMNS}`,
		)
		.bind(id, workspaceId, input.route, input.selector ?? null, input.text.en ?? null, input.text.fr ?? null, input.link ?? null, at, authorTokenId, MAX_HINTS, input.interface ?? null)
		.first<HintRow>();
}

/** Applies a PATCH; a new `text` replaces both languages. Returns null when the workspace has no such hint. */
export async function updateHint(db: D1Database, workspaceId: string, id: string, patch: HintPatch, at: string) {
	const sets = ['updated_at = ?3'];
	const params: unknown[] = [workspaceId, id, at];
	const set = (column: string, value: unknown) => {
		params.push(value);
		sets.push(`${column} = ?${params.length}`);
	};
	if (patch.route !== undefined) set('route', patch.route);
	if (patch.selector !== undefined) set('selector', patch.selector);
	if (patch.interface !== undefined) set('interface', patch.interface);
	if (patch.link !== undefined) set('link', patch.link);
	if (patch.text !== undefined) {
		set('text_en', patch.text.en ?? null);
		set('text_fr', patch.text.fr ?? null);
	}
	return db
		.prepare(`UPDATE hints SET ${sets.join(', ')} WHERE workspace_id = ?1 AND id = ?2 RETURNING ${HINT_COLUMNS}`)
		.bind(...params)
		.first<HintRow>();
}

export async function deleteHint(db: D1Database, workspaceId: string, id: string): Promise<boolean> {
	const result = await db.prepare('DELETE FROM hints WHERE workspace_id = ?1 AND id = ?2').bind(workspaceId, id).run();
	return result.meta.changes > 0;
}
