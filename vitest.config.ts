import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { offlineEnv } from './scripts/offline-env.js';

Object.assign(process.env, offlineEnv());
const root = import.meta.dirname;

/**
 * One `vitest run` for everything: shared code in Node, the worker inside workerd on a real local D1, the
 * extension's units in happy-dom under WXT's fake browser, and the end-to-end suite in real Chromium.
 */
export default defineConfig({
	test: {
		// Vitest's default on a two-core machine is one worker (cores - 1): every unit file then waited for the one
		// before it, mostly for workerd or happy-dom to start. The end-to-end project stays one file at a time
		// (fileParallelism below), in its own group after the others.
		maxWorkers: 2,
		projects: [
			{
				// Node-only code: shared/ (runtime-agnostic) and the extension's network clients that use plain fetch.
				test: { name: 'shared', environment: 'node', include: ['test/shared/**/*.test.ts', 'test/node/**/*.test.ts'] },
			},
			{
				plugins: [
					cloudflareTest(async () => ({
						wrangler: { configPath: `${root}/wrangler.toml` },
						miniflare: {
							bindings: {
								TEST_MIGRATIONS: await readD1Migrations(`${root}/worker/migrations`),
								ADMIN_TOKEN: 'test-admin-token',
								// Cases per property test of fuzz.test.ts: 3,000 in all by default, 10,005 with `npm run fuzz` (docs/RELIABILITY.md).
								FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
							},
						},
					})),
				],
				test: {
					name: 'worker',
					include: ['test/worker/**/*.test.ts'],
					setupFiles: ['test/worker/apply-migrations.ts'],
					// Beside the end-to-end suite's Chromium on two cores, a test of a few D1 round trips took over vitest's 5 s.
					testTimeout: 30_000,
				},
			},
			{
				plugins: [WxtVitest({ root })],
				test: {
					name: 'extension',
					environment: 'happy-dom',
					// Captured GLPI pages hold iframes and inline scripts: parse them, never run or load them.
					environmentOptions: {
						happyDOM: { settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true } },
					},
					include: ['test/extension/**/*.test.{ts,tsx}'],
					// Two files at once on two cores: a test that walks every captured page took over vitest's 5 s.
					testTimeout: 20_000,
					mockReset: true,
					restoreMocks: true,
				},
			},
			{
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['test/e2e/**/*.test.ts'],
					globalSetup: ['test/e2e/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 180_000,
				},
			},
		],
	},
});
