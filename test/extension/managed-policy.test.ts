import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_IDS } from '../../extension/core/feature-ids';
import { lockedByPolicy, parseManagedPolicy, withPolicy } from '../../extension/core/managed-policy';
import { DEFAULT_SETTINGS, type Settings } from '../../extension/core/settings';
import { PROJECT_ROOT } from '../support/glpi-pages';

const userSettings: Settings = {
	...DEFAULT_SETTINGS,
	backendUrl: 'https://mine.example.org',
	glpiUrls: ['https://glpi.example.org/', 'https://lab.example.org/glpi/'],
	language: 'fr',
	disabledFeatures: ['auto-friction', 'similar-tickets'],
	privacy: { redactNames: true, includeCategory: false, includeItemId: true },
};

describe('the managed policy', () => {
	it('keeps the valid values and drops a mistyped one, not the whole policy', () => {
		const { policy, ignored } = parseManagedPolicy({
			backendUrl: 'https://improve.example.org/',
			enrollmentCode: 'GXE-ABCD-EFGH-JKMN-PQRS',
			glpiUrls: ['https://glpi.example.org/', 'javascript:alert(1)'],
			language: 'de',
			privacy: { redactNames: true },
			features: { 'auto-friction': false, 'no-such-feature': true },
			somethingElse: 1,
		});
		expect(policy).toEqual({ backendUrl: 'https://improve.example.org/', enrollmentCode: 'GXE-ABCD-EFGH-JKMN-PQRS', privacy: { redactNames: true } });
		expect(ignored.sort()).toEqual(['features', 'glpiUrls', 'language', 'somethingElse']);
	});

	it('reads no managed storage as an empty policy', () => {
		expect(parseManagedPolicy(undefined)).toEqual({ policy: {}, ignored: [] });
	});

	it("puts what it sets in force and leaves the rest the user's", () => {
		const { policy } = parseManagedPolicy({
			backendUrl: 'https://improve.example.org/',
			glpiUrls: ['https://lab.example.org/glpi/', 'https://desk.example.org/'],
			privacy: { includeItemId: false },
			features: { 'similar-tickets': true, 'me-too-markers': false },
		});
		const settings = withPolicy(userSettings, policy);
		expect(settings.backendUrl).toBe('https://improve.example.org');
		expect(settings.glpiUrls).toEqual(['https://lab.example.org/glpi/', 'https://desk.example.org/', 'https://glpi.example.org/']);
		expect(settings.language).toBe('fr');
		expect(settings.privacy).toEqual({ redactNames: true, includeCategory: false, includeItemId: false });
		expect(settings.disabledFeatures.sort()).toEqual(['auto-friction', 'me-too-markers']);
		expect([...lockedByPolicy(policy)].sort()).toEqual([
			'backendUrl',
			'feature.me-too-markers',
			'feature.similar-tickets',
			'glpi.https://desk.example.org/',
			'glpi.https://lab.example.org/glpi/',
			'privacy.includeItemId',
		]);
	});

	it('sets and locks the service-figures opt-in either way, and leaves it the user\'s when unset', () => {
		const mine = { ...userSettings, serviceFigures: true };
		for (const forced of [true, false]) {
			const { policy } = parseManagedPolicy({ serviceFigures: forced });
			expect(withPolicy(mine, policy).serviceFigures).toBe(forced);
			expect(lockedByPolicy(policy).has('serviceFigures')).toBe(true);
		}
		expect(withPolicy(mine, {}).serviceFigures).toBe(true);
		expect(lockedByPolicy({}).has('serviceFigures')).toBe(false);
		expect(parseManagedPolicy({ serviceFigures: 'yes' }).ignored).toEqual(['serviceFigures']);
	});

	it('locks the connection when it gives a code or a token', () => {
		expect(lockedByPolicy(parseManagedPolicy({ enrollmentCode: 'X' }).policy).has('connection')).toBe(true);
		expect(lockedByPolicy(parseManagedPolicy({ language: 'en' }).policy).has('connection')).toBe(false);
	});
});

describe("the managed storage schema (Chrome's public/managed-schema.json)", () => {
	const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'extension/public/managed-schema.json'), 'utf8')) as {
		properties: Record<string, { properties?: Record<string, unknown> }>;
	};

	it('offers exactly the fields the extension reads', () => {
		const everyField = { backendUrl: 'https://a.example', enrollmentCode: 'x', token: 'x', installationLabel: 'x', glpiUrls: [], language: 'en', autoFriction: true, slowPageMs: 4000, serviceFigures: true, privacy: {}, features: {} };
		expect(parseManagedPolicy(everyField).ignored).toEqual([]);
		expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(everyField).sort());
	});

	it('names every overlay feature, and only those', () => {
		expect(Object.keys(schema.properties.features?.properties ?? {}).sort()).toEqual([...FEATURE_IDS].sort());
	});
});
