// The quality tables of docs/PATTERNS.md, printed by `node scripts/bench-patterns.js --quality`: similar tickets
// and clusters on the Hadoop duplicates, clusters of the captured GLPI export by threshold.
import { readFileSync } from 'node:fs';

/** @param {any} engine the module of scripts/bench-patterns-engine.ts */
export function quality(engine) {
	const percent = (x) => x.toFixed(3);
	if (engine.hasGitbugs) {
		const { tickets, pairs, testPairs } = engine.loadGitbugs();
		console.log(`\nSimilar tickets, Hadoop duplicates (${pairs.length} labelled pairs; test split ${testPairs.length}): query with the duplicate, find its original\n`);
		console.log('| ranking | recall@1 | recall@5 | recall@10 | test split @1 / @5 / @10 |');
		console.log('| --- | ---: | ---: | ---: | ---: |');
		for (const [name, measure] of [
			['engine: BM25-weighted cosine, title x1.5', engine.engineRecall],
			['plain TF-IDF cosine (measured here)', engine.tfidfRecall],
		]) {
			const all = measure(tickets, pairs);
			const test = measure(tickets, testPairs);
			console.log(`| ${name} | ${percent(all.at1)} | ${percent(all.at5)} | ${percent(all.at10)} | ${percent(test.at1)} / ${percent(test.at5)} / ${percent(test.at10)} |`);
		}
		console.log('| plain TF-IDF cosine (quoted by the issue) | 0.49 | 0.76 | 0.83 | |');
		console.log('\nNear-duplicate clusters against the labelled pairs\n');
		console.log('| threshold | clusters | tickets in clusters | pair precision (all) | pair precision (labelled reports) | pair recall |');
		console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
		for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
			const q = engine.pairQuality(tickets, pairs, threshold);
			console.log(`| ${threshold} | ${q.clusters} | ${q.clustered} | ${percent(q.precision)} | ${percent(q.labelledPrecision)} | ${percent(q.recall)} |`);
		}
	} else console.log(`gitbugs-hadoop: ${engine.SKIP_DATA}`);
	if (engine.hasCapturedCsv) {
		const { tickets } = engine.parseGlpiCsv(readFileSync(engine.CAPTURED_CSV, 'utf8'));
		console.log('\nCaptured GLPI 10.0.17 export (23 tickets): clusters by threshold\n');
		console.log('| threshold | clusters (ticket ids) |');
		console.log('| ---: | --- |');
		for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5]) {
			const clusters = engine.clusterTickets(tickets, { threshold });
			console.log(`| ${threshold} | ${clusters.map((c) => `${c.ticketIds.join(',')} "${c.signature}"`).join('; ')} |`);
		}
	}
}
