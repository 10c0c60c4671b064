import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_IDS } from '../../extension/core/feature-ids';
import { FEATURES } from '../../extension/features';
import { en } from '../../extension/i18n/en';
import { enManager } from '../../extension/i18n/en-manager';
import { enPages } from '../../extension/i18n/en-pages';
import { enRollout } from '../../extension/i18n/en-rollout';
import { fr } from '../../extension/i18n/fr';
import { frManager } from '../../extension/i18n/fr-manager';
import { frPages } from '../../extension/i18n/fr-pages';
import { frRollout } from '../../extension/i18n/fr-rollout';
import { PROJECT_ROOT } from '../support/glpi-pages';

const featuresDir = join(PROJECT_ROOT, 'extension/features');

/** Meta-tests in refined-github's spirit: the conventions of STYLE.md, checked. */
describe('conventions', () => {
	it('registers every feature file under its file name, and names its test pages', () => {
		const files = readdirSync(featuresDir).filter((file) => /\.tsx?$/.test(file) && file !== 'index.ts');
		expect(FEATURES.map((feature) => `${feature.id}`).sort()).toEqual(files.map((file) => file.replace(/\.tsx?$/, '')).sort());
		for (const file of files) expect(readFileSync(join(featuresDir, file), 'utf8'), `${file} needs a "Test pages" comment`).toMatch(/Test pages:/);
	});

	it('offers a switch in the options for every feature, and only for them', () => {
		expect([...FEATURE_IDS].sort()).toEqual(FEATURES.map((feature) => feature.id).sort());
	});

	it('documents every feature in the guide (docs/GUIDE.md), by its id', () => {
		const guide = readFileSync(join(PROJECT_ROOT, 'docs/GUIDE.md'), 'utf8');
		for (const feature of FEATURES) expect(guide, `docs/GUIDE.md should describe ${feature.id}`).toContain(`\`${feature.id}\``);
	});

	it('has every string in English and French, with the same placeholders', () => {
		const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
		for (const [english, french] of [[en, fr], [enPages, frPages], [enManager, frManager], [enRollout, frRollout]] as [Record<string, string>, Record<string, string>][]) {
			expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
			for (const [key, text] of Object.entries(english)) {
				expect(placeholders(french[key] ?? ''), key).toEqual(placeholders(text));
				expect(french[key], `${key} must be translated, not left empty`).not.toBe('');
			}
		}
	});

	it('keeps the token out of everything that runs in GLPI pages', () => {
		const pageSide = ['extension/features', 'extension/glpi', 'extension/components', 'extension/entrypoints/glpi.content', 'extension/entrypoints/glpi-ticket-list', 'extension/entrypoints/glpi-ticket-form'];
		for (const dir of pageSide) {
			for (const file of readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((name) => /\.tsx?$/.test(name))) {
				const source = readFileSync(join(PROJECT_ROOT, dir, file), 'utf8');
				expect(source, `${dir}/${file} must not read the token`).not.toMatch(/tokenStorage|api-client/);
				// WXT storage items run their migration checks where they are imported: GLPI pages read settings directly.
				if (!/^(options|popup|manager|charts)\//.test(file)) expect(source, `${dir}/${file} must not load core/storage (use core/settings)`).not.toMatch(/^import (?!type )[^;]*core\/storage'/m);
			}
		}
	});
});
