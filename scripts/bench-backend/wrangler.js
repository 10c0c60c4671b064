// Starts and stops `wrangler dev` for the benchmark: its own port on loopback, its own local D1 folder, migrations
// applied first, secrets through a generated env file, and no network calls (scripts/offline-env.js).
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { offlineEnv, projectRoot } from '../offline-env.js';

const wranglerBin = join(projectRoot, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function run(args, logFile) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [wranglerBin, ...args], { cwd: projectRoot, env: { ...process.env, ...offlineEnv(), CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
		const log = createWriteStream(logFile, { flags: 'a' });
		child.stdout.pipe(log);
		child.stderr.pipe(log);
		child.once('error', reject);
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args[0]} exited with ${code}; see ${logFile}`))));
	});
}

/** Applies the migrations to the persist folder, then starts wrangler dev and waits for /v1/health. */
export async function startWorker({ persistDir, vars, logFile, timeoutMs = 90_000 }) {
	await run(['d1', 'migrations', 'apply', 'glpi-improve', '--local', '--persist-to', persistDir], logFile);
	const envFile = join(persistDir, 'bench.env');
	writeFileSync(envFile, Object.entries(vars).map(([name, value]) => `${name}=${value}`).join('\n'));
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[wranglerBin, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistDir, '--env-file', envFile, '--log-level', 'warn', '--show-interactive-dev-session=false'],
		{ cwd: projectRoot, env: { ...process.env, ...offlineEnv(), CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: false },
	);
	const log = createWriteStream(logFile, { flags: 'a' });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}; see ${logFile}`);
		try {
			const response = await fetch(`${base}/v1/health`);
			if (response.ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`wrangler dev did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return {
		base,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			}),
	};
}
