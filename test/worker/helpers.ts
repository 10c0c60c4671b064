import { exports } from 'cloudflare:workers';
import type { Role } from '../../shared/schemas/workspace';

export const ADMIN = 'test-admin-token';
const BASE = 'http://gx.test';

/** A request to the worker as deployed: through its default export's fetch, inside workerd. */
export function call(path: string, init: { method?: string; token?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {}) {
	const headers = new Headers(init.headers);
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	let body: BodyInit | undefined = init.rawBody;
	if (init.body !== undefined) {
		headers.set('content-type', 'application/json');
		body = JSON.stringify(init.body);
	}
	return (exports as unknown as { default: { fetch(request: Request): Promise<Response> } }).default.fetch(
		new Request(`${BASE}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body }),
	);
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
