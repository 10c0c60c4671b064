import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FRICTION_PERIOD_MS, MAX_FRICTION_COUNT, MAX_FRICTION_COUNTERS, flushFriction, recordFriction } from '../../extension/background/friction';
import { allQueued } from '../../extension/background/queue';
import { overlayConfig } from '../../extension/background/overlay-config';
import type { FrictionEvent } from '../../extension/core/messaging';
import { DEFAULT_SETTINGS, frictionCountersStorage, frictionSetAsideStorage, settingsStorage, whoAmIStorage } from '../../extension/core/storage';

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
		expect(await allQueued()).toEqual([]);

		expect(await flushFriction(at(FRICTION_PERIOD_MS + 50))).toBe(3);
		const signals = (await allQueued()).map((entry) => entry.signal);
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
		const queue = await allQueued();
		expect(queue).toHaveLength(1);
		expect(queue[0]?.signal.id).toBe(Object.values(counters)[0]?.id);
	});

	it('drops what was counted when an opt-in is withdrawn, and applies the privacy switches', async () => {
		await optIn(true, true);
		await recordFriction(rage, new Date('2026-11-28T09:00:00Z'));
		await optIn(false, true);
		await flushFriction(new Date('2026-12-30T09:00:00Z'));
		expect(await frictionCountersStorage.getValue()).toEqual({});
		expect(await allQueued()).toEqual([]);

		await optIn(true, true);
		await settingsStorage.setValue({ ...(await settingsStorage.getValue()), privacy: { redactNames: true, includeCategory: false, includeItemId: false } });
		await recordFriction(rage, new Date('2026-11-28T09:00:00Z'));
		await flushFriction(new Date('2026-12-30T09:00:00Z'));
		expect((await allQueued())[0]?.signal.page).toEqual({ route: '/front/ticket.form.php', kind: 'ticket-form', itemtype: 'Ticket' });
	});

	/** Events no valid signal can carry (issue 15): each one, left in the store, used to fail every later flush. */
	const unsendable: [string, FrictionEvent][] = [
		['a route over 200 characters', { kind: 'rage-click', page: { ...page, route: `/front/${'a'.repeat(250)}.php` } }],
		['an item id past the safe integers', { kind: 'rage-click', page: { ...page, itemId: Number('99999999999999999999') } }],
		['a selector over 500 characters', { kind: 'dead-click', page, target: { selector: `#${'x'.repeat(600)}` } }],
	];

	it('sets aside at once an event no valid signal can carry, and counts the others', async () => {
		await optIn(true, true);
		const start = new Date('2026-11-28T09:00:00Z');
		for (const [, event] of unsendable) expect(await recordFriction(event, start)).toBe(0);
		expect(await recordFriction(rage, start)).toBe(1);
		expect(Object.values(await frictionCountersStorage.getValue()).map((counter) => counter.target?.selector)).toEqual([rage.target?.selector]);
		expect((await frictionSetAsideStorage.getValue()).map((entry) => entry.kind).sort()).toEqual(['dead-click', 'rage-click', 'rage-click']);
		expect(await flushFriction(new Date(start.getTime() + FRICTION_PERIOD_MS + 1))).toBe(1);
	});

	it('sets aside a stored counter that fails at the end of its period, and emits the others (one bad counter blocks nothing)', async () => {
		await optIn(true, true);
		const start = new Date('2026-11-28T09:00:00Z');
		await recordFriction(rage, start);
		await recordFriction(dead, start);
		// Counters made by an older version, before the check at creation: one per way to fail, and a count past the API's bound.
		const stored = { ...(await frictionCountersStorage.getValue()) };
		for (const [name, event] of unsendable) stored[name] = { id: crypto.randomUUID(), kind: event.kind, page: event.page, ...(event.target ? { target: event.target } : {}), count: 2, firstAt: start.toISOString(), lastAt: start.toISOString() };
		stored.huge = { id: crypto.randomUUID(), kind: 'slow-page', page, count: 250_000, firstAt: start.toISOString(), lastAt: start.toISOString() };
		await frictionCountersStorage.setValue(stored);

		const later = new Date(start.getTime() + FRICTION_PERIOD_MS + 1);
		expect(await flushFriction(later)).toBe(3);
		const signals = (await allQueued()).map((entry) => entry.signal);
		expect(signals.map((signal) => [signal.tags?.[0], signal.count]).sort()).toEqual([['dead-click', 1], ['rage-click', 1], ['slow-page', MAX_FRICTION_COUNT]]);
		expect((await frictionSetAsideStorage.getValue()).map((entry) => entry.key).sort()).toEqual(unsendable.map(([name]) => name).sort());
		expect(await frictionCountersStorage.getValue()).toEqual({});
		// And the next events count again: nothing is stuck.
		expect(await recordFriction(rage, new Date(later.getTime() + 1))).toBe(1);
	});

	it('stops a count at the bound the API accepts', async () => {
		await optIn(true, true);
		const start = new Date('2026-11-28T09:00:00Z');
		await recordFriction(rage, start);
		const [key, counter] = Object.entries(await frictionCountersStorage.getValue())[0]!;
		await frictionCountersStorage.setValue({ [key]: { ...counter, count: MAX_FRICTION_COUNT - 1 } });
		expect(await recordFriction(rage, start)).toBe(MAX_FRICTION_COUNT);
		expect(await recordFriction(rage, start)).toBe(MAX_FRICTION_COUNT);
	});

	it('holds a bounded number of counters: a new element past the bound is not counted, the running ones go on', async () => {
		await optIn(true, true);
		const start = new Date('2026-11-28T09:00:00Z');
		const element = (i: number): FrictionEvent => ({ kind: 'dead-click', page, target: { selector: `#button-${i}` } });
		for (let i = 0; i < MAX_FRICTION_COUNTERS + 50; i++) await recordFriction(element(i), start);
		expect(Object.keys(await frictionCountersStorage.getValue())).toHaveLength(MAX_FRICTION_COUNTERS);
		expect(await recordFriction(element(0), start)).toBe(2);
		expect(await recordFriction(element(MAX_FRICTION_COUNTERS + 10), start)).toBe(0);
	});
});
