// What the Chromium benchmarks share (scripts/bench-extension.js, bench-badges.js, bench-popup.js): builds, a headless
// Chromium with or without the extension, Chrome traces of a page load, and the extension's main-thread time read
// from the V8 CPU profile in a trace. Plain Node ESM.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { offlineEnv, projectRoot } from './offline-env.js';

export const tmp = join(projectRoot, '.tmp');
const env = { ...process.env, ...offlineEnv() };

/** A WXT build into `outDir` (of the sources in `root`: the project by default); returns its Chrome folder. */
export function build(outDir, extra = {}, root = projectRoot) {
	execFileSync('npx', ['wxt', 'build'], { cwd: root, env: { ...env, GX_OUT_DIR: outDir, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
	return join(outDir, 'chrome-mv3');
}

/**
 * The test build of another revision (`--against=<rev>`): its sources from `git archive`, beside this tree's
 * node_modules, built with its own WXT config into `workDir`. Returns its label (the short commit) and Chrome folder.
 */
export function buildRevision(revision, workDir, extra = { GX_TEST_BUILD: '1' }) {
	const commit = execFileSync('git', ['rev-parse', '--short', `${revision}^{commit}`], { cwd: projectRoot, encoding: 'utf8' }).trim();
	const sources = join(workDir, `sources-${commit}`);
	rmSync(sources, { recursive: true, force: true });
	mkdirSync(sources, { recursive: true });
	execFileSync('sh', ['-c', 'git archive "$1" | tar -x -C "$2"', 'archive', commit, sources], { cwd: projectRoot });
	symlinkSync(join(projectRoot, 'node_modules'), join(sources, 'node_modules'));
	return { label: commit, dir: build(join(workDir, `build-${commit}`), extra, sources) };
}

/** The revision named by `--against=<rev>` on the command line (or `fallback`), or undefined. */
export const againstArgument = (fallback) => process.argv.find((arg) => arg.startsWith('--against='))?.slice('--against='.length) ?? fallback;

export function chromiumPath() {
	const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => path && existsSync(path));
	if (!found) throw new Error('The benchmark needs Chromium: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
	return found;
}

/** The captured GLPI 10.0.17 pages beside the project, or undefined in a clone without ../shared. */
export const capturedDir = () => {
	const dir = join(projectRoot, '../shared/glpi/pages/10.0.17/html');
	return existsSync(join(dir, '_index.json')) ? dir : undefined;
};

/**
 * GLPI 10.0.17 pages with GLPI's own look (issue 14: GLPI's DOM, each element carrying its computed style), or
 * undefined in a clone without ../shared. Served as test/e2e/support/styled-pages.ts serves them: at the path GLPI
 * served them, as text/html, in a window of the size they were taken at (the end of their name, e.g. _1440x900).
 */
export const styledDir = () => {
	const dir = join(projectRoot, '../shared/glpi/pages/10.0.17/styled');
	return existsSync(join(dir, 'README.md')) ? dir : undefined;
};

/** The styled page `file` (no .html): its HTML and the viewport it was taken at; undefined without ../shared. */
export function styledPage(file) {
	const dir = styledDir();
	if (!dir) return undefined;
	const [, width, height] = /_(\d+)x(\d+)$/.exec(file) ?? [];
	return { source: `styled GLPI 10.0.17 ${file}`, html: readFileSync(join(dir, `${file}.html`), 'utf8'), viewport: { width: Number(width), height: Number(height) } };
}

/** Why a benchmark measures an unstyled page: the styled ones are not beside the project, or BENCH_UNSTYLED=1 asked. */
export const unstyledReason = () => (process.env.BENCH_UNSTYLED === '1' ? 'BENCH_UNSTYLED=1' : 'no ../shared/glpi/pages/10.0.17/styled (GLPI\'s styled pages) beside the project: measured on the unstyled page instead');

export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
export const range = (values) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

/** The categories of Chrome's performance panel, with the V8 CPU profiler (which slows the page's JavaScript down). */
export const PROFILED = 'toplevel,blink.user_timing,devtools.timeline,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.cpu_profiler.hires';
/** Enough for the main thread's tasks and the page's marks, without the profiler's cost. */
export const TASKS_ONLY = 'toplevel,blink.user_timing';

/** Trace events of one page load, from CDP Tracing (`categories`: PROFILED by default). */
export async function traced(page, load, categories = PROFILED) {
	const session = await page.context().newCDPSession(page);
	const events = [];
	session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
	const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
	await session.send('Tracing.start', {
		categories,
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

/** A performance mark of the page in the trace (the test build sets them), or undefined. */
export const markOf = (events, name) => events.find((event) => event.name === name && event.cat.includes('blink.user_timing'));

/**
 * The V8 CPU-profile samples of the renderer that set `mark` (trace timestamps, µs), each flagged when its stack holds
 * a frame of a chrome-extension:// script, with its duration (until the next sample).
 */
export function extensionSamples(events, mark) {
	const profiles = new Map();
	for (const event of events) {
		if (event.pid !== mark.pid || !event.cat.includes('v8.cpu_profiler')) continue;
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
	const samples = [];
	for (const { nodes, samples: raw } of profiles.values()) {
		const ours = new Map();
		const isOurs = (id) => {
			if (ours.has(id)) return ours.get(id);
			const node = nodes.get(id);
			const result = Boolean(node) && ((node.callFrame?.url ?? '').startsWith('chrome-extension://') || (node.parent !== undefined && isOurs(node.parent)));
			ours.set(id, result);
			return result;
		};
		raw.forEach((sample, index) => {
			const next = raw[index + 1];
			if (next) samples.push({ at: sample.at, end: next.at, ours: isOurs(sample.id) });
		});
	}
	return samples;
}

/** Time (ms) of the extension's samples overlapping [from, to] (trace µs). */
export const extensionTimeBetween = (samples, from, to) =>
	samples.reduce((sum, sample) => (sample.ours ? sum + Math.max(0, Math.min(sample.end, to) - Math.max(sample.at, from)) : sum), 0) / 1000;

/**
 * The top-level tasks of the renderer main thread that set `mark`, within [from, to] (trace µs): whatever runs in them
 * (our script, GLPI's, style, layout, paint), each with its overlap of the window and its CPU time there (`tdur`,
 * prorated when a task straddles an end).
 */
function mainThreadTasks(events, mark, from, to) {
	const tasks = [];
	for (const event of events) {
		if (event.pid !== mark.pid || event.tid !== mark.tid || event.ph !== 'X' || !event.cat.split(',').includes('toplevel')) continue;
		if (event.name !== 'RunTask' && event.name !== 'ThreadControllerImpl::RunTask') continue;
		const overlap = Math.max(0, Math.min(event.ts + (event.dur ?? 0), to) - Math.max(event.ts, from));
		if (overlap > 0) tasks.push({ overlap, cpu: event.dur > 0 ? (event.tdur ?? event.dur) * (overlap / event.dur) : 0 });
	}
	return tasks;
}

/** Busy time (ms) of the main thread within [from, to]: the sum of its tasks there. */
export const mainThreadTimeBetween = (events, mark, from, to) => mainThreadTasks(events, mark, from, to).reduce((sum, task) => sum + task.overlap, 0) / 1000;

/** CPU time (ms) of the same tasks: what the main thread ran, without the time it waited for a core on a busy machine. */
export const mainThreadCpuBetween = (events, mark, from, to) => mainThreadTasks(events, mark, from, to).reduce((sum, task) => sum + task.cpu, 0) / 1000;

/** The longest of those tasks (ms). */
export const longestTaskBetween = (events, mark, from, to) => Math.max(0, ...mainThreadTasks(events, mark, from, to).map((task) => task.overlap)) / 1000;

/**
 * A headless Chromium, with the extension built in `extensionDir` when given, in a throw-away profile under .tmp/, its
 * pages `viewport` large (a styled GLPI page's own size).
 */
export async function launch(extensionDir, viewport = { width: 1280, height: 900 }) {
	const profile = mkdtempSync(join(tmp, 'bench-profile-'));
	const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
	if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
	const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args, viewport });
	return { context, close: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })) };
}

/** Adds a GLPI address in the extension's options, as a user does (no backend: nothing waits on one). */
export async function addGlpiAddress(context, origin) {
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
	const options = await context.newPage();
	await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
	await options.locator('input[name="glpiUrl"]').fill(`${origin}/`);
	await options.locator('[data-gx="add-glpi"]').click();
	await options.locator('[data-gx="glpi-url"]', { hasText: origin }).waitFor();
	await options.close();
}
