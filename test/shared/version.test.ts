import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_VERSION } from '../../shared/version';
import { PROJECT_ROOT } from './support/data';

// The extension's manifest takes its version from package.json (WXT), the worker's /v1/health and the CLI from
// shared/version.ts: these checks keep the three, and the changelog, saying the same.
describe('one version', () => {
	it('is the version of package.json, which the extension manifest carries', () => {
		const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
		expect(manifest.version).toBe(PRODUCT_VERSION);
	});

	it('is the newest entry of CHANGELOG.md', () => {
		const changelog = readFileSync(join(PROJECT_ROOT, 'CHANGELOG.md'), 'utf8');
		const newest = /^## \[?(\d+\.\d+\.\d+)\]?/m.exec(changelog)?.[1];
		expect(newest).toBe(PRODUCT_VERSION);
	});

	it('is what the command line prints for --version', () => {
		const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/glpi-improve.js'), '--version'], { encoding: 'utf8', timeout: 60_000 });
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toBe(`glpi-improve ${PRODUCT_VERSION}`);
	});
});
