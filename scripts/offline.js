#!/usr/bin/env node
// Runs a command of node_modules/.bin with the offline environment (scripts/offline-env.js): `node scripts/offline.js
// wrangler dev …`. For the npm scripts that call wrangler or wxt directly.
import { spawn } from 'node:child_process';
import { offlineEnv, projectRoot } from './offline-env.js';

const [command, ...args] = process.argv.slice(2);
if (!command) {
	console.error('usage: node scripts/offline.js <command> [args…]');
	process.exit(2);
}
const child = spawn('npx', [command, ...args], { cwd: projectRoot, env: { ...process.env, ...offlineEnv() }, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
