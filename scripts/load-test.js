#!/usr/bin/env node
// A bounded load test of the worker (issue 7): `wrangler dev` on loopback with its own local D1, 32 connections for
// 60 s (override with --duration=S --connections=N), three requests in four sending a batch of 10 new signals and one
// reading the backlog. Every signal id the server acknowledged is then looked up in the D1 file: none may be missing,
// none may be there twice. Traffic goes to 127.0.0.1 only, and the run stops by itself.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { findD1File } from './bench-backend/floor.js';
import { startWorker } from './bench-backend/wrangler.js';
import { projectRoot } from './offline-env.js';

const argument = (name, fallback) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const duration = argument('duration', 60);
const connections = argument('connections', 32);
const BATCH = 10;

const persistDir = join(projectRoot, '.tmp', `load-${Date.now()}`);
mkdirSync(persistDir, { recursive: true });
const adminToken = `load-admin-${crypto.randomUUID()}`;
const worker = await startWorker({
	persistDir,
	logFile: join(persistDir, 'wrangler.log'),
	// The per-token rate limit would (rightly) answer 429 to one token sending this fast: lifted for the load test.
	vars: { ADMIN_TOKEN: adminToken, RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_READS_PER_MINUTE: '100000000' },
});

try {
	const post = async (path, token, body) => {
		const response = await fetch(`${worker.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
		return response.json();
	};
	const created = await post('/v1/workspaces', adminToken, { name: 'Load test' });
	const manager = created.token;
	const reporter = (await post('/v1/tokens', manager, { role: 'reporter', label: 'load' })).token;

	const acknowledged = new Map();
	let ingestOk = 0;
	let readOk = 0;
	const texts = ['VPN drops when the laptop sleeps', 'The category list is too long', 'Add a button to reopen a ticket', 'Printer on floor 2 jams', 'Password reset form is confusing'];
	const newBatch = () =>
		Array.from({ length: BATCH }, (_, index) => ({
			id: crypto.randomUUID(),
			kind: index % 3 === 0 ? 'friction' : 'idea',
			createdAt: new Date().toISOString(),
			reporter: `load-reporter-${Math.floor(Math.random() * 200)}`,
			page: { route: '/front/ticket.form.php', kind: 'ticket-form' },
			...(index % 3 === 0 ? { target: { selector: 'select[name="itilcategories_id"]' }, tags: ['confusing'] } : { text: `${texts[index % texts.length]} (${Math.floor(Math.random() * 50)})` }),
		}));
	const ingest = {
		method: 'POST',
		path: '/v1/signals',
		headers: { authorization: `Bearer ${reporter}`, 'content-type': 'application/json' },
		setupRequest: (request) => ({ ...request, body: JSON.stringify({ signals: newBatch() }) }),
		onResponse: (status, body) => {
			if (status !== 200) return;
			ingestOk++;
			const answer = JSON.parse(body);
			for (const id of [...answer.accepted, ...answer.duplicates]) acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
		},
	};
	const read = { method: 'GET', path: '/v1/backlog?limit=50', headers: { authorization: `Bearer ${manager}` }, onResponse: (status) => status === 200 && readOk++ };

	console.log(`Load: ${connections} connections for ${duration} s against ${worker.base} (wrangler dev, local D1)…`);
	const result = await autocannon({ url: worker.base, connections, duration, requests: [ingest, ingest, ingest, read], timeout: 30 });

	const db = new Database(findD1File(persistDir), { readonly: true });
	const rows = new Map(db.prepare('SELECT id, COUNT(*) AS n FROM signals WHERE workspace_id = ? GROUP BY id').all(created.workspace.id).map((row) => [row.id, row.n]));
	const itemTotal = db.prepare('SELECT COALESCE(SUM(signal_count), 0) AS n FROM items WHERE workspace_id = ?').get(created.workspace.id).n;
	db.close();
	const lost = [...acknowledged.keys()].filter((id) => !rows.has(id)).length;
	const twice = [...rows.values()].filter((n) => n > 1).length;
	const errors = result.errors + result.timeouts + result.non2xx;

	console.log(`
| connections | duration | requests | requests/s (mean) | p50 ms | p99 ms | errors | signals acknowledged | rows in D1 | lost | stored twice | items' signal counts |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${connections} | ${duration} s | ${result.requests.total.toLocaleString('en')} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} | ${acknowledged.size.toLocaleString('en')} | ${rows.size.toLocaleString('en')} | ${lost} | ${twice} | ${itemTotal.toLocaleString('en')} |

- ${ingestOk.toLocaleString('en')} ingest requests (batches of ${BATCH}) and ${readOk.toLocaleString('en')} backlog reads answered 200; errors = connection errors ${result.errors} + timeouts ${result.timeouts} + non-2xx ${result.non2xx}.
- lost = acknowledged ids missing from D1; ${(rows.size - acknowledged.size).toLocaleString('en')} rows were written for requests still in flight when the load stopped (their answers were never read), which a client would resend and the server would report as duplicates.
`);
	process.exitCode = errors === 0 && lost === 0 && twice === 0 && itemTotal === rows.size ? 0 : 1;
} finally {
	await worker.stop();
	rmSync(persistDir, { recursive: true, force: true });
}
