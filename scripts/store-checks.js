// What the stores check before they accept an archive, as pure functions over a built extension folder, so that
// `npm run zip` (scripts/store-check.js) and the tests (test/shared/store-ready.test.ts) run the same checks.
// Chrome Web Store: a name of at most 75 characters and a description of at most 132 in every locale, a 128 px icon
// (16, 32 and 48 are used by the browser), a version of one to four dot-separated integers. Firefox Add-ons: 48 and 96
// px icons; the rest is web-ext lint's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ICON_SIZES = [16, 32, 48, 96, 128];

/** Width and height of a PNG, from its IHDR chunk; undefined when the bytes are not a PNG. */
export function pngSize(bytes) {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The manifest's strings as each locale shows them (`__MSG_key__` resolved). */
function localised(dir, text) {
	const match = /^__MSG_(\w+)__$/.exec(text ?? '');
	if (!match) return [{ locale: '(manifest)', text: text ?? '' }];
	const locales = join(dir, '_locales');
	return ['en', 'fr'].map((locale) => {
		const messages = JSON.parse(readFileSync(join(locales, locale, 'messages.json'), 'utf8'));
		return { locale, text: messages[match[1]]?.message ?? '' };
	});
}

/** Every problem the stores would report for the built extension in `dir`; empty when it is ready. */
export function storeProblems(dir) {
	const problems = [];
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	for (const { locale, text } of localised(dir, manifest.name)) if (!text || text.length > 75) problems.push(`name (${locale}) must be 1 to 75 characters: ${JSON.stringify(text)}`);
	for (const { locale, text } of localised(dir, manifest.description)) if (!text || text.length > 132) problems.push(`description (${locale}) must be 1 to 132 characters, has ${text.length}`);
	if (!/^\d+(\.\d+){0,3}$/.test(manifest.version ?? '')) problems.push(`version ${JSON.stringify(manifest.version)} is not 1 to 4 dot-separated integers`);
	for (const size of ICON_SIZES) {
		const path = manifest.icons?.[String(size)];
		if (!path) {
			problems.push(`no ${size} px icon in the manifest`);
			continue;
		}
		const file = join(dir, path);
		const actual = existsSync(file) ? pngSize(readFileSync(file)) : undefined;
		if (!actual || actual.width !== size || actual.height !== size) problems.push(`icon ${path} must be a ${size}x${size} PNG, is ${actual ? `${actual.width}x${actual.height}` : 'missing or not a PNG'}`);
	}
	return problems;
}
