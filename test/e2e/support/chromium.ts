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

/**
 * Debian's Inter (fonts-inter), GLPI's text font: with it the styled GLPI pages (../shared/glpi/pages/10.0.17/styled)
 * lay out exactly as GLPI does (their README, "Fonts"). Installed the way Chromium is, when missing and we may (root
 * with apt); without it the layout checks still hold, with the fallback font's wider margins.
 */
export function ensureInterFont(): boolean {
	const has = () => spawnSync('sh', ['-c', 'fc-list | grep -qi "/inter/"'], { stdio: 'ignore' }).status === 0;
	if (has()) return true;
	const isRoot = process.getuid?.() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (!isRoot || !hasApt) return false;
	console.log("[e2e] GLPI's font Inter is missing: installing Debian's fonts-inter package…");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (spawnSync('apt-get', ['install', '-y', '-qq', 'fonts-inter'], { stdio: 'inherit', env }).status !== 0) {
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		spawnSync('apt-get', ['install', '-y', '-qq', 'fonts-inter'], { stdio: 'inherit', env });
	}
	return has();
}
