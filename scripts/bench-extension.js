#!/usr/bin/env node
// The extension's weight on a GLPI page, printed as a markdown table (README, "Budget"):
// - the content script's size, raw and gzip, from a fresh production build;
// - main-thread time from document idle (the content script starts) to the capture button, on the captured GLPI
//   10.0.17 ticket page in Chromium: the V8 CPU-profile samples of the extension's own code between the two
//   performance marks the test build sets (gx-start, gx-button), read from a Chrome trace, median over BENCH_RUNS
//   page loads; and the same for the whole load (script evaluation included, up to 300 ms after the button);
// - side by side, the page's whole main-thread time (CDP Performance.getMetrics TaskDuration) with and without the
//   extension.
// Plain Node ESM (Node 20 runs no TypeScript). Usage: node scripts/bench-extension.js  (BENCH_RUNS=15 by default)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { offlineEnv, projectRoot } from './offline-env.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SETTLE_MS = 300;
const env = { ...process.env, ...offlineEnv() };
const tmp = join(projectRoot, '.tmp');

function build(outDir, extra = {}) {
	execFileSync('npx', ['wxt', 'build'], { cwd: projectRoot, env: { ...env, GX_OUT_DIR: outDir, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
	return join(outDir, 'chrome-mv3');
}

function chromiumPath() {
	const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => path && existsSync(path));
	if (!found) throw new Error('The benchmark needs Chromium: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
	return found;
}

/** The captured ticket page with its main tab in place (what a user sees), or our own fixture without ../shared. */
function ticketPage() {
	const captured = join(projectRoot, '../shared/glpi/pages/10.0.17/html');
	if (existsSync(join(captured, '_index.json'))) {
		const page = readFileSync(join(captured, '10.0.17_ticket_form_open_id5.html'), 'utf8');
		const tab = readFileSync(join(captured, '10.0.17_ajax_tab_ticket5_Ticket_main.html'), 'utf8');
		return { source: 'captured GLPI 10.0.17 ticket #5', html: page.replace(/(<div[^>]*id=['"]tab-\w+_main-\d+['"][^>]*>)(\s*<\/div>)/, (_, open, close) => `${open}${tab}${close}`) };
	}
	return { source: 'fixture test/fixtures/glpi/10/ticket-form.html (../shared absent)', html: readFileSync(join(projectRoot, 'test/fixtures/glpi/10/ticket-form.html'), 'utf8') };
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const range = (values) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

/** Trace events of one page load, from CDP Tracing (the categories of Chrome's performance panel). */
async function traced(page, load) {
	const session = await page.context().newCDPSession(page);
	const events = [];
	session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
	const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
	await session.send('Tracing.start', {
		categories: 'toplevel,blink.user_timing,devtools.timeline,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.cpu_profiler.hires',
		transferMode: 'ReportEvents',
	});
	await session.send('Performance.enable');
	await load();
	const { metrics } = await session.send('Performance.getMetrics');
	await session.send('Tracing.end');
	await complete;
	await session.detach();
	return { events, metric: (name) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000 };
}

/**
 * The extension's own main-thread time from the CPU profile in the trace: every sample whose stack holds a frame of a
 * chrome-extension:// script, in the renderer that set the marks; between gx-start and gx-button, and over the load.
 */
function extensionTime(events) {
	const mark = (name) => events.find((event) => event.name === name && event.cat.includes('blink.user_timing'));
	const start = mark('gx-start');
	const end = mark('gx-button');
	if (!start || !end) throw new Error('the trace has no gx-start / gx-button marks: is this a test build (GX_TEST_BUILD=1)?');
	const profiles = new Map();
	for (const event of events) {
		if (event.pid !== start.pid || !event.cat.includes('v8.cpu_profiler')) continue;
		const profile = profiles.get(event.id) ?? { time: 0, nodes: new Map(), samples: [] };
		profiles.set(event.id, profile);
		if (event.name === 'Profile') profile.time = event.args.data.startTime;
		if (event.name !== 'ProfileChunk') continue;
		const { cpuProfile = {}, timeDeltas = [] } = event.args.data;
		for (const node of cpuProfile.nodes ?? []) profile.nodes.set(node.id, node);
		(cpuProfile.samples ?? []).forEach((id, index) => {
			profile.time += timeDeltas[index] ?? 0;
			profile.samples.push({ id, at: profile.time });
		});
	}
	let toButton = 0;
	let fromInjection = 0;
	let whole = 0;
	for (const { nodes, samples } of profiles.values()) {
		const ours = new Map();
		const isOurs = (id) => {
			if (ours.has(id)) return ours.get(id);
			const node = nodes.get(id);
			const result = Boolean(node) && ((node.callFrame?.url ?? '').startsWith('chrome-extension://') || (node.parent !== undefined && isOurs(node.parent)));
			ours.set(id, result);
			return result;
		};
		samples.forEach((sample, index) => {
			const next = samples[index + 1];
			if (!next || !isOurs(sample.id)) return;
			const duration = next.at - sample.at;
			whole += duration;
			toButton += Math.max(0, Math.min(next.at, end.ts) - Math.max(sample.at, start.ts));
			// The script is injected at document idle: its evaluation (before main() runs) counts too.
			fromInjection += Math.max(0, Math.min(next.at, end.ts) - sample.at);
		});
	}
	return { toButtonMs: toButton / 1000, fromInjectionMs: fromInjection / 1000, wholeMs: whole / 1000, wallMs: (end.ts - start.ts) / 1000 };
}

async function launch(extensionDir) {
	const profile = mkdtempSync(join(tmp, 'bench-profile-'));
	const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
	if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
	const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args, viewport: { width: 1280, height: 900 } });
	return { context, close: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })) };
}

async function main() {
	const productionDir = build(join(tmp, 'bench-build'));
	const script = readFileSync(join(productionDir, 'content-scripts/glpi.js'));
	const testDir = build(join(tmp, 'bench-test-build'), { GX_TEST_BUILD: '1' });

	const { source, html } = ticketPage();
	const server = createServer((request, response) =>
		request.url?.startsWith('/front/ticket.form.php') ? response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html) : response.writeHead(404).end(),
	);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/front/ticket.form.php?id=5`;

	// With the extension: the GLPI address added in the options, as a user does (no backend: nothing waits on one).
	const withExtension = await launch(testDir);
	const worker = withExtension.context.serviceWorkers()[0] ?? (await withExtension.context.waitForEvent('serviceworker'));
	const options = await withExtension.context.newPage();
	await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
	await options.locator('input[name="glpiUrl"]').fill(new URL(url).origin + '/');
	await options.locator('[data-gx="add-glpi"]').click();
	await options.locator('[data-gx="glpi-url"]').waitFor();
	await options.close();
	const busy = [];
	const injected = [];
	const whole = [];
	const wall = [];
	const taskWith = [];
	const scriptWith = [];
	for (let i = 0; i <= RUNS; i++) {
		const page = await withExtension.context.newPage();
		const { events, metric } = await traced(page, async () => {
			await page.goto(url);
			await page.locator('[data-gx="capture-button"]').waitFor();
			await page.waitForTimeout(SETTLE_MS);
		});
		await page.close();
		if (i === 0) continue; // the first load warms the service worker and the caches up
		const times = extensionTime(events);
		busy.push(times.toButtonMs);
		injected.push(times.fromInjectionMs);
		whole.push(times.wholeMs);
		wall.push(times.wallMs);
		taskWith.push(metric('TaskDuration'));
		scriptWith.push(metric('ScriptDuration'));
	}
	await withExtension.close();

	const withoutExtension = await launch();
	const taskWithout = [];
	const scriptWithout = [];
	for (let i = 0; i <= RUNS; i++) {
		const page = await withoutExtension.context.newPage();
		const { metric } = await traced(page, async () => {
			await page.goto(url);
			await page.waitForTimeout(SETTLE_MS);
		});
		await page.close();
		if (i === 0) continue;
		taskWithout.push(metric('TaskDuration'));
		scriptWithout.push(metric('ScriptDuration'));
	}
	await withoutExtension.close();
	server.close();

	const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
	const gzip = gzipSync(script, { level: 9 }).length;
	const rows = [
		['content script (production build), raw', kB(script.length), '', ''],
		['content script (production build), gzip', kB(gzip), '', '40 kB'],
		['extension main-thread time, document idle (script injected) → capture button', `${median(injected).toFixed(1)} ms`, `${range(injected)} ms`, '20 ms'],
		['… of which from main() to the capture button', `${median(busy).toFixed(1)} ms`, `${range(busy)} ms`, ''],
		['extension main-thread time, whole page load (script evaluation included)', `${median(whole).toFixed(1)} ms`, `${range(whole)} ms`, ''],
		['wall time, document idle → capture button', `${median(wall).toFixed(1)} ms`, `${range(wall)} ms`, ''],
		['page main-thread time (TaskDuration), with the extension', `${median(taskWith).toFixed(1)} ms`, `${range(taskWith)} ms`, ''],
		['page main-thread time (TaskDuration), without', `${median(taskWithout).toFixed(1)} ms`, `${range(taskWithout)} ms`, ''],
		['script time (ScriptDuration), with / without', `${median(scriptWith).toFixed(1)} / ${median(scriptWithout).toFixed(1)} ms`, '', ''],
	];
	console.log(`\nGLPI Improve extension benchmark: ${source}, ${RUNS} page loads each (medians; range), Chromium headless, ${new Date().toISOString().slice(0, 10)}\n`);
	console.log('| measure | median | range | budget |');
	console.log('| --- | --- | --- | --- |');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
	const over = gzip > 40_000 || median(injected) > 20;
	if (over) {
		console.error('\nOver budget.');
		process.exitCode = 1;
	}
}

await main();
