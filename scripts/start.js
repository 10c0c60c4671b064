#!/usr/bin/env node
// `npm start`: build the Chrome extension, migrate the local D1, make .dev.vars, seed a demo workspace, run the
// worker on 127.0.0.1:8787 (or PORT) and say how to load the extension. Ctrl-C stops everything. Running it again
// keeps every row: migrations are applied once, the seed is idempotent, and the D1 file lives under .wrangler/.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_ITEM_TEXT, DEMO_WORKSPACE, demoSignals } from './demo-data.js';
import { offlineEnv, projectRoot } from './offline-env.js';

const env = { ...process.env, ...offlineEnv() };
const port = Number(process.env.PORT ?? 8787);
const base = `http://127.0.0.1:${port}`;
const devVars = join(projectRoot, '.dev.vars');
const ROLES = ['manager', 'technician', 'reporter'];

/** @param {string[]} args */
function npx(args, label) {
	const result = spawnSync('npx', args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
	if (result.status !== 0) {
		console.error(`✗ ${label} failed:\n${result.stderr || result.stdout}`);
		process.exit(1);
	}
	return result.stdout;
}

const newToken = () => `gxi_${randomBytes(32).toString('base64url')}`;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Reads .dev.vars, adding the admin token and the demo tokens when missing (git-ignored; never committed). */
function ensureDevVars() {
	const text = existsSync(devVars) ? readFileSync(devVars, 'utf8') : '';
	const vars = Object.fromEntries(
		text
			.split('\n')
			.map((line) => /^\s*([A-Z_]+)\s*=\s*"?([^"\n]*)"?\s*$/.exec(line))
			.filter(Boolean)
			.map((match) => [match[1], match[2]]),
	);
	const wanted = { ADMIN_TOKEN: vars.ADMIN_TOKEN, ...Object.fromEntries(ROLES.map((role) => [`DEMO_${role.toUpperCase()}_TOKEN`, vars[`DEMO_${role.toUpperCase()}_TOKEN`]])) };
	const missing = Object.entries(wanted).filter(([, value]) => !value);
	if (missing.length > 0) {
		const lines = missing.map(([name]) => `${name}=${name === 'ADMIN_TOKEN' ? randomBytes(32).toString('base64url') : newToken()}`);
		const header = text ? '' : '# Local secrets for `npm start` and `wrangler dev` (git-ignored). ADMIN_TOKEN creates workspaces;\n# the DEMO_* tokens belong to the seeded demo workspace.\n';
		writeFileSync(devVars, `${header}${text}${text && !text.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`, { mode: 0o600 });
		return ensureDevVars();
	}
	return wanted;
}

function seedWorkspace(vars) {
	const now = new Date().toISOString();
	const quote = (value) => `'${String(value).replace(/'/g, "''")}'`;
	const statements = [
		`INSERT OR IGNORE INTO workspaces (id, name, created_at) VALUES (${quote(DEMO_WORKSPACE.id)}, ${quote(DEMO_WORKSPACE.name)}, ${quote(now)})`,
		...ROLES.map((role) => {
			const token = vars[`DEMO_${role.toUpperCase()}_TOKEN`];
			return `INSERT OR IGNORE INTO tokens (id, workspace_id, role, label, hash, created_at) VALUES (${quote(`demo-${role}`)}, ${quote(DEMO_WORKSPACE.id)}, ${quote(role)}, ${quote(`demo ${role}`)}, ${quote(sha256(token))}, ${quote(now)})`;
		}),
	];
	npx(['wrangler', 'd1', 'execute', 'glpi-improve', '--local', '--command', statements.join('; ')], 'seeding the demo workspace');
}

async function waitForHealth(child) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode})`);
		try {
			if ((await fetch(`${base}/v1/health`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`the worker did not answer on ${base} within 60 s`);
}

async function seedSignals(technicianToken) {
	const response = await fetch(`${base}/v1/signals`, {
		method: 'POST',
		headers: { authorization: `Bearer ${technicianToken}`, 'content-type': 'application/json' },
		body: JSON.stringify({ signals: demoSignals() }),
	});
	if (!response.ok) throw new Error(`demo signals: ${response.status} ${await response.text()}`);
	return response.json();
}

/**
 * Moves the demo's category-field item through "do" to "check" the first time, then dates the change four weeks back
 * (the API dates every change now, by design), so the popup's Check compares four weeks before and after.
 */
async function seedCheckedItem(managerToken) {
	const headers = { authorization: `Bearer ${managerToken}`, 'content-type': 'application/json' };
	const query = new URLSearchParams({ q: CHECKED_ITEM_TEXT.slice(0, 40).toLowerCase(), status: 'new' });
	const list = await (await fetch(`${base}/v1/backlog?${query}`, { headers })).json();
	const item = list.items?.[0];
	if (!item) return;
	for (const status of ['do', 'check']) {
		const response = await fetch(`${base}/v1/backlog/${item.id}`, { method: 'PATCH', headers, body: JSON.stringify({ status }) });
		if (!response.ok) throw new Error(`demo triage: ${response.status} ${await response.text()}`);
	}
	const changed = new Date(Date.now() - 28 * 86_400_000).toISOString();
	npx(
		['wrangler', 'd1', 'execute', 'glpi-improve', '--local', '--command', `UPDATE items SET do_at = '${changed}', triaged_at = '${changed}' WHERE id = '${item.id}'; UPDATE audit SET at = '${changed}' WHERE item_id = '${item.id}'`],
		'dating the demo change',
	);
}

const started = Date.now();
console.log('• Building the Chrome extension…');
npx(['wxt', 'build'], 'the extension build');
console.log('• Applying the D1 migrations to the local database…');
npx(['wrangler', 'd1', 'migrations', 'apply', 'glpi-improve', '--local'], 'the migrations');
const vars = ensureDevVars();
seedWorkspace(vars);

console.log(`• Starting the worker on ${base}…`);
const worker = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false'], {
	cwd: projectRoot,
	env,
	stdio: ['ignore', 'inherit', 'inherit'],
	detached: true,
});
let stopping = false;
function stop(code = 0) {
	if (stopping) return;
	stopping = true;
	try {
		process.kill(-worker.pid, 'SIGTERM');
	} catch {
		// Already stopped.
	}
	setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
worker.on('exit', (code) => {
	if (!stopping) {
		console.error(`wrangler dev stopped (${code}).`);
		process.exit(code ?? 1);
	}
});

try {
	await waitForHealth(worker);
	const seeded = await seedSignals(vars.DEMO_TECHNICIAN_TOKEN);
	await seedCheckedItem(vars.DEMO_MANAGER_TOKEN);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`
✓ GLPI Improve is running (${seconds} s): ${base}/v1/health
  Demo workspace "${DEMO_WORKSPACE.name}" (${seeded.accepted.length} new demo signals, ${seeded.duplicates.length} already there)
    manager token    ${vars.DEMO_MANAGER_TOKEN}
    technician token ${vars.DEMO_TECHNICIAN_TOKEN}
    reporter token   ${vars.DEMO_REPORTER_TOKEN}
  The admin token (creates workspaces) is ADMIN_TOKEN in .dev.vars.

  Load the extension in Chrome, Chromium or Edge:
    1. open chrome://extensions and switch on "Developer mode";
    2. "Load unpacked" and pick the folder  ${join(projectRoot, 'dist/chrome-mv3')}
    3. in the extension's options: backend ${base}, the manager token above, and your GLPI address
       (the browser asks you to allow the extension there).
  Ctrl-C stops the worker; the data stays in .wrangler/ for the next start.
`);
} catch (error) {
	console.error(`✗ ${error instanceof Error ? error.message : error}`);
	stop(1);
}
