import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { overlayConfig } from '../../extension/background/overlay-config';
import { buildSignal } from '../../extension/background/queue';
import { outgoingOf, strictest } from '../../extension/core/outgoing';
import { DEFAULT_SETTINGS, settingsStorage, whoAmIStorage } from '../../extension/core/storage';

const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const, itemtype: 'Ticket', itemId: 5, interface: 'central' as const, glpiVersion: '10.0.17', category: 'Network > VPN', status: 'assigned' };
const draft = {
	kind: 'friction' as const,
	page,
	text: 'Martin Alice (alice@example.org, 06 12 34 56 78, 10.0.0.12) cannot find the category',
	tags: ['confusing'],
	severity: 3,
	target: { selector: '#itil-form select[name="itilcategories_id"]', label: 'Category of Martin Alice' },
	names: ['Martin Alice'],
};
const all = DEFAULT_SETTINGS.privacy;

describe('what leaves the browser', () => {
	beforeEach(() => fakeBrowser.reset());

	it('is the redacted words and the whole context by default', () => {
		expect(outgoingOf(draft, all)).toEqual({
			kind: 'friction',
			page,
			text: '[name] ([email], [phone], [ip]) cannot find the category',
			tags: ['confusing'],
			severity: 3,
			target: { selector: '#itil-form select[name="itilcategories_id"]', label: 'Category of [name]' },
		});
	});

	it('leaves out the category, the status and the item number when the user says so', () => {
		const outgoing = outgoingOf(draft, { ...all, includeCategory: false, includeItemId: false });
		expect(outgoing.page).toEqual({ route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket', interface: 'central', glpiVersion: '10.0.17' });
		expect(draft.page.category).toBe('Network > VPN');
	});

	it('is exactly the signal the background queues, less its id, time and installation id', async () => {
		const signal = await buildSignal(draft, new Date('2026-11-28T10:00:00Z'), all);
		const { id, createdAt, reporter, ...rest } = signal;
		expect(rest).toEqual(outgoingOf(draft, all));
		expect([id, createdAt, reporter].every(Boolean)).toBe(true);
	});

	it('keeps names out unless the user allows them and the workspace shares text', async () => {
		await settingsStorage.setValue({ ...DEFAULT_SETTINGS, privacy: { ...all, redactNames: false } });
		expect((await overlayConfig()).privacy.redactNames).toBe(true);
		await whoAmIStorage.setValue({ workspace: { id: 'ws_123456', name: 'Desk' }, role: 'reporter', tokenId: 'tok_123456', settings: { shareText: true, autoFriction: false } });
		expect((await overlayConfig()).privacy.redactNames).toBe(false);
		expect(outgoingOf(draft, (await overlayConfig()).privacy).text).toBe('Martin Alice ([email], [phone], [ip]) cannot find the category');
	});

	it('never sends more than the preview showed: the stricter switches win', () => {
		const shown = { redactNames: true, includeCategory: false, includeItemId: true };
		const now = { redactNames: false, includeCategory: true, includeItemId: false };
		expect(strictest(now, shown)).toEqual({ redactNames: true, includeCategory: false, includeItemId: false });
		expect(strictest(now)).toEqual(now);
	});

	it('migrates version 1 settings to the new switches with their defaults', async () => {
		await fakeBrowser.storage.local.set({ settings: { backendUrl: 'http://x', glpiUrls: ['http://glpi/'], language: 'fr', disabledFeatures: [] }, settings$: { v: 1 } });
		const { settingsStorage: fresh } = await import('../../extension/core/storage?migration' as string);
		const migrated = await (fresh as typeof settingsStorage).getValue();
		expect(migrated).toMatchObject({ backendUrl: 'http://x', language: 'fr', autoFriction: false, slowPageMs: 4000, privacy: all });
	});
});

describe("a ticket pattern's keyword signature (issue 15)", () => {
	const listPage = { route: '/front/ticket.php', kind: 'ticket-list' as const };
	const cluster = { ticketIds: [11, 12, 13], size: 3, signature: 'salary advance dupontel', sample: 'Salary advance for Dupontel' };
	const config = { autoFriction: false, slowPageMs: 4000, privacy: all, role: 'technician' as const, shareText: false };

	it('leaves the browser without the names GLPI shows on the page, accents and case aside', async () => {
		const { patternSignalDraft } = await import('../../extension/core/pattern-signal');
		const draft = patternSignalDraft({ cluster, page: listPage, config, names: ['Dupontel Marc', 'Hélène Müller'] });
		expect(outgoingOf(draft, all).pattern?.signature).toBe('salary advance');
		const accented = patternSignalDraft({ cluster: { ...cluster, signature: 'muller vpn helene' }, page: listPage, config, names: ['Hélène Müller'] });
		expect((await buildSignal(accented)).pattern?.signature).toBe('vpn');
		// Names only: a neutral signature, still a valid signal.
		const onlyNames = patternSignalDraft({ cluster: { ...cluster, signature: 'dupontel marc' }, page: listPage, config, names: ['Dupontel Marc'] });
		expect((await buildSignal(onlyNames)).pattern?.signature).not.toMatch(/dupontel|marc/);
	});

	it('keeps them only when the workspace shares text and the user allowed names', async () => {
		const { patternSignalDraft } = await import('../../extension/core/pattern-signal');
		const draft = patternSignalDraft({ cluster, page: listPage, config, names: ['Dupontel Marc'] });
		expect(outgoingOf(draft, { ...all, redactNames: false }).pattern?.signature).toBe('salary advance dupontel');
	});
});
