import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Feature, onPageKind, runFeatures, shouldRun } from '../../extension/core/feature-manager';

const page = { route: '/front/ticket.php', kind: 'ticket-list' as const };
const ctx = () => {
	const controller = new AbortController();
	return { ctx: { signal: controller.signal } as unknown as ContentScriptContext, controller };
};

describe('the feature manager', () => {
	it('refuses a feature that would run nowhere', () => {
		expect(() => shouldRun({ id: 'nowhere', include: [], init: () => undefined }, page, document)).toThrow(/run nowhere/);
	});

	it('runs matching, enabled features; one failure does not stop the others; aborts with the page', async () => {
		const { ctx: context, controller } = ctx();
		const signals: AbortSignal[] = [];
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const features: Feature[] = [
			{ id: 'broken', include: [onPageKind('ticket-list')], init: () => { throw new Error('boom'); } },
			{ id: 'works', include: [onPageKind('ticket-list')], init: ({ signal }) => void signals.push(signal) },
			{ id: 'elsewhere', include: [onPageKind('ticket-form')], init: () => { throw new Error('must not run'); } },
			{ id: 'switched-off', include: [onPageKind('ticket-list')], init: () => { throw new Error('must not run'); } },
			{ id: 'not-here', include: [onPageKind('ticket-list')], init: () => false },
		];
		const outcome = await runFeatures(features, { ctx: context, page, document, disabled: new Set(['switched-off']) });
		expect(Object.fromEntries(outcome)).toEqual({ broken: 'failed', works: 'ran', elsewhere: 'skipped', 'switched-off': 'skipped', 'not-here': 'skipped' });
		expect(error).toHaveBeenCalledWith('[gx:broken]', expect.any(Error));
		expect(signals[0]?.aborted).toBe(false);
		controller.abort();
		expect(signals[0]?.aborted).toBe(true);
	});

	it('starts deferred features after the others, so the capture button comes first', async () => {
		const { ctx: context } = ctx();
		const order: string[] = [];
		const features: Feature[] = [
			{ id: 'later', deferred: true, include: [onPageKind('ticket-list')], init: () => void order.push('later') },
			{ id: 'first', include: [onPageKind('ticket-list')], init: async () => void order.push('first') },
		];
		await runFeatures(features, { ctx: context, page, document, disabled: new Set() });
		expect(order).toEqual(['first', 'later']);
	});

	it("starts deferred features after the page's next frame, where the others' UI is painted", async () => {
		const { ctx: context } = ctx();
		let paint: FrameRequestCallback | undefined;
		const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
			paint = callback;
			return 1;
		});
		try {
			const started: string[] = [];
			const features: Feature[] = [
				{ id: 'later', deferred: true, include: [onPageKind('ticket-list')], init: () => void started.push('later') },
				{ id: 'first', include: [onPageKind('ticket-list')], init: () => void started.push('first') },
			];
			const run = runFeatures(features, { ctx: context, page, document, disabled: new Set() });
			// Several turns of the event loop, and no frame yet: the deferred feature waits.
			await new Promise((resolve) => setTimeout(resolve, 20));
			expect(started).toEqual(['first']);
			paint?.(performance.now());
			await run;
			expect(started).toEqual(['first', 'later']);
		} finally {
			frame.mockRestore();
		}
	});

	it('starts deferred features anyway when no frame comes (a hidden tab)', async () => {
		const { ctx: context } = ctx();
		const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
		try {
			const started: string[] = [];
			const features: Feature[] = [{ id: 'later', deferred: true, include: [onPageKind('ticket-list')], init: () => void started.push('later') }];
			await runFeatures(features, { ctx: context, page, document, disabled: new Set() });
			expect(started).toEqual(['later']);
		} finally {
			frame.mockRestore();
		}
	});
});
