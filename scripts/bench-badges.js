#!/usr/bin/env node
// The ticket-pattern badges on a 1,000-row GLPI 10 ticket list, in Chromium (issue 5: "badges on a 1,000-row list in
// under 50 ms of main-thread time"), printed as a markdown table (docs/BENCHMARKS.md, "Ticket-pattern badges on a 1,000-row list").
// The list is made at run time from GLPI 10.0.17's styled list (20 rows, GLPI's look; BENCH_UNSTYLED=1: the captured
// unstyled list of all tickets by date): its rows repeated with new ids to 1,000; nothing of it is written to disk. Every row belongs to a group
// (copies of 20 titles), so every row gets a badge: the worst case. An inline script at the end of the page scrolls the
// list into view and forces the first layout before the content script starts, so what follows is the extension's doing.
// The test build marks gx-patterns-start (before the rows are read), gx-patterns-badged (the badges in the page) and
// gx-patterns-painted (after the next frame); the summary comes after that frame since 0.2.0 (before, in the badges'
// task): gx-patterns-summary (its mount starts) and gx-patterns-summary-painted (after its frame). Measured from
// Chrome traces, median over BENCH_RUNS page loads:
// - the page's main-thread busy time from start to painted: our script, and the style, layout and paint it causes
//   (traced without the V8 profiler, whose sampling slows JavaScript down), and its longest task;
// - the extension's own JavaScript in that window, from a second load traced with the profiler (samples with a
//   chrome-extension:// frame);
// - wall time start -> badged, which includes the pattern engine in the background's service worker (off the page's
//   main thread) and the messaging;
// - the summary's own main-thread time (its mount to its frame painted), and the whole, rows read -> badges and
//   summary painted (for a build that draws both in one task, the same window as the badges').
// Plain Node ESM. Usage: node scripts/bench-badges.js  (BENCH_RUNS=15, BENCH_ROWS=1000 by default; BENCH_COMPARE=1:
// the styled and the unstyled list in turn, side by side)
//
// `--against=<git revision>` (or BENCH_BADGES_AGAINST) also builds that revision of the extension (`git archive` beside
// this tree's node_modules, built with its own wxt config) and loads the list with both builds in turn in the same run,
// each in its own browser, each build first in turn: on a machine shared with other jobs, only figures taken side by
// side can tell a change of a few tens of milliseconds.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROFILED, TASKS_ONLY, addGlpiAddress, againstArgument, build, buildRevision, capturedDir, extensionSamples, extensionTimeBetween, launch, longestTaskBetween, mainThreadCpuBetween, mainThreadTimeBetween, markOf, median, range, styledDir, styledPage, tmp, traced, unstyledReason } from './bench-chrome.js';
import { projectRoot } from './offline-env.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const BUDGET_MS = 50;
const against = againstArgument(process.env.BENCH_BADGES_AGAINST);

/**
 * The list page with `count` rows: GLPI's styled list at 1440x900 (issue 14: GLPI's own look, whose layout and paint an
 * unstyled page under-counts), or with BENCH_UNSTYLED=1 or without it the captured list (our fixture without
 * ../shared); its rows repeated with new ids.
 */
export function listPage(count, wantStyled = process.env.BENCH_UNSTYLED !== '1') {
	const styled = wantStyled ? styledPage('central_ticket_list_1440x900') : undefined;
	if (!styled) console.error(`[bench] ${wantStyled ? unstyledReason() : 'the unstyled list'}`);
	const dir = capturedDir();
	const source = styled?.source ?? (dir ? '10.0.17_ticket_list_all_sorted_by_date.html (captured GLPI 10.0.17)' : 'test/fixtures/glpi/10/ticket-list.html (../shared absent)');
	const html = styled?.html ?? readFileSync(dir ? join(dir, '10.0.17_ticket_list_all_sorted_by_date.html') : join(projectRoot, 'test/fixtures/glpi/10/ticket-list.html'), 'utf8');
	const table = html.indexOf('<table class="search-results');
	const bodyStart = html.indexOf('>', html.indexOf('<tbody', table)) + 1;
	const bodyEnd = html.indexOf('</tbody>', bodyStart);
	// A styled row carries its own style class (<tr class="s267">), striped rows alternating: 20 rows repeat the stripes.
	const rows = html.slice(bodyStart, bodyEnd).split(/(?=<tr[\s>])/).filter((row) => row.includes('<td'));
	const made = [];
	for (let i = 0; i < count; i++) {
		const template = rows[i % rows.length];
		const oldId = /item\[Ticket\]\[(\d+)\]|id=['"]Ticket(\d+)['"]/.exec(template);
		const from = oldId?.[1] ?? oldId?.[2];
		const id = count - i;
		// Every place the row names its ticket: checkbox, ID cell, link, tooltip ids and URLs.
		made.push(template.replace(new RegExp(`(\\[|Ticket|=|>)${from}(\\]|['"&<]|$)`, 'g'), `$1${id}$2`));
	}
	let page = `${html.slice(0, bodyStart)}${made.join('')}${html.slice(bodyEnd)}`.replace(/data-count="\d+"/, `data-count="${count}"`).replace(/data-limit="\d+"/, `data-limit="${count}"`);
	// The page's first layout forced before the content script starts, so what follows is the extension's doing.
	if (styled) return { source, html: page.replace('</body>', '<script>document.body.getBoundingClientRect();</script></body>'), viewport: styled.viewport };
	page = page
		// GLPI's stylesheet (not captured) hides the tooltip contents each row carries; without it every row is five
		// times taller.
		.replace('</head>', '<style>.tooltip-invisible{display:none}</style></head>')
		// The list scrolled into view (on a real GLPI page, with its stylesheet, it is near the top; here GLPI's menus take
		// the first screens). Not a #fragment in the address: the browser scrolls to it again after the load event, a
		// repaint of the whole page that landed in the measured window in about one load in three.
		.replace('</body>', "<script>document.querySelector('table.search-results')?.scrollIntoView(); document.body.getBoundingClientRect();</script></body>");
	return { source, html: page };
}

/** The list(s) to measure: BENCH_COMPARE=1 measures the styled and the unstyled list in turn, in one browser, so that both see the same load. */
const lists = () => (process.env.BENCH_COMPARE === '1' && styledDir() ? [listPage(ROWS, true), listPage(ROWS, false)] : [listPage(ROWS)]);

const ms = (values) => `${median(values).toFixed(1)} ms`;

async function main() {
	const work = join(tmp, `bench-badges-${Date.now()}`);
	mkdirSync(work, { recursive: true });
	const builds = [...(against ? [buildRevision(against, work)] : []), { label: against ? 'this tree' : 'test build', dir: build(join(tmp, 'bench-test-build'), { GX_TEST_BUILD: '1' }) }];
	const pages = [];
	for (const { source, html, viewport = { width: 1280, height: 900 } } of lists()) {
		const server = createServer((request, response) =>
			request.url?.startsWith('/front/ticket.php') ? response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html) : response.writeHead(404).end(),
		);
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		pages.push({ source, viewport, server, url: `http://127.0.0.1:${server.address().port}/front/ticket.php` });
	}
	const loadBefore = loadavg()[0];
	// One browser per build (each with its own profile); one target per build and list.
	const browsers = [];
	const targets = [];
	try {
		for (const { label, dir } of builds) {
			const browser = await launch(dir);
			browsers.push(browser);
			for (const { url } of pages) await addGlpiAddress(browser.context, new URL(url).origin);
			for (const page of pages) targets.push({ ...page, label, browser, mainThread: [], cpu: [], longest: [], script: [], wall: [], painted: [], summary: [], whole: [], wholeCpu: [], badges: 0 });
		}
		/** One page load of `target`, traced with `categories`: its events and the three marks. */
		const load = async (target, categories) => {
			const page = await target.browser.context.newPage();
			await page.setViewportSize(target.viewport);
			const { events } = await traced(
				page,
				async () => {
					// 6 MB of HTML: on a loaded machine the load takes longer than Playwright's 30 s default.
					await page.goto(target.url, { timeout: 180_000 });
					// Waited for with a PerformanceObserver, which runs only when a mark is set: polling the page every frame
					// (Playwright's waitForFunction) would add a task and a frame of its own to every 16 ms of the window.
					await page.evaluate(
						() =>
							new Promise((resolve) => {
								// A build that mounts the summary after the badges' frame says so in the mark of the badges.
								const summaryLater = () => performance.getEntriesByName('gx-patterns-badged')[0]?.detail?.summaryLater === true;
								const done = () =>
									performance.getEntriesByName('gx-patterns-painted').length > 0 && (!summaryLater() || performance.getEntriesByName('gx-patterns-summary-painted').length > 0) && resolve(undefined);
								new PerformanceObserver(done).observe({ entryTypes: ['mark'] });
								done();
							}),
					);
					target.badges = await page.locator('[data-gx="pattern-badge"]').count();
				},
				categories,
			);
			await page.close();
			const [start, badged, done, summary, summaryDone] = ['gx-patterns-start', 'gx-patterns-badged', 'gx-patterns-painted', 'gx-patterns-summary', 'gx-patterns-summary-painted'].map((name) => markOf(events, name));
			if (!start || !badged || !done) throw new Error('the trace has no gx-patterns-* marks: is this a test build (GX_TEST_BUILD=1)?');
			return { events, start, badged, done, summary, summaryDone };
		};
		for (let i = 0; i <= RUNS; i++) {
			// Each build first in turn, so neither always follows the other.
			for (const target of i % 2 ? [...targets].reverse() : targets) {
				// The main thread's time from loads traced without the V8 profiler, whose sampling slows JavaScript down; the
				// extension's share of it from loads traced with it, in turn.
				const plain = await load(target, TASKS_ONLY);
				const profiled = await load(target, PROFILED);
				if (i === 0) continue; // the first loads warm the service worker and the caches up
				const { events, start, badged, done, summary, summaryDone } = plain;
				target.mainThread.push(mainThreadTimeBetween(events, start, start.ts, done.ts));
				target.cpu.push(mainThreadCpuBetween(events, start, start.ts, done.ts));
				target.longest.push(longestTaskBetween(events, start, start.ts, done.ts));
				target.wall.push((badged.ts - start.ts) / 1000);
				target.painted.push((done.ts - start.ts) / 1000);
				target.summary.push(summary && summaryDone ? mainThreadTimeBetween(events, start, summary.ts, summaryDone.ts) : 0);
				target.whole.push(mainThreadTimeBetween(events, start, start.ts, (summaryDone ?? done).ts));
				target.wholeCpu.push(mainThreadCpuBetween(events, start, start.ts, (summaryDone ?? done).ts));
				target.script.push(extensionTimeBetween(extensionSamples(profiled.events, profiled.start), profiled.start.ts, profiled.done.ts));
			}
		}
	} finally {
		for (const browser of browsers) await browser.close();
		for (const { server } of pages) server.close();
		rmSync(work, { recursive: true, force: true });
	}
	const loadAfter = loadavg()[0];
	const date = new Date().toISOString().slice(0, 10);

	const measures = [
		['page main-thread time, rows read → badges painted', (t) => t.mainThread],
		['… of which the main thread ran (its CPU time: the rest, it waited for one of the 2 cores)', (t) => t.cpu],
		['longest task in that time', (t) => t.longest],
		["the extension's JavaScript in that time (loads with the V8 profiler, which slows it)", (t) => t.script],
		['wall time, rows read → badges in the page (engine in the background included)', (t) => t.wall],
		['wall time, rows read → next frame painted', (t) => t.painted],
		["the summary's main-thread time, its mount → its frame painted (0: drawn in the badges' task, counted above)", (t) => t.summary],
		['page main-thread time, rows read → badges and summary painted', (t) => t.whole],
		['… of which the main thread ran (its CPU time)', (t) => t.wholeCpu],
	];
	for (const { source, viewport } of pages) {
		const same = targets.filter((target) => target.source === source);
		console.log(`\nTicket-pattern badges: ${source} repeated to ${ROWS} rows, ${viewport.width}x${viewport.height}, ${RUNS} page loads (medians; range), Chromium headless, ${date}, load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after\n`);
		if (same.length === 1) {
			const [target] = same;
			console.log('| measure | median | range | goal |');
			console.log('| --- | --- | --- | --- |');
			measures.forEach(([name, of], index) => console.log(`| ${index === 0 ? `${name} (${ROWS} rows, ${target.badges} badges)` : name} | ${ms(of(target))} | ${range(of(target))} ms | ${index === 0 ? `${BUDGET_MS} ms` : ''} |`));
			continue;
		}
		// Side by side: the other revision, this tree, and the ratio of their medians.
		const [old, now] = same;
		console.log(`| measure (medians; range) | ${old.label} | ${now.label} | ${now.label} / ${old.label} |`);
		console.log('| --- | --- | --- | --- |');
		for (const [name, of] of measures) console.log(`| ${name} | ${ms(of(old))} (${range(of(old))}) | ${ms(of(now))} (${range(of(now))}) | ${(median(of(now)) / median(of(old))).toFixed(2)} |`);
		console.log(`\nBadges drawn at once: ${old.badges} (${old.label}), ${now.badges} (${now.label}). Loads alternated, each build first in turn, each in its own browser.`);
	}
	// The goal is checked on this tree's first list: the styled one when there is one.
	if (median(targets.find((target) => target.label === builds.at(-1).label).mainThread) > BUDGET_MS) {
		console.error('\nOver the goal.');
		process.exitCode = 1;
	}
}

// Run, unless imported (a debugging script may want listPage alone).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
