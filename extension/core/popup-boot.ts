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
 * one round trip per item in turn: the popup must show a cached backlog in well under 150 ms.
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
