import type { Role } from '../../shared/schemas/workspace';
import { type CallInit, type TestWorkspace, call, json, send, signal } from './helpers';

/** Every route of the API with a request that succeeds for its role: the matrix of auth.test.ts. */
export interface RouteCase {
	name: string;
	/** 'none': the route needs no token, and ignores one (GET /v1/health, POST /v1/enroll). */
	role: Role | 'admin' | 'none';
	/** Makes a request; may create what it needs in the workspace first. */
	make(workspace: TestWorkspace): Promise<{ path: string } & CallInit>;
	/** The success status. */
	status: number;
}

export async function newItem(workspace: TestWorkspace, text = `An idea about ${crypto.randomUUID()}`) {
	await send(workspace.tokens.reporter, [signal({ text })]);
	const { items } = await json<{ items: { id: string; title: string }[] }>(call('/v1/backlog?sort=recent&limit=100', { token: workspace.tokens.manager }));
	const item = items.find((candidate) => candidate.title === text);
	if (!item) throw new Error('item not found');
	return item.id;
}

export async function newHint(workspace: TestWorkspace) {
	const body = await json<{ hint: { id: string } }>(
		call('/v1/hints', { token: workspace.tokens.manager, body: { route: '/front/ticket.php', text: { en: 'Use the search' } } }),
		201,
	);
	return body.hint.id;
}

/** A fresh enrollment code of the workspace (reporter, five uses, a day). */
export async function newEnrollment(workspace: TestWorkspace) {
	return json<{ enrollment: { id: string }; code: string }>(
		call('/v1/enrollments', { token: workspace.tokens.manager, body: { role: 'reporter', maxUses: 5, expiresInHours: 24 } }),
		201,
	);
}

export const ROUTES: RouteCase[] = [
	{ name: 'GET /v1/me', role: 'reporter', status: 200, make: async () => ({ path: '/v1/me' }) },
	{ name: 'POST /v1/signals', role: 'reporter', status: 200, make: async () => ({ path: '/v1/signals', body: { signals: [signal()] } }) },
	{
		name: 'POST /v1/signals (pattern)',
		role: 'technician',
		status: 200,
		make: async () => ({
			path: '/v1/signals',
			body: { signals: [signal({ kind: 'pattern', text: undefined, pattern: { type: 'duplicates', size: 3, signature: 'vpn', ticketIds: [1, 2, 3] } })] },
		}),
	},
	{ name: 'GET /v1/hints', role: 'reporter', status: 200, make: async () => ({ path: '/v1/hints?route=/front/ticket.php' }) },
	{ name: 'GET /v1/backlog', role: 'manager', status: 200, make: async () => ({ path: '/v1/backlog' }) },
	{ name: 'GET /v1/backlog/:id', role: 'manager', status: 200, make: async (w) => ({ path: `/v1/backlog/${await newItem(w)}` }) },
	{ name: 'PATCH /v1/backlog/:id', role: 'manager', status: 200, make: async (w) => ({ path: `/v1/backlog/${await newItem(w)}`, method: 'PATCH', body: { status: 'plan' } }) },
	{
		name: 'POST /v1/backlog/:id/merge',
		role: 'manager',
		status: 200,
		make: async (w) => ({ path: `/v1/backlog/${await newItem(w, 'Printer jams every morning on floor two')}/merge`, body: { into: await newItem(w, 'Dark mode for the ticket list please') } }),
	},
	{ name: 'GET /v1/backlog.csv', role: 'manager', status: 200, make: async () => ({ path: '/v1/backlog.csv' }) },
	{ name: 'POST /v1/hints', role: 'manager', status: 201, make: async () => ({ path: '/v1/hints', body: { route: '/front/ticket.php', text: { fr: 'Utilisez la recherche' } } }) },
	{ name: 'PATCH /v1/hints/:id', role: 'manager', status: 200, make: async (w) => ({ path: `/v1/hints/${await newHint(w)}`, method: 'PATCH', body: { link: 'https://wiki.example.org/x' } }) },
	{ name: 'DELETE /v1/hints/:id', role: 'manager', status: 204, make: async (w) => ({ path: `/v1/hints/${await newHint(w)}`, method: 'DELETE' }) },
	{ name: 'GET /v1/metrics', role: 'manager', status: 200, make: async () => ({ path: '/v1/metrics' }) },
	{ name: 'GET /v1/tokens', role: 'manager', status: 200, make: async () => ({ path: '/v1/tokens' }) },
	{ name: 'POST /v1/tokens', role: 'manager', status: 201, make: async () => ({ path: '/v1/tokens', body: { role: 'reporter' } }) },
	{
		name: 'DELETE /v1/tokens/:id',
		role: 'manager',
		status: 204,
		make: async (w) => {
			const created = await json<{ id: string }>(call('/v1/tokens', { token: w.tokens.manager, body: { role: 'reporter' } }), 201);
			return { path: `/v1/tokens/${created.id}`, method: 'DELETE' };
		},
	},
	{
		name: 'POST /v1/service-figures',
		role: 'technician',
		status: 200,
		make: async () => ({
			path: '/v1/service-figures',
			body: { from: '2025-W10', to: '2025-W11', known: { solved: false, deadline: false, reopen: false, satisfaction: false }, categories: ['Network'], rows: [[[0, 3]]] },
		}),
	},
	{ name: 'GET /v1/plans', role: 'manager', status: 200, make: async () => ({ path: '/v1/plans' }) },
	{
		name: 'PUT /v1/plans/:itemId',
		role: 'manager',
		status: 200,
		make: async (w) => ({
			path: `/v1/plans/${await newItem(w)}`,
			method: 'PUT',
			body: { objective: 'Fewer reports', measure: 'signal-rate', baselineFrom: '2025-W01', baselineTo: '2025-W04', target: 1, reviewOn: '2026-01-31' },
		}),
	},
	{ name: 'GET /v1/service-figures', role: 'manager', status: 200, make: async () => ({ path: '/v1/service-figures?from=2025-W01&to=2025-W52' }) },
	{ name: 'PATCH /v1/workspace', role: 'manager', status: 200, make: async () => ({ path: '/v1/workspace', method: 'PATCH', body: { shareText: true } }) },
	{ name: 'POST /v1/enrollments', role: 'manager', status: 201, make: async () => ({ path: '/v1/enrollments', body: { role: 'technician', maxUses: 2, expiresInHours: 1, label: 'Floor 2' } }) },
	{ name: 'GET /v1/enrollments', role: 'manager', status: 200, make: async () => ({ path: '/v1/enrollments' }) },
	{ name: 'GET /v1/enrollments/installations', role: 'manager', status: 200, make: async () => ({ path: '/v1/enrollments/installations' }) },
	{
		name: 'DELETE /v1/enrollments/:id',
		role: 'manager',
		status: 204,
		make: async (w) => ({ path: `/v1/enrollments/${(await newEnrollment(w)).enrollment.id}`, method: 'DELETE' }),
	},
	{ name: 'POST /v1/enroll', role: 'none', status: 201, make: async (w) => ({ path: '/v1/enroll', body: { code: (await newEnrollment(w)).code, label: 'Front desk PC' } }) },
	{ name: 'POST /v1/workspaces', role: 'admin', status: 201, make: async () => ({ path: '/v1/workspaces', body: { name: 'Another desk' } }) },
	{ name: 'POST /v1/workspaces/:id/tokens', role: 'admin', status: 201, make: async (w) => ({ path: `/v1/workspaces/${w.id}/tokens`, body: {} }) },
];
