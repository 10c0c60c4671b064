#!/usr/bin/env node
// Backend benchmark (docs/BACKEND.md, Benchmark): ingest throughput and GET /v1/backlog latency against `wrangler dev`
// on loopback with a real local D1, at 1k, 10k and 100k signals, and the raw-SQLite floor of the same writes with
// better-sqlite3 in the same run. Traffic goes to 127.0.0.1 only; the run is bounded in requests and in time.
//
//   node scripts/bench-backend.js [--levels 1000,10000,100000] [--keep]
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './offline-env.js';
import { findD1File, readWorkerRows, runFloor } from './bench-backend/floor.js';
import { fixed, median, quantile, report } from './bench-backend/report.js';
import { startWorker } from './bench-backend/wrangler.js';
import { workload } from './bench-backend/workload.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : fallback;
};
const LEVELS = option('levels', '1000,10000,100000').split(',').map(Number);
const BATCH = 100;
const WINDOW_BATCHES = 20; // the batches just before each level that measure its ingest cost
const BACKLOG_REQUESTS = 200;
const SEARCH_REQUESTS = 50;
const TIME_LIMIT_MS = 30 * 60_000;

const tmpRoot = join(projectRoot, '.tmp');
mkdirSync(tmpRoot, { recursive: true });
const runDir = mkdtempSync(join(tmpRoot, 'bench-backend-'));
const persistDir = join(runDir, 'd1');
const logFile = join(runDir, 'wrangler.log');
const admin = randomBytes(24).toString('base64url');


async function request(base, path, init = {}) {
	const response = await fetch(`${base}${path}`, init);
	const text = await response.text();
	if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : null;
}

async function main() {
	const watchdog = setTimeout(() => {
		console.error(`bench: over ${TIME_LIMIT_MS / 60_000} min, giving up`);
		process.exit(2);
	}, TIME_LIMIT_MS);
	watchdog.unref();

	console.error(`bench: wrangler dev with a local D1 in ${runDir}`);
	const loadBefore = loadavg()[0];
	// Rate limits off: the counters are still written on every request, only the 429 is skipped.
	const worker = await startWorker({ persistDir, logFile, vars: { ADMIN_TOKEN: admin, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_READS_PER_MINUTE: '0' } });
	const results = [];
	const sentBatches = [];
	let workspaceId;
	try {
		const json = { 'content-type': 'application/json' };
		const created = await request(worker.base, '/v1/workspaces', { method: 'POST', headers: { ...json, authorization: `Bearer ${admin}` }, body: JSON.stringify({ name: 'bench' }) });
		workspaceId = created.workspace.id;
		const manager = { authorization: `Bearer ${created.token}` };
		const technician = await request(worker.base, '/v1/tokens', { method: 'POST', headers: { ...json, ...manager }, body: JSON.stringify({ role: 'technician' }) });
		const sender = { ...json, authorization: `Bearer ${technician.token}` };
		const signalOf = workload({ now: Date.now() });

		let sent = 0;
		for (const level of LEVELS) {
			const batchTimes = [];
			while (sent < level) {
				const signals = Array.from({ length: Math.min(BATCH, level - sent) }, (_, k) => signalOf(sent + k));
				const start = performance.now();
				const answer = await request(worker.base, '/v1/signals', { method: 'POST', headers: sender, body: JSON.stringify({ signals }) });
				batchTimes.push(performance.now() - start);
				if (answer.accepted.length !== signals.length) throw new Error(`batch at ${sent}: ${answer.duplicates.length} duplicates`);
				sentBatches.push(signals.map((signal) => signal.id));
				sent += signals.length;
			}
			const window = batchTimes.slice(-WINDOW_BATCHES);
			const backlog = await timeRequests(worker.base, '/v1/backlog', manager, BACKLOG_REQUESTS);
			const search = await timeRequests(worker.base, '/v1/backlog?q=ta&sort=recent', manager, SEARCH_REQUESTS);
			const metrics = await timeRequests(worker.base, '/v1/metrics', manager, 10);
			const items = await countItems(worker.base, manager);
			results.push({ level, items, window, backlog, search, metrics, batches: sentBatches.length });
			console.error(`bench: ${level} signals, ${items} items, ingest ${fixed(median(window) / BATCH, 3)} ms/signal, backlog p95 ${fixed(quantile(backlog, 0.95))} ms`);
		}
	} finally {
		await worker.stop();
	}

	// The floor: the same rows, same schema, same batches, one transaction each.
	const rows = readWorkerRows(findD1File(persistDir), workspaceId);
	const migrationsDir = join(projectRoot, 'worker', 'migrations');
	const floors = {};
	for (const synchronous of ['NORMAL', 'FULL']) {
		floors[synchronous] = runFloor({ file: join(runDir, `floor-${synchronous.toLowerCase()}.sqlite`), migrationsDir, rows, batches: sentBatches, synchronous });
	}
	console.log(report(results, floors, { before: loadBefore, after: loadavg()[0] }, { batch: BATCH, window: WINDOW_BATCHES, backlogRequests: BACKLOG_REQUESTS }));
	if (!args.includes('--keep')) rmSync(runDir, { recursive: true, force: true });
	else console.error(`bench: kept ${runDir}`);
}

async function timeRequests(base, path, headers, count) {
	for (let i = 0; i < 10; i++) await request(base, path, { headers });
	const times = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		await request(base, path, { headers });
		times.push(performance.now() - start);
	}
	return times;
}

async function countItems(base, headers) {
	let count = 0;
	let cursor = null;
	do {
		const page = await request(base, `/v1/backlog?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers });
		count += page.items.length;
		cursor = page.nextCursor;
	} while (cursor);
	return count;
}

main().catch((error) => {
	console.error(`bench: ${error.stack ?? error}`);
	process.exitCode = 1;
});
