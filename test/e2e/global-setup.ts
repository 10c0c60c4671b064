import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { offlineEnv } from '../../scripts/offline-env.js';
import { PROJECT_ROOT } from '../support/glpi-pages';
import { ensureChromium } from './support/chromium';

declare module 'vitest' {
	export interface ProvidedContext {
		chromiumPath: string;
		extensionDir: string;
	}
}

/** Once per run: Chromium present, and a test build of the extension (loopback pre-granted, see wxt.config.ts). */
export default function setup(project: TestProject): void {
	const chromiumPath = ensureChromium();
	execFileSync('npx', ['wxt', 'build'], {
		cwd: PROJECT_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ...offlineEnv(), GX_TEST_BUILD: '1' },
	});
	project.provide('chromiumPath', chromiumPath);
	project.provide('extensionDir', join(PROJECT_ROOT, '.tmp/test-build/chrome-mv3'));
}
