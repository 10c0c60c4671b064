// Figures of the backend benchmark: quantiles and the markdown table printed at the end of a run.
import { cpus } from 'node:os';

export function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
export const median = (values) => quantile(values, 0.5);
export const fixed = (value, digits = 2) => value.toFixed(digits);

/** The markdown table of a run, with the goals of issue 3 checked underneath. */
export function report(results, floors, load, { batch, window, backlogRequests }) {
	const floorAt = (times, batches) => median(times.slice(Math.max(0, batches - window), batches)) / batch;
	const lines = [
		`| signals | items | ingest, signals/s | ingest, ms/signal | floor NORMAL, ms/signal | × floor | floor FULL, ms/signal | × floor | backlog p50 ms | backlog p95 ms | q= p95 ms | metrics p50 ms |`,
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const result of results) {
		const perSignal = median(result.window) / batch;
		const normal = floorAt(floors.NORMAL, result.batches);
		const full = floorAt(floors.FULL, result.batches);
		lines.push(
			`| ${result.level.toLocaleString('en')} | ${result.items.toLocaleString('en')} | ${Math.round(1000 / perSignal).toLocaleString('en')} | ${fixed(perSignal, 3)} | ${fixed(normal, 4)} | ${fixed(perSignal / normal, 1)} | ${fixed(full, 4)} | ${fixed(perSignal / full, 1)} | ${fixed(median(result.backlog))} | ${fixed(quantile(result.backlog, 0.95))} | ${fixed(quantile(result.search, 0.95))} | ${fixed(median(result.metrics))} |`,
		);
	}
	const first = results[0];
	const last = results.at(-1);
	const cost = (result) => median(result.window) / batch;
	lines.push('');
	lines.push(`- ingest cost per signal, ${last.level.toLocaleString('en')} vs ${first.level.toLocaleString('en')}: ${fixed(cost(last) / cost(first))}x (goal: at most 1.5x)`);
	lines.push(`- backlog p95 at ${last.level.toLocaleString('en')} signals: ${fixed(quantile(last.backlog, 0.95))} ms (goal: under 50 ms)`);
	lines.push(`- ingest vs raw SQLite at ${last.level.toLocaleString('en')}: ${fixed(cost(last) / floorAt(floors.NORMAL, last.batches), 1)}x the NORMAL floor, ${fixed(cost(last) / floorAt(floors.FULL, last.batches), 1)}x the FULL floor (goal: within 10x)`);
	lines.push(`- ingest per signal is the median of the last ${window} batches of ${batch} before each level, one request at a time; backlog: ${backlogRequests} sequential GET /v1/backlog (score, 50 rows) after 10 warm-up requests.`);
	lines.push(`- machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}; 1-minute load average ${fixed(load.before)} at start, ${fixed(load.after)} at end.`);
	return lines.join('\n');
}
