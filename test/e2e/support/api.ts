import type { LocalWorker } from './worker';

/** Reads of the backend for assertions: what arrived, as the manager sees it. */
export interface ArrivedSignal {
	id: string;
	kind: string;
	text?: string;
	tags?: string[];
	count?: number;
	page: Record<string, unknown>;
	target?: { selector: string; label?: string };
	pattern?: { type: string; size: number; signature: string; ticketIds: number[]; categoryId?: number };
}

async function get<T>(worker: LocalWorker, token: string, path: string): Promise<T> {
	const response = await fetch(`${worker.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return response.json() as Promise<T>;
}

export const backlogItems = (worker: LocalWorker, manager: string) =>
	get<{ items: { id: string; title: string; kind: string; signalCount: number; selector?: string; route?: string }[] }>(worker, manager, '/v1/backlog?limit=100').then((body) => body.items);

/** Every signal of the workspace, through each item's evidence (at most 100 per item, enough here). */
export async function arrivedSignals(worker: LocalWorker, manager: string): Promise<ArrivedSignal[]> {
	const items = await backlogItems(worker, manager);
	const evidence = await Promise.all(items.map((item) => get<{ evidence: ArrivedSignal[] }>(worker, manager, `/v1/backlog/${item.id}`)));
	return evidence.flatMap((body) => body.evidence);
}

/** Switches the workspace's automatic friction on, as a manager does (PATCH /v1/workspace). */
export async function enableAutoFriction(worker: LocalWorker, manager: string): Promise<void> {
	const response = await fetch(`${worker.url}/v1/workspace`, {
		method: 'PATCH',
		headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
		body: JSON.stringify({ autoFriction: true }),
	});
	if (!response.ok) throw new Error(`PATCH /v1/workspace: ${response.status} ${await response.text()}`);
}

/**
 * Triages every new item of the workspace to "plan", as a manager does: only triaged items show to users as known
 * issues (issue 15). The manager accepts each item's title as it is, so the known issue may show it.
 */
export async function triageAll(worker: LocalWorker, manager: string): Promise<void> {
	for (const item of await backlogItems(worker, manager)) {
		const response = await fetch(`${worker.url}/v1/backlog/${item.id}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
			body: JSON.stringify({ status: 'plan', title: item.title }),
		});
		if (!response.ok) throw new Error(`PATCH /v1/backlog/${item.id}: ${response.status} ${await response.text()}`);
	}
}

/** Whether this backend serves GET /v1/hints (the backend branch adds it). */
export async function hasHints(worker: LocalWorker, token: string): Promise<boolean> {
	const response = await fetch(`${worker.url}/v1/hints?route=%2F`, { headers: { authorization: `Bearer ${token}` } });
	return response.status !== 404;
}
