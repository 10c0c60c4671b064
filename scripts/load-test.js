#!/usr/bin/env node
// A bounded load test of the worker (issue 7): `wrangler dev` on loopback with its own local D1, 32 connections for
// 60 s (override with --duration=S --connections=N), three requests in four sending a batch of 10 new signals and one
// reading the backlog. Afterwards the script does what the extension does with what it sent but never saw
// acknowledged (requests still in flight when the load stopped, or failed): it sends those batches again. Then every
// signal it made is looked up in the D1 file: none may be missing, none may be there twice, and the items must count
// each once. Traffic goes to 127.0.0.1 only, and the run stops by itself.
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
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

	// Every batch the load made, by its first id; acknowledged ids, and how often each was reported accepted.
	const batches = new Map();
	const acknowledged = new Set();
	const acceptedTimes = new Map();
	let ingestOk = 0;
	let readOk = 0;
	const record = (answer) => {
		for (const id of answer.accepted) acceptedTimes.set(id, (acceptedTimes.get(id) ?? 0) + 1);
		for (const id of [...answer.accepted, ...answer.duplicates]) acknowledged.add(id);
	};
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
		// autocannon builds a request right before it writes it (lib/httpClient.js), so every batch made here is sent,
		// except at most one per connection when the run stops.
		setupRequest: (request) => {
			const signals = newBatch();
			batches.set(signals[0].id, signals);
			return { ...request, body: JSON.stringify({ signals }) };
		},
		onResponse: (status, body) => {
			if (status !== 200) return;
			ingestOk++;
			record(JSON.parse(body));
		},
	};
	const read = { method: 'GET', path: '/v1/backlog?limit=50', headers: { authorization: `Bearer ${manager}` }, onResponse: (status) => status === 200 && readOk++ };

	const loadAtStart = loadavg()[0].toFixed(2);
	console.log(`Load: ${connections} connections for ${duration} s against ${worker.base} (wrangler dev, local D1)…`);
	const load = autocannon({ url: worker.base, connections, duration, requests: [ingest, ingest, ingest, read], timeout: 30 });
	// autocannon's own response times, split by kind: the client that answered still holds the request it sent.
	const latencies = { ingest: [], read: [] };
	load.on('response', (client, status, bytes, time) => latencies[client.requestIterator?.currentRequest?.method === 'GET' ? 'read' : 'ingest'].push(time));
	const result = await load;

	const file = findD1File(persistDir);
	const rowsOf = () => {
		const db = new Database(file, { readonly: true });
		const rows = new Map(db.prepare('SELECT id, COUNT(*) AS n FROM signals WHERE workspace_id = ? GROUP BY id').all(created.workspace.id).map((row) => [row.id, row.n]));
		const itemTotal = db.prepare('SELECT COALESCE(SUM(signal_count), 0) AS n FROM items WHERE workspace_id = ?').get(created.workspace.id).n;
		db.close();
		return { rows, itemTotal };
	};
	const afterLoad = rowsOf();
	const acknowledgedMissing = [...acknowledged].filter((id) => !afterLoad.rows.has(id)).length;

	// The client's retry of every batch it has no answer for, as the extension's queue would send it again.
	const unanswered = [...batches.values()].filter((signals) => signals.some((signal) => !acknowledged.has(signal.id)));
	let resentDuplicates = 0;
	for (const signals of unanswered) {
		const answer = await post('/v1/signals', reporter, { signals });
		resentDuplicates += answer.duplicates.length;
		record(answer);
	}
	const { rows, itemTotal } = rowsOf();
	const made = new Set([...batches.values()].flat().map((signal) => signal.id));
	const lost = [...made].filter((id) => !rows.has(id)).length;
	const twice = [...rows.values()].filter((n) => n > 1).length + [...acceptedTimes.values()].filter((n) => n > 1).length;
	const strangers = [...rows.keys()].filter((id) => !made.has(id)).length;
	const errors = result.errors + result.timeouts + result.non2xx;
	const percentile = (values, p) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
	};
	const kind = (name, values) => `| ${name} | ${values.length.toLocaleString('en')} | ${(values.length / duration).toFixed(0)} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 99).toFixed(1)} |`;

	console.log(`
| connections | duration | requests | requests/s (mean) | p50 ms | p99 ms | errors | signals made | acknowledged during the load | in flight at the end | lost | stored twice | rows in D1 | items' signal counts |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${connections} | ${duration} s | ${result.requests.total.toLocaleString('en')} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} | ${made.size.toLocaleString('en')} | ${(made.size - unanswered.length * BATCH).toLocaleString('en')} | ${(unanswered.length * BATCH).toLocaleString('en')} | ${lost} | ${twice} | ${rows.size.toLocaleString('en')} | ${itemTotal.toLocaleString('en')} |

| requests | answered | per second | p50 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: |
${kind(`ingest (batches of ${BATCH})`, latencies.ingest)}
${kind('backlog reads (50 items)', latencies.read)}

- ${ingestOk.toLocaleString('en')} ingest requests and ${readOk.toLocaleString('en')} backlog reads answered 200; errors = connection errors ${result.errors} + timeouts ${result.timeouts} + non-2xx ${result.non2xx}.
- in flight at the end: ${unanswered.length} batches sent without an answer read when the load stopped; sent again afterwards, ${resentDuplicates} of their signals came back as duplicates (the worker had committed them before the stop) and the rest were accepted. Every acknowledged id was in D1 before that retry (${acknowledgedMissing} missing).
- lost = signals made and not in D1 after the retry; stored twice = ids with more than one row, or reported accepted more than once; ${strangers} rows in the workspace that the load did not make.
- machine: ${availableParallelism()} CPUs; 1-minute load average ${loadAtStart} at the start and ${loadavg()[0].toFixed(2)} at the end.
`);
	process.exitCode = errors === 0 && lost === 0 && twice === 0 && strangers === 0 && acknowledgedMissing === 0 && itemTotal === rows.size && rows.size === made.size ? 0 : 1;
} finally {
	await worker.stop();
	rmSync(persistDir, { recursive: true, force: true });
}
