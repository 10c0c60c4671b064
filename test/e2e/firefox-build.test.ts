import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineEnv } from '../../scripts/offline-env.js';
import { PROJECT_ROOT } from '../support/glpi-pages';

const outDir = join(PROJECT_ROOT, '.tmp/firefox-build');

interface LintReport {
	summary: { errors: number; warnings: number };
	errors: { code: string; message: string; file?: string }[];
}

/** The Firefox build comes from the same sources and must pass Mozilla's linter with no error. */
describe('the Firefox build', () => {
	afterAll(() => rmSync(outDir, { recursive: true, force: true }));

	it('builds as MV3 and passes web-ext lint with 0 errors', () => {
		const env = { ...process.env, ...offlineEnv(), GX_OUT_DIR: outDir };
		execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
		const sourceDir = join(outDir, 'firefox-mv3');
		const manifest = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
		expect(manifest).toMatchObject({ manifest_version: 3, browser_specific_settings: { gecko: { id: expect.any(String) } } });

		let output: string;
		try {
			output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
		} catch (error) {
			// web-ext exits non-zero when there are errors; the report is still on stdout.
			output = (error as { stdout?: string }).stdout ?? '';
		}
		const report = JSON.parse(output) as LintReport;
		expect(report.errors.map((entry) => `${entry.code}: ${entry.message} (${entry.file ?? ''})`)).toEqual([]);
		expect(report.summary.errors).toBe(0);
	});
});
