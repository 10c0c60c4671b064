import { browser } from 'wxt/browser';
import type { LanguageSetting } from '../i18n';

/** What the user lets leave the browser beyond their own words (the options' privacy switches). */
export interface PrivacySettings {
	/** Names GLPI shows (requester, technician) are replaced by [name]; off only counts when the workspace shares text. */
	redactNames: boolean;
	/** The ticket's category and status in the context of a signal. */
	includeCategory: boolean;
	/** The number of the ticket, problem or change in the context of a signal. */
	includeItemId: boolean;
}

export interface Settings {
	/** Base URL of the sync backend, e.g. http://127.0.0.1:8787 */
	backendUrl: string;
	/** GLPI addresses the user granted, as origins plus optional root path: "https://glpi.example.org/glpi". */
	glpiUrls: string[];
	language: LanguageSetting;
	/** Features switched off by the user, by feature id. */
	disabledFeatures: string[];
	/** The user's own opt-in to automatic friction signals; the workspace must allow them too (GET /v1/me). */
	autoFriction: boolean;
	/** A page whose load takes longer than this (navigation timing, ms) counts as slow-page friction. */
	slowPageMs: number;
	privacy: PrivacySettings;
	/**
	 * The user's opt-in to sending GLPI's service figures (issue 17): weekly counts per category computed from the
	 * exports the overlay reads, never a ticket's text, title, requester or id. Off by default; technicians and
	 * managers only (a reporter's export holds only their own tickets).
	 */
	serviceFigures: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
	backendUrl: '',
	glpiUrls: [],
	language: 'auto',
	disabledFeatures: [],
	autoFriction: false,
	slowPageMs: 4000,
	privacy: { redactNames: true, includeCategory: true, includeItemId: true },
	serviceFigures: false,
};

export type FrictionKind = 'rage-click' | 'dead-click' | 'form-error' | 'slow-page';

/** Stored settings of any version, with the defaults of what they lack (also settingsStorage's migration to 2). */
export function normalizeSettings(stored: Partial<Settings> | null | undefined): Settings {
	return { ...DEFAULT_SETTINGS, ...stored, privacy: { ...DEFAULT_SETTINGS.privacy, ...stored?.privacy } };
}

/**
 * The settings as GLPI pages read them: one storage read, without WXT storage's per-item migration checks that every
 * page load would otherwise repeat (the background and the options own the item, core/storage.ts, key "settings").
 */
export async function readSettings(): Promise<Settings> {
	const { settings } = (await browser.storage.local.get('settings')) as { settings?: Partial<Settings> };
	return normalizeSettings(settings);
}

/** Calls `callback` with the new settings whenever the options save them; returns the unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
	const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
		if (area === 'local' && changes.settings) callback(normalizeSettings(changes.settings.newValue as Partial<Settings> | undefined));
	};
	browser.storage.onChanged.addListener(listener);
	return () => browser.storage.onChanged.removeListener(listener);
}
