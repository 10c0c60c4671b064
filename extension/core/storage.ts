import { storage } from 'wxt/utils/storage';
import type { BacklogItem } from '../../shared/schemas/backlog';
import type { Signal } from '../../shared/schemas/signal';
import type { WhoAmI } from '../../shared/schemas/workspace';
import { type FrictionKind, type Settings, DEFAULT_SETTINGS, normalizeSettings } from './settings';

export { DEFAULT_SETTINGS, type PrivacySettings, type Settings } from './settings';
export type { FrictionKind } from './settings';

/**
 * Every storage item of the extension, one typed and versioned item per key (WXT storage). Only the background
 * and the extension's own pages use them: content scripts read the settings through core/settings.ts (no migration
 * work on every GLPI page load), and never read credentials (a meta-test checks the imports).
 */

export const settingsStorage = storage.defineItem<Settings>('local:settings', {
	fallback: DEFAULT_SETTINGS,
	version: 2,
	// Version 2 added the automatic friction opt-in, the slow-page threshold and the privacy switches.
	migrations: { 2: (old: Partial<Settings>) => normalizeSettings(old) },
});

/** The workspace token. Read by the background only: it owns the network. */
export const tokenStorage = storage.defineItem<string>('local:token', { fallback: '', version: 1 });

/** What the backend said about the token when it was last checked (role, workspace, opt-ins). */
export const whoAmIStorage = storage.defineItem<WhoAmI | null>('local:whoAmI', { fallback: null, version: 1 });

/** A random id of this installation, sent as `reporter` so that distinct reporters can be counted without names. */
export const reporterIdStorage = storage.defineItem<string>('local:reporterId', {
	fallback: '',
	init: () => crypto.randomUUID().replace(/-/g, ''),
	version: 1,
});

export interface Rejection {
	status: number;
	code: string;
	message: string;
	issues?: { path: string; message: string }[];
}

export interface QueuedSignal {
	signal: Signal;
	queuedAt: string;
	attempts: number;
	/** Set when the server refused the signal for good (a 4xx other than 401, 408 and 429): kept and shown, never dropped. */
	rejected?: Rejection;
}

/** Signals waiting for the server's acknowledgement; survives browser and service-worker restarts. */
export const queueStorage = storage.defineItem<QueuedSignal[]>('local:queue', { fallback: [], version: 1 });

export interface SyncError {
	message: string;
	at: string;
	/** HTTP status (0 for a network failure) and the API's error code, so the popup can say it in words. */
	status?: number;
	code?: string;
}

export interface SyncState {
	lastSyncAt: string | null;
	lastError: SyncError | null;
	/** Consecutive failed flushes: drives the backoff. */
	failures: number;
	nextAttemptAt: string | null;
}

export const syncStateStorage = storage.defineItem<SyncState>('local:syncState', {
	fallback: { lastSyncAt: null, lastError: null, failures: 0, nextAttemptAt: null },
	version: 1,
});

export interface SentCapture {
	id: string;
	kind: Signal['kind'];
	text?: string;
	route: string;
	sentAt: string;
}

/** The user's own last captures, for the popup of technicians and reporters ("my captures"). */
export const historyStorage = storage.defineItem<SentCapture[]>('local:history', { fallback: [], version: 1 });

/** The last backlog page the popup showed, so it opens at once and refreshes behind. */
export const backlogCacheStorage = storage.defineItem<{ items: BacklogItem[]; at: string } | null>('local:backlogCache', {
	fallback: null,
	version: 1,
});

/** Automatic friction counted on one (route, element, kind) during its period; sent as one signal when it ends. */
export interface FrictionCounter {
	/** The id of the signal this period becomes (made at its start, so a retried emission is a duplicate). */
	id: string;
	kind: FrictionKind;
	page: Signal['page'];
	target?: { selector: string; label?: string };
	count: number;
	firstAt: string;
	lastAt: string;
}

/** Counters of automatic friction, by `${route}|${selector}|${kind}`, kept by the background (content scripts only report). */
export const frictionCountersStorage = storage.defineItem<Record<string, FrictionCounter>>('local:frictionCounters', { fallback: {}, version: 1 });

/** "Me too" already given, by `${route}|${selector}`, with the time: one per element and user, shown as given. */
export const meTooStorage = storage.defineItem<Record<string, string>>('local:meToo', { fallback: {}, version: 1 });

/** Hints the user closed for good, by HintView.id, with the time: a changed hint has a new id and shows again. */
export const hintDismissalsStorage = storage.defineItem<Record<string, string>>('local:hintDismissals', { fallback: {}, version: 1 });

/** The user's access to GLPI's REST API for "push to GLPI" (manager popup). Read by the background only. */
export interface GlpiApiSettings {
	/** GLPI's address with its root_doc; empty means the first GLPI address of the settings. */
	glpiUrl: string;
	userToken: string;
	appToken: string;
}

export const glpiApiStorage = storage.defineItem<GlpiApiSettings>('local:glpiApi', {
	fallback: { glpiUrl: '', userToken: '', appToken: '' },
	version: 1,
});
