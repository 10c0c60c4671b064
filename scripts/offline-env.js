// Environment for offline runs on these machines (see docs/DEVELOPMENT.md, "Offline environment"): no metrics, no update checks, no cf.json
// download, and tool state kept inside the project's git-ignored .tmp/ folder.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Record<string, string>} */
export function offlineEnv() {
	const tmp = join(projectRoot, '.tmp');
	for (const folder of ['config', 'cache', 'tmp']) mkdirSync(join(tmp, folder), { recursive: true });
	return {
		WRANGLER_SEND_METRICS: 'false',
		WRANGLER_SEND_ERROR_REPORTS: 'false',
		CLOUDFLARE_CF_FETCH_ENABLED: 'false',
		WRANGLER_HIDE_BANNER: 'true',
		XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? join(tmp, 'config'),
		XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? join(tmp, 'cache'),
	};
}
