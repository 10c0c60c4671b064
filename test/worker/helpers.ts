import { env, exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import { ErrorEnvelopeSchema } from '../../shared/schemas/errors';
import type { Role } from '../../shared/schemas/workspace';
import app from '../../worker/index';

export const ADMIN = 'test-admin-token';
const BASE = 'http://gx.test';

export interface CallInit {
	method?: string;
	token?: string;
	body?: unknown;
	rawBody?: BodyInit;
	headers?: Record<string, string> | [string, string][];
}

function requestOf(path: string, init: CallInit): Request {
	const headers = new Headers(init.headers);
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	let body: BodyInit | undefined = init.rawBody;
	if (init.body !== undefined) {
		headers.set('content-type', 'application/json');
		body = JSON.stringify(init.body);
	}
	return new Request(`${BASE}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

/** A request to the worker as deployed: through its default export's fetch, inside workerd. */
export function call(path: string, init: CallInit = {}) {
	return (exports as unknown as { default: { fetch(request: Request): Promise<Response> } }).default.fetch(requestOf(path, init));
}

/** The same request with some bindings replaced (a low rate limit, other CORS origins). */
export function callWith(bindings: Partial<Record<'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_READS_PER_MINUTE' | 'ALLOWED_ORIGINS' | 'ENROLL_FAILURES_PER_MINUTE' | 'AUTH_FAILURES_PER_MINUTE', string>>, path: string, init: CallInit = {}) {
	return app.fetch(requestOf(path, init), { ...env, ...bindings });
}

/** Calls and parses the JSON answer, failing with the body when the status is not the expected one. */
export async function json<T = Record<string, unknown>>(response: Promise<Response> | Response, status = 200): Promise<T> {
	const answer = await response;
	const text = await answer.text();
	expect(answer.status, text).toBe(status);
	return JSON.parse(text) as T;
}

/** Asserts an error answer: its status, its code, and the envelope of API.md. */
export async function expectError(response: Promise<Response> | Response, status: number, code?: string) {
	const answer = await response;
	const text = await answer.text();
	expect(answer.status, text).toBe(status);
	const body = ErrorEnvelopeSchema.parse(JSON.parse(text));
	if (code) expect(body.error.code).toBe(code);
	return body;
}

export interface TestWorkspace {
	id: string;
	tokens: Record<Role, string>;
	tokenIds: Partial<Record<Role, string>>;
}

/** A fresh workspace through the API, with one token per role. */
export async function createWorkspace(name = 'Test desk'): Promise<TestWorkspace> {
	const created = await call('/v1/workspaces', { token: ADMIN, body: { name } });
	if (created.status !== 201) throw new Error(`workspace: ${created.status} ${await created.text()}`);
	const { workspace, token: manager } = (await created.json()) as { workspace: { id: string }; token: string };
	const tokens: Record<Role, string> = { manager, reporter: '', technician: '' };
	const tokenIds: Partial<Record<Role, string>> = {};
	for (const role of ['reporter', 'technician'] as const) {
		const response = await call('/v1/tokens', { token: manager, body: { role, label: role } });
		const body = (await response.json()) as { id: string; token: string };
		tokens[role] = body.token;
		tokenIds[role] = body.id;
	}
	return { id: workspace.id, tokens, tokenIds };
}

let counter = 0;
/** A valid signal with a fresh id; override any field. */
export function signal(overrides: Record<string, unknown> = {}) {
	counter++;
	return {
		id: crypto.randomUUID(),
		kind: 'idea',
		createdAt: new Date(Date.now() - counter).toISOString(),
		reporter: `reporter-${String(counter % 5).padStart(4, '0')}`,
		page: { route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket', itemId: 5, interface: 'central' },
		text: 'Add a button to reopen the ticket from the list',
		...overrides,
	};
}

/** Sends signals with a token (technician by default: every kind) and returns the answer. */
export const send = (token: string, signals: unknown[]) =>
	json<{ accepted: string[]; duplicates: string[] }>(call('/v1/signals', { token, body: { signals } }));

export interface ListedItem {
	id: string;
	title: string;
	kind: string;
	status: string;
	score: number;
	signalCount: number;
	reporterCount: number;
	burstReporters?: number;
	firstSeen: string;
	lastSeen: string;
	tags: string[];
	weekly: number[];
	route?: string;
	selector?: string;
	owner?: string;
	note?: string;
	statusChangedAt?: string;
	glpi?: { itemtype: string; id: number; url: string };
}

/** The backlog of a workspace (first page, or with a query string). */
export async function backlogOf(workspace: TestWorkspace, query = '') {
	return (await json<{ items: ListedItem[]; nextCursor: string | null }>(call(`/v1/backlog${query}`, { token: workspace.tokens.manager }))).items;
}

const TABLES = ['workspaces', 'tokens', 'items', 'item_keys', 'item_reporters', 'signals', 'audit', 'item_weeks', 'daily_counts', 'hints', 'enrollment_codes'];

/**
 * Row counts of every data table, plus a fingerprint of the items' mutable fields: a rejected request must leave both
 * unchanged. rate_limits and enrollment_attempts are bookkeeping of the requests themselves and are left out.
 */
export async function snapshot(): Promise<string> {
	const counts = TABLES.map((table) => `(SELECT COUNT(*) FROM ${table}) AS ${table}`).join(', ');
	const row = await env.DB.prepare(
		`SELECT ${counts},
			(SELECT group_concat(id || status || coalesce(owner, '') || coalesce(note, '') || title || coalesce(merged_into, '') || signal_count || rank, ';')
				FROM (SELECT * FROM items ORDER BY id)) AS items_state,
			(SELECT group_concat(id || route || coalesce(text_en, '') || coalesce(text_fr, ''), ';') FROM (SELECT * FROM hints ORDER BY id)) AS hints_state,
			(SELECT group_concat(id || coalesce(revoked_at, ''), ';') FROM (SELECT * FROM tokens ORDER BY id)) AS tokens_state,
			(SELECT group_concat(id || uses || coalesce(revoked_at, ''), ';') FROM (SELECT * FROM enrollment_codes ORDER BY id)) AS enrollments_state,
			(SELECT group_concat(id || share_text || auto_friction, ';') FROM (SELECT * FROM workspaces ORDER BY id)) AS workspaces_state`,
	).first();
	return JSON.stringify(row);
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
