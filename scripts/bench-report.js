#!/usr/bin/env node
// How heavy an HTML report of `glpi-improve patterns` is to open (issue 16: a 473,000-ticket report was 94,000 px
// tall and took 4.6 s). Opens each file given in headless Chromium, alternating, `--runs` times (the first round only
// warms up), and prints its size, its page height, and the medians of the time to the load event and of the page's
// main-thread time (Performance.getMetrics' TaskDuration: parsing, style, layout, paint).
//
//   node scripts/bench-report.js report-a.html [report-b.html ...] [--runs 9]
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath, median, range } from './bench-chrome.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '9' } } });
if (positionals.length === 0) throw new Error('give one or more HTML reports to open');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const results = positionals.map(() => ({ load: [], task: [], height: 0 }));
for (let run = 0; run <= Number(values.runs); run++) {
	for (const [i, file] of positionals.entries()) {
		const page = await browser.newPage();
		const session = await page.context().newCDPSession(page);
		await session.send('Performance.enable');
		const started = performance.now();
		await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load', timeout: 120_000 });
		const load = performance.now() - started;
		// The first frame after the load event: style, layout and paint of the whole page are in it.
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
		const metrics = Object.fromEntries((await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
		const result = results[i];
		result.height = await page.evaluate(() => document.documentElement.scrollHeight);
		if (run > 0) {
			result.load.push(load);
			result.task.push(metrics.TaskDuration * 1000);
		}
		await page.close();
	}
}
await browser.close();
console.log('| report | size | page height | load event (median) | range | main-thread time (median) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [i, file] of positionals.entries()) {
	const r = results[i];
	console.log(`| ${file} | ${(statSync(file).size / 1024).toFixed(0)} kB | ${r.height} px | ${median(r.load).toFixed(0)} ms | ${range(r.load)} ms | ${median(r.task).toFixed(0)} ms |`);
}
