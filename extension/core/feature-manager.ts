import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Page } from '../../shared/schemas/signal';
import { afterNextFrame } from './next-frame';

/** What a feature gets when it runs on a page. */
export interface FeatureContext {
	/** Aborted when the page goes away or the extension is reloaded: pass it to every listener and observer. */
	signal: AbortSignal;
	ctx: ContentScriptContext;
	page: Page;
	document: Document;
}

export type PageTest = (page: Page, document: Document) => boolean;

export interface Feature {
	/** The file name of the feature, also its option key and its id in docs/GUIDE.md. */
	id: string;
	/** Runs when any test is true. An empty list would mean "nowhere" and is refused. */
	include: PageTest[];
	exclude?: PageTest[];
	/** Attaches UI and listeners. Returns false when the page turns out not to apply. */
	init(context: FeatureContext): void | false | Promise<void | false>;
	/** Starts once the others are in place and the page had a turn: nothing the user waits for on load. */
	deferred?: boolean;
}

export const anyGlpiPage: PageTest = () => true;
export const onPageKind =
	(...kinds: Page['kind'][]): PageTest =>
	(page) =>
		kinds.includes(page.kind);

export function shouldRun(feature: Feature, page: Page, document: Document): boolean {
	if (feature.include.length === 0) throw new Error(`${feature.id}: an empty include list would run nowhere`);
	return feature.include.some((test) => test(page, document)) && !(feature.exclude ?? []).some((test) => test(page, document));
}

/**
 * Runs every enabled feature that applies to the page, each with its own AbortController tied to the page's
 * lifetime. One feature's error is logged with its id and never stops the others. Deferred features start after the
 * others' init and the page's next frame, so what the user sees first (the capture button) comes first.
 */
export async function runFeatures(
	features: readonly Feature[],
	options: {
		ctx: ContentScriptContext;
		page: Page;
		document: Document;
		disabled: ReadonlySet<string>;
		/** Filled with each running feature's controller, so a feature switched off in the options stops at once. */
		controllers?: Map<string, AbortController>;
	},
): Promise<Map<string, 'ran' | 'skipped' | 'failed'>> {
	const outcome = new Map<string, 'ran' | 'skipped' | 'failed'>();
	const start = async (feature: Feature) => {
		if (options.disabled.has(feature.id) || !shouldRun(feature, options.page, options.document)) {
			outcome.set(feature.id, 'skipped');
			return;
		}
		const controller = new AbortController();
		options.ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
		options.controllers?.set(feature.id, controller);
		try {
			const result = await feature.init({ signal: controller.signal, ctx: options.ctx, page: options.page, document: options.document });
			outcome.set(feature.id, result === false ? 'skipped' : 'ran');
		} catch (error) {
			controller.abort();
			outcome.set(feature.id, 'failed');
			console.error(`[gx:${feature.id}]`, error);
		}
	};
	await Promise.all(features.filter((feature) => !feature.deferred).map(start));
	const deferred = features.filter((feature) => feature.deferred);
	if (deferred.length > 0) {
		// After the page's next frame, not one macrotask: else the capture button's frame (a whole-page layout and paint)
		// could come after the ticket patterns' first work (reading a 1,000-row list, about 20 ms), so the button showed
		// later (side by side on a 1,000-row list, scripts/bench-badges.js: the patterns' window 66.3 -> 57.7 ms median,
		// the whole load unchanged).
		await afterNextFrame(options.document.defaultView);
		await Promise.all(deferred.map(start));
	}
	return outcome;
}
