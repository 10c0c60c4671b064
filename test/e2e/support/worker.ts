import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { offlineEnv } from '../../../scripts/offline-env.js';
import { PROJECT_ROOT } from '../../support/glpi-pages';
import { migrateLocalD1, withLocalD1 } from './local-d1';

export const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

export interface LocalWorker {
	url: string;
	adminToken: string;
	/** Stops wrangler (the D1 file stays, so start() again finds the same data). */
	stop(): Promise<void>;
	start(): Promise<void>;
	/** Removes the D1 files. */
	dispose(): Promise<void>;
	/** Runs SQL on the worker's local D1 (for what the API cannot do by design, such as dating a change in the past). */
	sql(command: string): Promise<void>;
	/** Reads rows of the worker's local D1 (SELECT), for counts the API does not give, such as rows per signal id. */
	query<T = Record<string, unknown>>(select: string): Promise<T[]>;
}

/**
 * The real worker under `wrangler dev` on loopback with its own local D1 (a folder of .tmp/), migrated first.
 * It can be stopped and started again on the same port and data, to test what happens while it is down.
 */
export async function startLocalWorker(name: string): Promise<LocalWorker> {
	const persist = join(PROJECT_ROOT, '.tmp/e2e', `${name}-${process.pid}-${Date.now()}`);
	mkdirSync(persist, { recursive: true });
	const env = { ...process.env, ...offlineEnv() };
	await migrateLocalD1(persist);
	let port = await freePort();
	const adminToken = `e2e-admin-${crypto.randomUUID()}`;
	let url = `http://127.0.0.1:${port}`;
	let child: ChildProcess | undefined;

	/**
	 * Starts wrangler dev and waits for its health route. Another process may take the free port found above before
	 * wrangler binds it: wrangler then says "Address already in use" and waits there. On the first start the worker then
	 * moves to another free port and tries again, up to three times; a restart keeps its port, as the extension knows it.
	 */
	async function start(mayMove = false) {
		for (let attempt = 1; ; attempt++) {
			const current = spawn(
				'npx',
				['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persist, '--var', `ADMIN_TOKEN:${adminToken}`, '--show-interactive-dev-session=false', '--log-level', 'warn'],
				{ cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
			);
			child = current;
			let failed = false;
			current.once('exit', () => {
				failed = true;
			});
			current.stderr?.on('data', (chunk: Buffer) => {
				process.stderr.write(chunk);
				if (/Address already in use/i.test(String(chunk))) failed = true;
			});
			const deadline = Date.now() + 120_000;
			while (Date.now() < deadline && !failed) {
				try {
					if ((await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
				} catch {
					// Not listening yet, or something else holds the port and does not answer.
				}
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			if (!failed) throw new Error(`wrangler dev did not answer on ${url} within 120 s`);
			await stop();
			if (!mayMove || attempt >= 3) throw new Error(`wrangler dev could not listen on ${url} (see its error above)`);
			port = await freePort();
			url = `http://127.0.0.1:${port}`;
		}
	}

	async function stop() {
		const current = child;
		child = undefined;
		if (!current?.pid) return;
		const exited = new Promise((resolve) => current.once('exit', resolve));
		try {
			process.kill(-current.pid, 'SIGTERM');
		} catch {
			return;
		}
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
		try {
			process.kill(-current.pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}

	await start(true);
	return {
		url,
		adminToken,
		start: () => start(),
		stop,
		sql: (command) => withLocalD1(persist, async (db) => void (await db.prepare(command).run())),
		query: (select) => withLocalD1(persist, async (db) => (await db.prepare(select).all()).results as never),
		dispose: async () => {
			await stop();
			rmSync(persist, { recursive: true, force: true });
		},
	};
}

/** A workspace and one token per role, through the API with the admin token. */
export async function createWorkspace(worker: LocalWorker, name: string) {
	const post = async (path: string, token: string, body: unknown) => {
		const response = await fetch(`${worker.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
		return response.json() as Promise<Record<string, unknown>>;
	};
	const created = (await post('/v1/workspaces', worker.adminToken, { name })) as { workspace: { id: string }; token: string };
	const manager = created.token;
	const technician = ((await post('/v1/tokens', manager, { role: 'technician', label: 'e2e' })) as { token: string }).token;
	const reporter = ((await post('/v1/tokens', manager, { role: 'reporter', label: 'e2e' })) as { token: string }).token;
	return { id: created.workspace.id, manager, technician, reporter };
}
