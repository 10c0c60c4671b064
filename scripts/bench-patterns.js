#!/usr/bin/env node
// Speed and memory of near-duplicate clustering on the Endava helpdesk tickets (../shared/data/endava, 47,837
// documents, repeated to reach 200,000), against the exact all-pairs Jaccard at 1k and 10k; with --quality, the
// quality figures on the Hadoop duplicates and the captured GLPI export. Prints markdown tables (docs/PATTERNS.md).
//
//   node scripts/bench-patterns.js [--sizes 1000,10000,100000,200000] [--runs 7] [--trials 3] [--quality] [--no-speed]
//                                  [--field title|description] [--against <git ref>]
//
// Each size runs in its own child process, so that its peak memory is its own. Times are the median of several
// runs after one warm-up run, from ticket texts to described clusters (tokenising included). On a shared machine
// other processes steal the processor at random: each size is measured in `--trials` separate child processes and
// the trial with the lowest median is kept (the exact baseline likewise). The old way (single linkage over every
// term) alternates with ours run by run, and with --against so does another commit's engine (a full garbage
// collection before each run, so that none pays for another's garbage); ratios are the medians of the runs' ratios,
// in wall time and in processor time.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { importTs } from '../bin/load-ts.js';
import { prepareAgainst } from './bench-patterns-against.js';
import { quality } from './bench-patterns-quality.js';

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,10000,100000,200000' },
		runs: { type: 'string', default: '7' },
		trials: { type: 'string', default: '3' },
		exact: { type: 'string', default: '1000,10000' },
		child: { type: 'string' },
		baseline: { type: 'boolean', default: false },
		quality: { type: 'boolean', default: false },
		'no-speed': { type: 'boolean', default: false },
		// Where the Endava text goes: the title, or the description, where boilerplate lines are looked for.
		field: { type: 'string', default: 'title' },
		against: { type: 'string' },
		'against-entry': { type: 'string' },
	},
});

const engine = await importTs('scripts/bench-patterns-engine.ts');
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);

/** The first n Endava documents, the whole set repeated as often as needed (copies are exact duplicates). */
function endavaTickets(n) {
	const docs = engine.loadEndava();
	const field = values.field === 'description' ? 'description' : 'title';
	return Array.from({ length: n }, (_, i) => ({ id: i + 1, title: '', [field]: docs[i % docs.length] }));
}

/** In a child: time and memory of one size, printed as one JSON line. */
function child(n, baseline, against) {
	const tickets = endavaTickets(n);
	globalThis.gc?.();
	const before = process.memoryUsage().rss;
	const peakBefore = process.resourceUsage().maxRSS * 1024;
	const runs = Math.max(1, Math.min(Number(values.runs), n >= 100_000 ? 5 : Number(values.runs)));
	const time = ({ engine: which, ...options }) => {
		globalThis.gc?.();
		const cpu = process.cpuUsage();
		const started = performance.now();
		const clusters = (which ?? engine).clusterTickets(tickets, { useCategory: false, ...options });
		const used = process.cpuUsage(cpu);
		return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, clusters };
	};
	const first = time({});
	if (against) time({ engine: against });
	const times = [];
	const cpuTimes = [];
	const againstTimes = [];
	const ratios = [];
	// Processor time too: on a loaded machine the wall time of a run mostly says how long it waited for a core.
	const cpuRatios = [];
	const chainedCpuRatios = [];
	// The old way side by side, in the same process: single linkage over all terms (issue 16's starting point).
	const chainedTimes = [];
	const chainedRatios = [];
	for (let r = 0; r < runs; r++) {
		// The order turns over every run: in a fixed order, with text in the titles, where this commit and the one
		// before it take the same path, the first to run came out 5 to 33 % slower (ratios 0.67 to 0.95; 0.99 once
		// the order turned over).
		const order = [{}, { singleLinkage: true, boilerplateShare: 1 }, ...(against ? [{ engine: against }] : [])];
		const [run, chained, other] = (r % 2 === 0 ? order : [...order].reverse()).map((options) => ({ options, ...time(options) }))
			.sort((a, b) => order.indexOf(a.options) - order.indexOf(b.options));
		times.push(run.ms);
		cpuTimes.push(run.cpuMs);
		chainedTimes.push(chained.ms);
		chainedRatios.push(run.ms / chained.ms);
		chainedCpuRatios.push(run.cpuMs / chained.cpuMs);
		if (!other) continue;
		againstTimes.push(other.ms);
		ratios.push(other.ms / run.ms);
		cpuRatios.push(other.cpuMs / run.cpuMs);
	}
	const peak = process.resourceUsage().maxRSS * 1024;
	const result = {
		chainedMs: median(chainedTimes),
		chainedRatio: median(chainedRatios),
		chainedCpuRatio: median(chainedCpuRatios),
		n,
		ms: median(times),
		cpuMs: median(cpuTimes),
		firstMs: first.ms,
		runs,
		clusters: first.clusters.length,
		clustered: first.clusters.reduce((sum, c) => sum + c.size, 0),
		largest: first.clusters[0]?.size ?? 0,
		peakRss: peak,
		rssBefore: before,
		peakGrew: peak > peakBefore,
		...(against ? { againstMs: median(againstTimes), ratio: median(ratios), cpuRatio: median(cpuRatios) } : {}),
	};
	if (baseline) {
		const exactRuns = n > 5000 ? 1 : 3;
		const exactTimes = [];
		for (let r = 0; r < exactRuns; r++) exactTimes.push(time({ exact: true }).ms);
		// The share of the exact graph's pairs that LSH puts in one cluster, on the very same term sets.
		const { sets, vocabulary } = engine.ticketTermSets(tickets, false);
		const lsh = engine.nearDuplicates(sets, vocabulary.termHashes, { threshold: engine.DEFAULT_CLUSTER_THRESHOLD });
		let pairs = 0;
		let found = 0;
		engine.nearDuplicatesExact(sets, engine.DEFAULT_CLUSTER_THRESHOLD, (a, b) => {
			pairs++;
			if (lsh.groups.find(a) === lsh.groups.find(b)) found++;
		});
		Object.assign(result, { exactMs: median(exactTimes), pairs, found, compared: lsh.compared, lsh: lsh.lsh });
	}
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

function speed() {
	const against = values.against ? prepareAgainst(values.against) : undefined;
	const load = loadavg();
	const exact = new Set(values.exact.split(',').map(Number));
	const rows = [];
	for (const n of values.sizes.split(',').map(Number)) {
		const args = ['--expose-gc', '--max-old-space-size=8192', new URL(import.meta.url).pathname, '--child', String(n), '--runs', values.runs, '--field', values.field];
		if (against) args.push('--against-entry', against.entry);
		if (exact.has(n)) args.push('--baseline');
		const trials = [];
		for (let trial = 0; trial < Number(values.trials); trial++) {
			const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
			if (run.status !== 0) throw new Error(`size ${n} failed:\n${run.stderr}`);
			trials.push(JSON.parse(run.stdout.trim().split('\n').at(-1)));
		}
		const best = trials.reduce((a, b) => (b.ms < a.ms ? b : a));
		if (best.exactMs !== undefined) best.exactMs = Math.min(...trials.map((trial) => trial.exactMs));
		rows.push(best);
		process.stderr.write(`${n} done\n`);
	}
	const t = engine.DEFAULT_CLUSTER_THRESHOLD;
	const [large, small] = [engine.lshParameters(t), engine.lshParameters(t, 0.999)];
	console.log(
		`\nNear-duplicate clustering, Endava tickets, threshold ${t}, LSH ${large.bands} bands x ${large.rows} rows ` +
			`(${small.bands} x ${small.rows} up to ${engine.SMALL_EXPORT.toLocaleString('en')} tickets); Node ${process.version}\n`,
	);
	const end = loadavg();
	console.log(`Best of ${values.trials} trials per size. Load average (1, 5, 15 min) at the start: ${load.map((x) => x.toFixed(1)).join(', ')}; at the end: ${end.map((x) => x.toFixed(1)).join(', ')}; ${availableParallelism()} cores\n`);
	console.log(`Text in the ${values.field}.${against ? ` Against: ${against.label}, alternating run by run in the same process.` : ''}\n`);
	const againstHeads = against ? ` ${values.against} (median) | ${values.against} / this (median of ratios) | the same in CPU time |` : '';
	console.log(`| tickets | clustering (median) |${againstHeads} single linkage, all terms (median) | this / single linkage (median of ratios) | the same in CPU time | CPU (median) | first run | per 1k tickets | peak RSS (before) | clusters | largest | exact all-pairs | speed-up | exact pairs found |`);
	console.log(`| ---: | ---: |${against ? ' ---: | ---: | ---: |' : ''} ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
	for (const row of rows) {
		const exactCells =
			row.exactMs === undefined
				? '| – | – | – |'
				: `| ${row.exactMs.toFixed(0)} ms | ${(row.exactMs / row.ms).toFixed(0)}x | ${((100 * row.found) / Math.max(1, row.pairs)).toFixed(2)} % of ${row.pairs} |`;
		console.log(
			`| ${row.n.toLocaleString('en')} | ${row.ms.toFixed(0)} ms |${against ? ` ${row.againstMs.toFixed(0)} ms | ${row.ratio.toFixed(2)} | ${row.cpuRatio.toFixed(2)} |` : ''} ${row.chainedMs.toFixed(0)} ms | ${row.chainedRatio.toFixed(2)} | ${row.chainedCpuRatio.toFixed(2)} | ${row.cpuMs.toFixed(0)} ms | ${row.firstMs.toFixed(0)} ms | ${((row.ms * 1000) / row.n).toFixed(1)} ms | ${mb(row.peakRss)} MB (${mb(row.rssBefore)} MB)${row.peakGrew ? '' : ' ≤'} | ${row.clusters} | ${row.largest} ${exactCells}`,
		);
	}
}

if (values.child) child(Number(values.child), values.baseline, values['against-entry'] ? await importTs(values['against-entry']) : undefined);
else {
	if (!engine.hasEndava) console.log(`endava: ${engine.SKIP_DATA}`);
	else if (!values['no-speed']) speed();
	if (values.quality) quality(engine);
}
