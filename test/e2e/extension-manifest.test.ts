import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { offlineEnv } from '../../scripts/offline-env.js';
import { storeProblems } from '../../scripts/store-checks.js';
import { PRODUCT_VERSION } from '../../shared/version';
import { PROJECT_ROOT } from '../support/glpi-pages';
import { openSite } from './support/site';

const outDir = join(PROJECT_ROOT, '.tmp/production-build');
const extensionDir = join(outDir, 'chrome-mv3');

/** Every .js file of the build, with its text. */
const scripts = () =>
	readdirSync(extensionDir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.js'))
		.map((file) => ({ file, text: readFileSync(join(extensionDir, file), 'utf8') }));

/** What users install: the production build (not the test build, which pre-grants loopback). */
describe('the extension users install', () => {
	let manifest: Record<string, unknown>;
	beforeAll(() => {
		execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, env: { ...process.env, ...offlineEnv(), GX_OUT_DIR: outDir, GX_TEST_BUILD: '' }, stdio: ['ignore', 'ignore', 'inherit'] });
		manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
	});
	afterAll(() => rmSync(outDir, { recursive: true, force: true }));

	it("reports the product's version and passes the stores' checks (icons at every size, name and description lengths)", () => {
		expect(manifest.version).toBe(PRODUCT_VERSION);
		expect(storeProblems(extensionDir)).toEqual([]);
		// What an organisation may set by policy (docs/DEPLOY.md) is declared for Chrome's managed storage.
		expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
		expect(JSON.parse(readFileSync(join(extensionDir, 'managed-schema.json'), 'utf8'))).toMatchObject({ type: 'object' });
	});

	it('asks for no host at install: GLPI origins are optional and granted one by one', () => {
		expect(manifest.host_permissions ?? []).toEqual([]);
		expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
		expect(manifest.content_scripts ?? []).toEqual([]);
		expect(manifest.permissions).toEqual(['storage', 'scripting', 'alarms', 'contextMenus']);
		expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|"webRequest|"cookies"|"history"/);
	});

	it('has a strict CSP on its pages: own scripts only, no eval, no inline script, no plugin', () => {
		const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
		const directives = Object.fromEntries(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
		expect(directives['script-src']).toEqual(["'self'"]);
		expect(directives['object-src']).toEqual(["'none'"]);
		expect(directives['base-uri']).toEqual(["'none'"]);
		expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
	});

	it('ships no remote code and no eval', () => {
		for (const { file, text } of scripts()) {
			expect(text, `${file} must not load scripts from the network`).not.toMatch(/importScripts\(\s*["'`]https?:|<script[^>]+src=["']https?:/);
			expect(text, `${file} must not call eval`).not.toMatch(/\beval\(/);
		}
		for (const page of ['popup.html', 'options.html']) {
			const html = readFileSync(join(extensionDir, page), 'utf8');
			expect(html).not.toMatch(/<script(?![^>]*\bsrc=["']\/)[^>]*>/);
		}
	});

	it('opens the popup with one file: its module, which imports no other chunk before it runs and carries its styles', () => {
		// Each file an extension page loads is handed to it by the browser's main thread, busy then with the page's own
		// navigation: the popup's second chunk and its stylesheet kept the module waiting (docs/BENCHMARKS.md, "The popup").
		const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
		const sources = [...html.matchAll(/<script[^>]*\bsrc=["']([^"']+)["']/g)].map(([, source]) => source);
		expect(sources).toHaveLength(1);
		expect(html).not.toMatch(/<link[^>]*\brel=["']?(stylesheet|modulepreload)/);
		const entry = readFileSync(join(extensionDir, sources[0] ?? ''), 'utf8');
		// A static import, minified (`import{a as b}from"./chunk.js"`, `import"./chunk.js"`); `import("./…")` loads on demand.
		expect(entry).not.toMatch(/\bimport\s*(?:[\w*{][^;"'`]*?\bfrom\s*)?["'`][./]/);
		expect(entry).toContain('.gx-popup');
	});

	it('keeps the network and the token out of the script that runs in GLPI pages', () => {
		// The built bundle, not only its sources (test/extension/conventions.test.ts): nothing a dependency or a shared
		// module pulls in may give GLPI pages a way to the backend or to the token.
		const pageScripts = scripts().filter(({ file }) => file.startsWith('content-scripts/'));
		expect(pageScripts.length).toBeGreaterThan(0);
		for (const { file, text } of pageScripts) {
			expect(text, `${file} must not call the network`).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/);
			expect(text, `${file} must not know the token or the API`).not.toMatch(/local:token|Bearer |authorization|\/v1\//i);
		}
	});

	it('in Chromium: no host granted at install, no overlay anywhere, and its pages refuse eval and inline script', async () => {
		const profile = mkdtempSync(join(PROJECT_ROOT, '.tmp/e2e-profile-'));
		const site = await openSite();
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: inject('chromiumPath'),
			headless: true,
			args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		try {
			const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
			const granted = await worker.evaluate(async () => {
				const api = (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> }; scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome;
				return { ...(await api.permissions.getAll()), scripts: await api.scripting.getRegisteredContentScripts() };
			});
			expect(granted.origins).toEqual([]);
			expect(granted.permissions?.sort()).toEqual(['alarms', 'contextMenus', 'scripting', 'storage']);
			expect(granted.scripts).toEqual([]);
			// A GLPI page nobody granted: nothing of ours in it (a live GLPI shows this new profile its login page).
			const page = await context.newPage();
			await page.goto(site.live ? site.ticketList : site.ticketForm);
			await page.waitForTimeout(1000);
			expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((element) => element.tagName.startsWith('GX-')).length)).toBe(0);

			// The extension's own pages run under its CSP: eval, new Function and an injected inline script are refused.
			const id = new URL(worker.url()).host;
			for (const path of ['popup.html', 'options.html']) {
				await page.goto(`chrome-extension://${id}/${path}`);
				const refused = await page.evaluate(async () => {
					const attempt = (work: () => unknown) => {
						try {
							work();
							return 'ran';
						} catch (error) {
							return (error as Error).name;
						}
					};
					const scope = window as unknown as { __gx_inline?: boolean };
					const script = document.createElement('script');
					script.textContent = 'window.__gx_inline = true';
					document.body.append(script);
					await new Promise((resolve) => setTimeout(resolve, 100));
					return { eval: attempt(() => (0, eval)('1 + 1')), function: attempt(() => new Function('return 1')()), inline: scope.__gx_inline === true };
				});
				expect(refused, path).toEqual({ eval: 'EvalError', function: 'EvalError', inline: false });
			}
		} finally {
			await context.close();
			await site.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});
});
