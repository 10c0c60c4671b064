import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FRICTION_PERIOD_MS, flushFriction, recordFriction } from '../../extension/background/friction';
import { overlayConfig } from '../../extension/background/overlay-config';
import type { FrictionEvent } from '../../extension/core/messaging';
import { DEFAULT_SETTINGS, frictionCountersStorage, queueStorage, settingsStorage, whoAmIStorage } from '../../extension/core/storage';

const page = { route: '/front/ticket.form.php', kind: 'ticket-form' as const, itemtype: 'Ticket', itemId: 5, category: 'Network > VPN', status: 'assigned' };
const rage: FrictionEvent = { kind: 'rage-click', page, target: { selector: '#itil-form select[name="itilcategories_id"]', label: 'Category' } };
const dead: FrictionEvent = { kind: 'dead-click', page, target: rage.target! };
const slow: FrictionEvent = { kind: 'slow-page', page };

async function optIn(workspace: boolean, user: boolean, shareText = false) {
	await settingsStorage.setValue({ ...DEFAULT_SETTINGS, autoFriction: user });
	await whoAmIStorage.setValue({ workspace: { id: 'ws_123456', name: 'Desk' }, role: 'reporter', tokenId: 'tok_123456', settings: { shareText, autoFriction: workspace } });
}

describe('automatic friction counters', () => {
	beforeEach(() => fakeBrowser.reset());

	it('needs both opt-ins, the workspace and the user', async () => {
		for (const [workspace, user] of [[false, false], [true, false], [false, true]] as const) {
			await optIn(workspace, user);
			expect((await overlayConfig()).autoFriction).toBe(false);
			expect(await recordFriction(rage)).toBe(0);
		}
		expect(await frictionCountersStorage.getValue()).toEqual({});
		await optIn(true, true);
		expect((await overlayConfig()).autoFriction).toBe(true);
		expect(await recordFriction(rage)).toBe(1);
	});

	it('counts per element and kind, and sends one signal per period with the count, never one per click', async () => {
		await optIn(true, true);
		const start = new Date('2026-11-28T09:00:00Z');
		const at = (ms: number) => new Date(start.getTime() + ms);
		// Reported at once from several clicks: the serialised counters keep every one.
		await Promise.all([recordFriction(rage, at(0)), recordFriction(rage, at(10)), recordFriction(rage, at(20))]);
		await recordFriction(dead, at(30));
		await recordFriction(slow, at(40));
		expect(Object.values(await frictionCountersStorage.getValue()).map((counter) => [counter.kind, counter.count]).sort()).toEqual([
			['dead-click', 1],
			['rage-click', 3],
			['slow-page', 1],
		]);
		expect(await flushFriction(at(FRICTION_PERIOD_MS - 1))).toBe(0);
		expect(await queueStorage.getValue()).toEqual([]);

		expect(await flushFriction(at(FRICTION_PERIOD_MS + 50))).toBe(3);
		const signals = (await queueStorage.getValue()).map((entry) => entry.signal);
		expect(signals.map((signal) => [signal.kind, signal.tags, signal.count, signal.target?.selector]).sort()).toEqual([
			['auto-friction', ['dead-click'], 1, '#itil-form select[name="itilcategories_id"]'],
			['auto-friction', ['rage-click'], 3, '#itil-form select[name="itilcategories_id"]'],
			['auto-friction', ['slow-page'], 1, undefined],
		]);
		expect(await frictionCountersStorage.getValue()).toEqual({});
		// A new period starts from one again.
		expect(await recordFriction(rage, at(FRICTION_PERIOD_MS + 100))).toBe(1);
	});

	it('never sends a period twice, even when its signal was queued but the counter not yet forgotten', async () => {
		await optIn(true, true);
		await recordFriction(rage, new Date('2026-11-28T09:00:00Z'));
		const counters = await frictionCountersStorage.getValue();
		const later = new Date(Date.parse('2026-11-28T09:00:00Z') + FRICTION_PERIOD_MS + 1);
		await flushFriction(later);
		// The service worker stopped before forgetting the counter: it comes back, and is emitted again.
		await frictionCountersStorage.setValue(counters);
		await flushFriction(later);
		const queue = await queueStorage.getValue();
		expect(queue).toHaveLength(1);
		expect(queue[0]?.signal.id).toBe(Object.values(counters)[0]?.id);
	});

	it('drops what was counted when an opt-in is withdrawn, and applies the privacy switches', async () => {
		await optIn(true, true);
		await recordFriction(rage, new Date('2026-11-28T09:00:00Z'));
		await optIn(false, true);
		await flushFriction(new Date('2026-12-30T09:00:00Z'));
		expect(await frictionCountersStorage.getValue()).toEqual({});
		expect(await queueStorage.getValue()).toEqual([]);

		await optIn(true, true);
		await settingsStorage.setValue({ ...(await settingsStorage.getValue()), privacy: { redactNames: true, includeCategory: false, includeItemId: false } });
		await recordFriction(rage, new Date('2026-11-28T09:00:00Z'));
		await flushFriction(new Date('2026-12-30T09:00:00Z'));
		expect((await queueStorage.getValue())[0]?.signal.page).toEqual({ route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket' });
	});
});
