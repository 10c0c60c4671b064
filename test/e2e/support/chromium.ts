import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Debian's Chromium, installed on the spot when it is missing and we may (root with apt), so a fresh machine passes
 * `npm test` with nothing installed by hand. Playwright's own browser download does not work offline here.
 */
export function ensureChromium(): string {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv && existsSync(fromEnv)) return fromEnv;
	const found = CANDIDATES.find((path) => existsSync(path));
	if (found) return found;
	const isRoot = process.getuid?.() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (isRoot && hasApt) {
		console.log('[e2e] Chromium is missing: installing Debian\'s chromium package (about a minute)…');
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		const installed = CANDIDATES.find((path) => existsSync(path));
		if (installed) return installed;
	}
	throw new Error(
		'The end-to-end tests need Chromium: install Debian\'s "chromium" package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
	);
}
