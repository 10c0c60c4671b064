import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { ROUTE_SCRIPTS, SHARED_FROM_CONTENT_SCRIPT } from './extension/core/route-script-names';

/**
 * Test builds (GX_TEST_BUILD=1) get loopback in host_permissions, because permission prompts cannot be clicked in
 * automation (../shared/TOOLCHAIN.md); a match pattern without a port matches every port. Users' builds grant each
 * GLPI origin through the prompt of the options page.
 */
const testBuild = process.env.GX_TEST_BUILD === '1';

/**
 * Live-GLPI end-to-end runs (GLPI_URL set, see docs/DEVELOPMENT.md, "Live GLPI") grant that GLPI's origin too, for the same reason.
 */
const liveGlpiOrigin = testBuild && process.env.GLPI_URL ? `${new URL(process.env.GLPI_URL).origin}/*` : undefined;

/**
 * Build-time constants (extension/env.d.ts). Test builds set performance marks for the benchmark and may shorten the
 * period of automatic friction counters (GX_FRICTION_PERIOD_MS) so that a test sees one end, and the first retry's delay
 * after a failed sync (GX_BACKOFF_BASE_MS) so that an outage test does not sit out minutes of doubling; users' builds
 * never do.
 */
const define = {
	'import.meta.env.GX_TEST_BUILD': JSON.stringify(testBuild),
	'import.meta.env.GX_FRICTION_PERIOD_MS': JSON.stringify(testBuild ? (process.env.GX_FRICTION_PERIOD_MS ?? '') : ''),
	'import.meta.env.GX_BACKOFF_BASE_MS': JSON.stringify(testBuild ? (process.env.GX_BACKOFF_BASE_MS ?? '') : ''),
};

/**
 * In the per-route scripts' builds (core/route-script-names.ts), each module whose state they share with the content
 * script resolves to its stand-in, which forwards to the content script's own; the stand-ins import the real module
 * for what holds no state.
 */
function sharedFromContentScript(): Plugin {
	const standIns = new Map(Object.entries(SHARED_FROM_CONTENT_SCRIPT).map(([real, standIn]) => [resolve(import.meta.dirname, real), resolve(import.meta.dirname, standIn)]));
	const isStandIn = new Set(standIns.values());
	return {
		name: 'gx:shared-from-content-script',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!importer || isStandIn.has(importer)) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			return (resolved && standIns.get(resolved.id)) ?? resolved;
		},
	};
}

export default defineConfig({
	srcDir: 'extension',
	// Test builds go apart so they never overwrite the build a user loaded.
	outDir: process.env.GX_OUT_DIR ?? (testBuild ? '.tmp/test-build' : 'dist'),
	publicDir: 'extension/public',
	imports: false,
	vite: () => ({ plugins: [preact()], define, ...(process.env.GX_NO_MINIFY ? { build: { minify: false } } : {}) }),
	hooks: {
		// The popup is built on its own, not with the options page: a chunk the two shared was a second file the popup
		// had to fetch before its module could run (docs/BENCHMARKS.md, "The popup").
		'entrypoints:grouped': (_wxt, groups) => {
			for (const group of groups) {
				if (!Array.isArray(group) || group.length < 2) continue;
				const popup = group.findIndex((entrypoint) => entrypoint.name === 'popup');
				if (popup >= 0) groups.push(group.splice(popup, 1));
			}
		},
		'vite:build:extendConfig': (entrypoints, config) => {
			if (entrypoints.some((entrypoint) => (ROUTE_SCRIPTS as readonly string[]).includes(entrypoint.name))) (config.plugins ??= []).unshift(sharedFromContentScript());
		},
	},
	zip: { sourcesRoot: import.meta.dirname, excludeSources: ['dist/**', '.wrangler/**', '.tmp/**', 'test-results/**'] },
	manifest: ({ browser }) => ({
		name: '__MSG_extName__',
		description: '__MSG_extDescription__',
		default_locale: 'en',
		permissions: ['storage', 'scripting', 'alarms', 'contextMenus'],
		// Each GLPI origin is asked for when the user adds it in the options; nothing is granted at install.
		optional_host_permissions: ['https://*/*', 'http://*/*'],
		host_permissions: testBuild ? ['http://127.0.0.1/*', 'http://localhost/*', ...(liveGlpiOrigin ? [liveGlpiOrigin] : [])] : [],
		action: { default_title: '__MSG_extName__' },
		// Extension pages load only their own scripts: no inline script, no eval, no plugin, no remote code. They talk to
		// the backend and to GLPI through the background, which needs http(s) for both (their addresses are the user's).
		content_security_policy: {
			extension_pages:
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' http: https:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
		},
		commands: {
			'open-capture': {
				suggested_key: { default: 'Alt+Shift+I' },
				description: '__MSG_commandOpenCapture__',
			},
		},
		// What an organisation may set by policy (docs/DEPLOY.md). Firefox reads the same values from policies.json
		// ("3rdparty") without a schema in the manifest.
		...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
		...(browser === 'firefox'
			? {
					browser_specific_settings: {
						gecko: {
							id: 'glpi-improve@glpi-improve.dev',
							strict_min_version: '140.0',
							// What users send is their words about GLPI pages, and which page and element they were on.
							data_collection_permissions: { required: ['websiteContent', 'websiteActivity'], optional: ['technicalAndInteraction'] },
						},
						gecko_android: { strict_min_version: '142.0' },
					},
				}
			: {}),
	}),
});
