#!/usr/bin/env node
// `npm run bench`: every benchmark of the project, one after the other (never in parallel: these machines have two
// cores, and each benchmark compares figures measured side by side in its own run). Each prints a markdown table;
// docs/BENCHMARKS.md quotes them. Pass --only=backend,patterns,extension,badges,popup to run some.
import { spawnSync } from 'node:child_process';
import { offlineEnv, projectRoot } from './offline-env.js';

const BENCHES = {
	backend: ['scripts/bench-backend.js'],
	patterns: ['scripts/bench-patterns.js', '--quality'],
	extension: ['scripts/bench-extension.js'],
	badges: ['scripts/bench-badges.js'],
	popup: ['scripts/bench-popup.js'],
};
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const unknown = only?.filter((name) => !(name in BENCHES)) ?? [];
if (unknown.length > 0) {
	console.error(`Unknown benchmark ${unknown.join(', ')}: choose among ${Object.keys(BENCHES).join(', ')}.`);
	process.exit(2);
}
let failed = 0;
for (const [name, args] of Object.entries(BENCHES)) {
	if (only && !only.includes(name)) continue;
	console.log(`\n## ${name} (node ${args.join(' ')})\n`);
	const result = spawnSync(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...offlineEnv() }, stdio: 'inherit' });
	if (result.status !== 0) {
		failed++;
		console.error(`✗ the ${name} benchmark exited with ${result.status}`);
	}
}
process.exitCode = failed === 0 ? 0 : 1;
