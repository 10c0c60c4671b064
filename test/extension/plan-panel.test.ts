import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanPanel } from '../../extension/components/manager/plan-panel';
import { setLanguage } from '../../extension/i18n';
import '../../extension/i18n/manager';
import { BacklogItemSchema } from '../../shared/schemas/backlog';
import { type Plan, PlanSchema } from '../../shared/schemas/plan';
import { testContainer } from '../support/test-container';

/** An item's objective in the popup (issue 17): the words of each verdict, the Act's rules. The e2e runs it on a real worker. */
const sendManagerMessage = vi.hoisted(() => vi.fn());
vi.mock('../../extension/core/manager-messaging', () => ({ sendManagerMessage }));

const item = BacklogItemSchema.parse({
	id: 'item_vpn01',
	title: 'duplicates: vpn disconnects',
	kind: 'pattern',
	status: 'check',
	score: 4.2,
	signalCount: 3,
	reporterCount: 1,
	firstSeen: '2026-11-20T08:00:00.000Z',
	lastSeen: '2026-11-30T08:00:00.000Z',
	tags: [],
});
const plan = (overrides: Partial<Plan> = {}): Plan =>
	PlanSchema.parse({
		itemId: item.id,
		objective: 'Fewer VPN tickets',
		measure: 'opened-per-week',
		categories: ['Network > VPN'],
		baselineFrom: '2026-W40',
		baselineTo: '2026-W44',
		baseline: { value: 4, sample: 5, weeks: 5 },
		target: 1,
		reviewOn: '2026-11-30',
		setAt: '2026-10-28T12:00:00.000Z',
		overdue: false,
		...overrides,
	});
const checked = (verdict: NonNullable<Plan['check']>['verdict'], value: number | null, reason?: string) => ({
	on: '2026-12-01',
	from: '2026-W45',
	to: '2026-W48',
	measured: { value, sample: 4, weeks: 4, ...(value === null ? { unknown: reason } : {}) },
	verdict,
	...(reason ? { reason } : {}),
});

const container = testContainer();
beforeEach(() => {
	sendManagerMessage.mockReset();
});

async function show(current: Plan | null) {
	sendManagerMessage.mockImplementation(async (name: string) => (name === 'getPlan' ? { ok: true, value: current } : { ok: false, error: 'not in this test' }));
	await act(() => render(h(PlanPanel, { item, onItemChanged: vi.fn(), onRecorded: vi.fn() }), container));
	await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
const text = (selector: string) => container.querySelector(selector)?.textContent ?? null;

describe("an item's objective in the popup", () => {
	it('offers the PLAN form when the item has none, a ticket pattern measuring its tickets opened a week', async () => {
		await show(null);
		expect(container.querySelector<HTMLSelectElement>('select[name="plan-measure"]')?.value).toBe('opened-per-week');
		expect(container.querySelector('[data-gx="act-form"]')).toBeNull();
	});

	it('says "not met" with the three figures, and asks for the Act; "done" needs its reason', async () => {
		await show(plan({ check: checked('not-met', 3) }));
		expect(text('[data-gx="plan-verdict"]')).toBe('Not met: 3.0 a week against a target of 1.0 a week (baseline 4.0 a week).');
		expect(container.querySelectorAll('[data-gx="plan-chart"] rect')).toHaveLength(3);
		const form = container.querySelector('[data-gx="act-form"]') as HTMLFormElement;
		expect(form).not.toBeNull();
		const done = form.querySelector<HTMLInputElement>('input[value="done"]') as HTMLInputElement;
		await act(() => {
			done.checked = true;
			done.dispatchEvent(new Event('change', { bubbles: true }));
		});
		await act(() => {
			form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
		});
		expect(sendManagerMessage).not.toHaveBeenCalledWith('actOnPlan', expect.anything());
		expect(text('[data-gx="notice"]')).toContain('Say why the item stops here.');
	});

	it('no longer asks for an Act once one answered the Check', async () => {
		await show(plan({ check: checked('not-met', 3), act: { at: '2026-12-01T10:00:00.000Z', cause: 'Home routers', next: 'done', reason: 'network team' } }));
		expect(container.querySelector('[data-gx="act-form"]')).toBeNull();
		expect(text('[data-gx="plan-act"]')).toBe('Act on 2026-12-01: Home routers → Done: stop here, with the reason (network team)');
	});

	it('says why a measure is unknown, never 0, and shows shares in percent, in French too', async () => {
		await show(plan({ measure: 'late-share', target: 0.1, baseline: { value: null, sample: 0, weeks: 5, unknown: 'no-deadline' }, check: checked('unknown', null, 'no-deadline') }));
		expect(text('[data-gx="plan-verdict"]')).toBe("Unknown: GLPI's export has no time to resolve.");
		expect(text('[data-gx="plan-baseline"]')).toBe("Baseline: unknown (GLPI's export has no time to resolve), weeks 2026-W40 to 2026-W44 (0 tickets or answers)");
		expect(text('[data-gx="plan-summary"]')).toContain('Target: 10 %');
		setLanguage('fr');
		await act(() => render(null, container));
		await show(plan({ check: checked('too-early', 0.5, 'not-enough-data') }));
		expect(text('[data-gx="plan-verdict"]')).toBe('Trop tôt : pas encore assez de données (4 semaines).');
	});

	it('flags a review date passed without a Check', async () => {
		await show(plan({ overdue: true }));
		expect(text('[data-gx="plan-overdue"]')).toBe('Review date passed without a Check');
	});
});
