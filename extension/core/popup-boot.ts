import { browser } from 'wxt/browser';
import type { BacklogItem } from '../../shared/schemas/backlog';
import type { WhoAmI } from '../../shared/schemas/workspace';
import { type Settings, normalizeSettings } from './settings';
import type { SentCapture } from './storage';

export interface PopupBoot {
	settings: Settings;
	me: WhoAmI | null;
	history: SentCapture[];
	/** The backlog page the popup showed last, so it opens with it at once (then refreshes). */
	cache: { items: BacklogItem[]; at: string } | null;
}

/**
 * What the popup needs before its first paint, in one storage read (keys of core/storage.ts's items), instead of
 * one round trip per item in turn: the popup must show a cached backlog in well under 150 ms. The popup reads
 * storage here and never through core/storage.ts: loading that module defines every stored item, and each definition
 * with a version reads its key and its version at once (WXT's migrations), about twenty reads queued ahead of this one.
 */
export async function readPopupBoot(): Promise<PopupBoot> {
	const stored = (await browser.storage.local.get(['settings', 'whoAmI', 'history', 'backlogCache'])) as {
		settings?: Partial<Settings>;
		whoAmI?: WhoAmI | null;
		history?: SentCapture[];
		backlogCache?: PopupBoot['cache'];
	};
	return { settings: normalizeSettings(stored.settings), me: stored.whoAmI ?? null, history: stored.history ?? [], cache: stored.backlogCache ?? null };
}

/** The user's sent captures, read again after a sync (the same raw read as the first paint's, for the same reason). */
export async function readHistory(): Promise<SentCapture[]> {
	const stored = (await browser.storage.local.get('history')) as { history?: SentCapture[] };
	return stored.history ?? [];
}
