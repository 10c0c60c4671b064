#!/usr/bin/env node
// The extension's weight on a GLPI page, printed as a markdown table (docs/BENCHMARKS.md, "Extension budget"):
// - the content script's size, raw and gzip, from a fresh production build, and each per-route script's (the features
//   of one kind of GLPI page, loaded on that page only: extension/core/route-script-names.ts);
// - main-thread time from document idle (the content script starts) to the capture button, on GLPI 10.0.17's styled
//   ticket form #1 (BENCH_UNSTYLED=1: the captured ticket #5, unstyled) in Chromium: the V8 CPU-profile samples of the
//   extension's own code between the two
//   performance marks the test build sets (gx-start, gx-button), read from a Chrome trace, median over BENCH_RUNS
//   page loads; and the same for the whole load (script evaluation included, up to 300 ms after the button);
// - side by side, the page's whole main-thread time (CDP Performance.getMetrics TaskDuration) with and without the
//   extension.
// `--against=<git revision>` (or BENCH_EXTENSION_AGAINST) also builds that revision and alternates its page loads with
// this tree's in the same run: on a shared machine only figures taken side by side can tell a few milliseconds.
// Plain Node ESM (Node 20 runs no TypeScript). Usage: node scripts/bench-extension.js  (BENCH_RUNS=15 by default)
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { addGlpiAddress, againstArgument, build, buildRevision, capturedDir, extensionSamples, extensionTimeBetween, launch, markOf, median, range, styledPage, tmp, traced, unstyledReason } from './bench-chrome.js';
import { projectRoot } from './offline-env.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SETTLE_MS = 300;

/**
 * GLPI's styled ticket form #1 at 1440x900 (issue 14: with GLPI's own look, its layout and style costs counted), or with
 * BENCH_UNSTYLED=1 or without it the captured ticket page with its main tab in place, or our own fixture without ../shared.
 */
function ticketPage() {
	const styled = process.env.BENCH_UNSTYLED === '1' ? undefined : styledPage('central_ticket_form_id1_1440x900');
	if (styled) return { ...styled, id: 1 };
	console.error(`[bench] ${unstyledReason()}`);
	const captured = capturedDir();
	if (captured) {
		const page = readFileSync(join(captured, '10.0.17_ticket_form_open_id5.html'), 'utf8');
		const tab = readFileSync(join(captured, '10.0.17_ajax_tab_ticket5_Ticket_main.html'), 'utf8');
		return { source: 'captured GLPI 10.0.17 ticket #5', html: page.replace(/(<div[^>]*id=['"]tab-\w+_main-\d+['"][^>]*>)(\s*<\/div>)/, (_, open, close) => `${open}${tab}${close}`) };
	}
	return { source: 'fixture test/fixtures/glpi/10/ticket-form.html (../shared absent)', html: readFileSync(join(projectRoot, 'test/fixtures/glpi/10/ticket-form.html'), 'utf8') };
}

/**
 * The extension's own main-thread time from the CPU profile in the trace: every sample whose stack holds a frame of a
 * chrome-extension:// script, in the renderer that set the marks; between gx-start and gx-button, and over the load.
 */
function extensionTime(events) {
	const start = markOf(events, 'gx-start');
	const end = markOf(events, 'gx-button');
	if (!start || !end) throw new Error('the trace has no gx-start / gx-button marks: is this a test build (GX_TEST_BUILD=1)?');
	const samples = extensionSamples(events, start);
	return {
		toButtonMs: extensionTimeBetween(samples, start.ts, end.ts),
		// The script is injected at document idle: its evaluation (before main() runs) counts too.
		fromInjectionMs: extensionTimeBetween(samples, 0, end.ts),
		wholeMs: extensionTimeBetween(samples, 0, Number.POSITIVE_INFINITY),
		wallMs: (end.ts - start.ts) / 1000,
	};
}

async function main() {
	const productionDir = build(join(tmp, 'bench-build'));
	const script = readFileSync(join(productionDir, 'content-scripts/glpi.js'));
	// The per-route scripts are the build's unlisted scripts, at its root, named glpi-<route>.js.
	const routeScripts = readdirSync(productionDir)
		.filter((name) => /^glpi-[\w-]+\.js$/.test(name))
		.sort()
		.map((name) => ({ name, script: readFileSync(join(productionDir, name)) }));
	const against = againstArgument(process.env.BENCH_EXTENSION_AGAINST);
	const builds = [...(against ? [buildRevision(against, join(tmp, 'bench-against'))] : []), { label: against ? 'this tree' : '', dir: build(join(tmp, 'bench-test-build'), { GX_TEST_BUILD: '1' }) }];

	const { source, html, id = 5, viewport } = ticketPage();
	const server = createServer((request, response) =>
		request.url?.startsWith('/front/ticket.form.php') ? response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html) : response.writeHead(404).end(),
	);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/front/ticket.form.php?id=${id}`;
	const loadBefore = loadavg()[0];

	// With the extension: the GLPI address added in the options, as a user does (no backend: nothing waits on one).
	// With --against, both builds run in their own browser and their page loads alternate, each first in turn.
	for (const entry of builds) {
		Object.assign(entry, await launch(entry.dir, viewport), { busy: [], injected: [], whole: [], wall: [], task: [], script: [] });
		await addGlpiAddress(entry.context, new URL(url).origin);
	}
	for (let i = 0; i <= RUNS; i++) {
		for (const entry of i % 2 ? [...builds].reverse() : builds) {
			const page = await entry.context.newPage();
			const { events, metric } = await traced(page, async () => {
				await page.goto(url);
				await page.locator('[data-gx="capture-button"]').waitFor();
				await page.waitForTimeout(SETTLE_MS);
			});
			await page.close();
			if (i === 0) continue; // the first load warms the service worker and the caches up
			const times = extensionTime(events);
			entry.busy.push(times.toButtonMs);
			entry.injected.push(times.fromInjectionMs);
			entry.whole.push(times.wholeMs);
			entry.wall.push(times.wallMs);
			entry.task.push(metric('TaskDuration'));
			entry.script.push(metric('ScriptDuration'));
		}
	}
	for (const entry of builds) await entry.close();

	const withoutExtension = await launch(undefined, viewport);
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
	const loadAfter = loadavg()[0];

	const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
	const gzip = gzipSync(script, { level: 9 }).length;
	const ms = (values) => [`${median(values).toFixed(1)} ms`, `${range(values)} ms`];
	const of = (entry) => (entry.label ? ` (${entry.label})` : '');
	const timed = (name, key, budget = '') => builds.map((entry) => [`${name}${of(entry)}`, ...ms(entry[key]), budget]);
	const rows = [
		['content script (production build), raw', kB(script.length), '', ''],
		['content script (production build), gzip', kB(gzip), '', '32 kB'],
		...routeScripts.map(({ name, script: route }) => [`per-route script ${name}, raw / gzip (its page only)`, `${kB(route.length)} / ${kB(gzipSync(route, { level: 9 }).length)}`, '', '']),
		...timed('extension main-thread time, document idle (script injected) → capture button', 'injected', '20 ms'),
		...timed('… of which from main() to the capture button', 'busy'),
		...timed('extension main-thread time, whole page load (script evaluation included)', 'whole'),
		...timed('wall time, document idle → capture button', 'wall'),
		...timed('page main-thread time (TaskDuration), with the extension', 'task'),
		['page main-thread time (TaskDuration), without', ...ms(taskWithout), ''],
		...builds.map((entry) => [`script time (ScriptDuration), with${of(entry)} / without`, `${median(entry.script).toFixed(1)} / ${median(scriptWithout).toFixed(1)} ms`, '', '']),
	];
	console.log(`\nGLPI Improve extension benchmark: ${source}, ${RUNS} page loads each (medians; range), Chromium headless, ${new Date().toISOString().slice(0, 10)}, load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after\n`);
	console.log('| measure | median | range | budget |');
	console.log('| --- | --- | --- | --- |');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
	if (builds.length > 1) {
		const ratio = (key) => (median(builds[1][key]) / median(builds[0][key])).toFixed(2);
		console.log(`\nThis tree against ${builds[0].label} (medians, page loads alternated): document idle → capture button ${ratio('injected')}, main() → button ${ratio('busy')}, whole load ${ratio('whole')}.`);
	}
	const over = gzip > 32_000 || median(builds.at(-1).injected) > 20; // issue 14's budgets
	if (over) {
		console.error('\nOver budget.');
		process.exitCode = 1;
	}
}

await main();
