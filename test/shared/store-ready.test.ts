import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ICON_SIZES, storeProblems } from '../../scripts/store-checks.js';
import { PRODUCT_VERSION } from '../../shared/version';
import { PROJECT_ROOT } from './support/data';

const work = mkdtempSync(join(tmpdir(), 'gx-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A build folder as WXT writes it: the public folder (locales, icons) and a manifest that names them. */
function buildLike(name: string, icons: Record<string, string> = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]))) {
	const dir = join(work, name);
	cpSync(join(PROJECT_ROOT, 'extension/public'), dir, { recursive: true });
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: '__MSG_extName__', description: '__MSG_extDescription__', version: PRODUCT_VERSION, icons }));
	return dir;
}

describe('what the stores check', () => {
	it('passes for our locales and icons (name, description in English and French, every icon size)', () => {
		expect(storeProblems(buildLike('ours'))).toEqual([]);
	});

	it('names an icon of the wrong size and a missing one', () => {
		const dir = buildLike('wrong', { '16': 'icon/32.png', '32': 'icon/32.png', '48': 'icon/48.png', '96': 'icon/96.png' });
		expect(storeProblems(dir)).toEqual(['icon icon/32.png must be a 16x16 PNG, is 32x32', 'no 128 px icon in the manifest']);
	});

	it('names a description over 132 characters', () => {
		const dir = buildLike('long');
		writeFileSync(join(dir, '_locales/fr/messages.json'), JSON.stringify({ extName: { message: 'GLPI Improve' }, extDescription: { message: 'x'.repeat(133) } }));
		expect(storeProblems(dir)).toEqual(['description (fr) must be 1 to 132 characters, has 133']);
	});
});
