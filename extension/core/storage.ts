import { storage } from 'wxt/utils/storage';
import type { BacklogItem } from '../../shared/schemas/backlog';
import type { Signal } from '../../shared/schemas/signal';
import type { WhoAmI } from '../../shared/schemas/workspace';
import type { LanguageSetting } from '../i18n';

/**
 * Every storage item of the extension, one typed and versioned item per key (WXT storage). Only the background
 * and the extension's own pages use them; content scripts never read credentials (a meta-test checks the imports).
 */

export interface Settings {
	/** Base URL of the sync backend, e.g. http://127.0.0.1:8787 */
	backendUrl: string;
	/** GLPI addresses the user granted, as origins plus optional root path: "https://glpi.example.org/glpi". */
	glpiUrls: string[];
	language: LanguageSetting;
	/** Features switched off by the user, by feature id. */
	disabledFeatures: string[];
}

export const settingsStorage = storage.defineItem<Settings>('local:settings', {
	fallback: { backendUrl: '', glpiUrls: [], language: 'auto', disabledFeatures: [] },
	version: 1,
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
	/** Set when the server refused the signal for good (4xx other than 401/403/408/413/429): kept and shown, never dropped. */
	rejected?: Rejection;
}

/** Signals waiting for the server's acknowledgement; survives browser and service-worker restarts. */
export const queueStorage = storage.defineItem<QueuedSignal[]>('local:queue', { fallback: [], version: 1 });

export interface SyncState {
	lastSyncAt: string | null;
	lastError: { message: string; at: string } | null;
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
