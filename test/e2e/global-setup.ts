import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { offlineEnv } from '../../scripts/offline-env.js';
import { PROJECT_ROOT } from '../support/glpi-pages';
import { ensureChromium, ensureInterFont } from './support/chromium';

declare module 'vitest' {
	export interface ProvidedContext {
		chromiumPath: string;
		extensionDir: string;
		/** The test build's period of automatic friction counters, in ms (a real build's is 24 h). */
		frictionPeriodMs: number;
	}
}

/**
 * Once per run: Chromium present, and a test build of the extension (loopback pre-granted, and the live GLPI's origin
 * when GLPI_URL is set; see wxt.config.ts), whose automatic friction periods last seconds instead of a day.
 */
export default function setup(project: TestProject): void {
	const chromiumPath = ensureChromium();
	if (!ensureInterFont()) console.log("[e2e] no Inter font (Debian's fonts-inter): the styled GLPI pages lay out with a fallback font");
	const frictionPeriodMs = 4000;
	// Retries after a failed sync start at 1 s instead of 5 s, still doubling: the outage tests wait for the backoff's own
	// alarm, and with 5 s a few failures in a row made them sit out a minute or more for nothing.
	execFileSync('npx', ['wxt', 'build'], {
		cwd: PROJECT_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ...offlineEnv(), GX_TEST_BUILD: '1', GX_FRICTION_PERIOD_MS: String(frictionPeriodMs), GX_BACKOFF_BASE_MS: '1000' },
	});
	project.provide('frictionPeriodMs', frictionPeriodMs);
	project.provide('chromiumPath', chromiumPath);
	project.provide('extensionDir', join(PROJECT_ROOT, '.tmp/test-build/chrome-mv3'));
}
