// Draws the extension's icons at every size the stores and browsers ask for (16, 32, 48, 96, 128) from
// assets/icon.svg, rendered by headless Chromium (the one the tests use; CHROMIUM_PATH picks another) on a transparent
// background. The PNGs are committed, so a build needs no browser; run `node scripts/make-icons.js` after changing the SVG.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from './bench-chrome.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
	const page = await browser.newPage();
	for (const size of [16, 32, 48, 96, 128]) {
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
		await page.screenshot({ path: join(root, `extension/public/icon/${size}.png`), omitBackground: true });
	}
} finally {
	await browser.close();
}
