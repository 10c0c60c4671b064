import { describe, expect, it } from 'vitest';
import { parseManagedPolicy, policyLocksOf } from '../../extension/core/managed-policy';
import { staticImports } from '../support/static-imports';

/** The options page: the background parses the organisation's policy, with zod; the page gets what it shows. */
describe('the options page and the managed policy', () => {
	it('loads no zod (it used to, for the policy alone: 90 kB of its 112 kB)', () => {
		const loaded = staticImports('extension/entrypoints/options/main.tsx');
		expect(loaded).toContain('extension/components/options/use-policy.ts');
		expect(loaded).not.toContain('package:zod');
		expect(loaded).not.toContain('extension/core/managed-policy.ts');
	});

	it("answers what the options show, never the policy's token or enrollment code", () => {
		const { policy } = parseManagedPolicy({ backendUrl: 'https://improve.example.org/', token: 'secret-token-1234', glpiUrls: ['https://glpi.example.org/'], language: 'fr' });
		const locks = policyLocksOf(policy);
		expect(locks).toEqual({ locked: expect.arrayContaining(['backendUrl', 'connection', 'language', 'glpi.https://glpi.example.org/']), glpiUrls: ['https://glpi.example.org/'], enrollmentCode: false });
		expect(locks.locked).toHaveLength(4);
		expect(JSON.stringify(locks)).not.toContain('secret-token-1234');
		const enrolled = policyLocksOf(parseManagedPolicy({ enrollmentCode: 'GXE-ABCD-EFGH-JKMN-PQRS' }).policy);
		expect(enrolled).toEqual({ locked: ['connection'], glpiUrls: [], enrollmentCode: true });
		expect(JSON.stringify(enrolled)).not.toContain('GXE-ABCD');
	});
});
