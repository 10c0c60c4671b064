import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv } from '../../scripts/offline-env.js';
import { PROJECT_ROOT } from '../support/glpi-pages';

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

	it('asks for no host at install: GLPI origins are optional and granted one by one', () => {
		expect(manifest.host_permissions ?? []).toEqual([]);
		expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
		expect(manifest.content_scripts ?? []).toEqual([]);
		expect(manifest.permissions).toEqual(['storage', 'scripting', 'alarms', 'contextMenus', 'activeTab']);
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
});
