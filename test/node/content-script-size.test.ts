import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { offlineEnv } from '../../scripts/offline-env.js';
import { PROJECT_ROOT } from '../support/glpi-pages';

/**
 * The content script's weight, measured as scripts/bench-extension.js does (a production build, gzip level 9). Issue 14
 * sets 32,000 bytes; this ceiling is the figure reached so far (docs/BENCHMARKS.md, "Extension budget"), so that
 * nothing grows it back while the per-route scripts that should bring it under 32 kB are written. Lower it with them.
 */
const CEILING = 33_300;

describe('the content script', () => {
	it(`stays under ${CEILING} bytes gzip in a production build`, { timeout: 120_000 }, () => {
		const outDir = join(PROJECT_ROOT, '.tmp/size-build');
		// Vitest's NODE_ENV=test and VITEST_* would make Vite build for tests (Preact's debug code kept): a user's build has neither.
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && !name.startsWith('GX_')));
		execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, env: { ...env, ...offlineEnv(), GX_OUT_DIR: outDir }, stdio: ['ignore', 'ignore', 'inherit'] });
		const script = readFileSync(join(outDir, 'chrome-mv3/content-scripts/glpi.js'));
		const gzip = gzipSync(script, { level: 9 }).length;
		expect(gzip, `content script: ${script.length} bytes raw, ${gzip} gzip`).toBeLessThanOrEqual(CEILING);
	});
});
