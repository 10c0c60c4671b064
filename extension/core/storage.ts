import { storage } from 'wxt/utils/storage';
import type { PackedReading } from '../../shared/improvement/packed-reading';
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

/**
 * Signals waiting for the server's acknowledgement; they survive browser and service-worker restarts. The queue is cut
 * in segments of QUEUE_SEGMENT_SIZE signals, each under its own key, with this index under `local:queue`: adding a
 * signal rewrites the last segment and the index, never the whole queue. Version 1 held the whole queue as one array
 * rewritten on every add (issue 15: near the storage quota, about 20,000 signals, each capture took 5 to 10 s to save).
 */
export const QUEUE_SEGMENT_SIZE = 100;

/** One segment's counts, kept in the index so that counting and eviction never read every segment. */
export interface QueueSegmentInfo {
	/** The segment's number: its key is `local:queue.<n>`. */
	n: number;
	entries: number;
	/** Refused by the server, waiting for the user's retry or discard. */
	refused: number;
	/** Automatic friction counts: what goes first when the queue is full. */
	automatic: number;
	/** Ticket patterns: what goes next (GLPI still holds the tickets; the pattern can be suggested again). */
	patterns: number;
}

export interface QueueIndex {
	segments: QueueSegmentInfo[];
	/** The number of the next segment to open. */
	next: number;
	/** What the cap made the extension drop since the user last cleared the notice (shown in the popup). */
	dropped: { automatic: number; patterns: number };
}

export const EMPTY_QUEUE: QueueIndex = { segments: [], next: 0, dropped: { automatic: 0, patterns: 0 } };

export const queueSegmentKey = (n: number) => `local:queue.${n}` as const;

export function segmentInfo(n: number, entries: readonly QueuedSignal[]): QueueSegmentInfo {
	const info = { n, entries: entries.length, refused: 0, automatic: 0, patterns: 0 };
	for (const entry of entries) {
		if (entry.rejected) info.refused++;
		if (entry.signal.kind === 'auto-friction') info.automatic++;
		if (entry.signal.kind === 'pattern') info.patterns++;
	}
	return info;
}

/** Version 1's single array becomes segments: written first, then the index that lists them (WXT writes it last). */
async function segmentQueue(old: QueuedSignal[] | QueueIndex): Promise<QueueIndex> {
	if (!Array.isArray(old)) return old;
	const segments: QueueSegmentInfo[] = [];
	const writes: { key: `local:${string}`; value: QueuedSignal[] }[] = [];
	for (let start = 0, n = 0; start < old.length; start += QUEUE_SEGMENT_SIZE, n++) {
		const entries = old.slice(start, start + QUEUE_SEGMENT_SIZE);
		writes.push({ key: queueSegmentKey(n), value: entries });
		segments.push(segmentInfo(n, entries));
	}
	if (writes.length > 0) await storage.setItems(writes);
	return { ...EMPTY_QUEUE, segments, next: segments.length };
}

export const queueStorage = storage.defineItem<QueueIndex>('local:queue', { fallback: EMPTY_QUEUE, version: 2, migrations: { 2: segmentQueue } });

/** One segment of the queue (its number comes from the index). */
export const queueSegmentStorage = (n: number) => storage.defineItem<QueuedSignal[]>(queueSegmentKey(n), { fallback: [] });

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

/**
 * Automatic friction that could not become a valid signal (a route over 200 characters, an item id past the safe
 * integers, a selector over 500 characters...): set aside and shown in the popup, never retried, so that it never
 * blocks the other counters or the queue (issue 15). At most MAX_SET_ASIDE, the newest kept.
 */
export interface SetAsideFriction {
	/** The counter's key, clipped: what the popup shows (route, element, kind). */
	key: string;
	kind: FrictionKind;
	/** What the shared schema said, in short. */
	reason: string;
	at: string;
}

export const frictionSetAsideStorage = storage.defineItem<SetAsideFriction[]>('local:frictionSetAside', { fallback: [], version: 1 });

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

/** The register as the last improvement plan showed it (issue 17): the next one says what moved since. */
export const planReportStorage = storage.defineItem<{ at: string; items: Record<string, { title: string; status: BacklogItem['status'] }> } | null>('local:planReport', {
	fallback: null,
	version: 1,
});

export const glpiApiStorage = storage.defineItem<GlpiApiSettings>('local:glpiApi', {
	fallback: { glpiUrl: '', userToken: '', appToken: '' },
	version: 1,
});

/**
 * What the background did with the organisation's policy (background/managed.ts): the SHA-256 of the enrollment code
 * it last used (never the code), and the server's refusal if there was one, for the options to show.
 */
export interface ManagedEnrollmentState {
	codeHash: string | null;
	error: string | null;
}

export const managedEnrollmentStorage = storage.defineItem<ManagedEnrollmentState>('local:managedEnrollment', {
	fallback: { codeHash: null, error: null },
	version: 1,
});

/**
 * GLPI's service figures waiting to be sent (issue 17): weekly counts per category computed from an export the
 * overlay read, one reading per export search (a newer reading of the same search replaces the waiting one: it covers
 * as much or more). Kept across restarts and retried with the signals' backoff until the worker acknowledges them.
 */
export interface QueuedFigures {
	/** The export's search key: a newer reading of the same search replaces this one. */
	key: string;
	reading: PackedReading;
	queuedAt: string;
	attempts: number;
}

export const figuresOutboxStorage = storage.defineItem<QueuedFigures[]>('local:figuresOutbox', { fallback: [], version: 1 });

/** What became of the last reading sent, for the options to show: the weeks stored and kept, or the refusal. */
export interface FiguresSyncState {
	lastSent: { at: string; from: string; to: string; categories: number; stored: number; kept: number } | null;
	lastRefusal: { at: string; message: string } | null;
	/**
	 * The last export read was cut at its download limit, so it was not sent: which tickets it lacks depends on the
	 * search's sort, so any of its weeks may be short. Cleared by the next whole export. Absent in states saved before it.
	 */
	lastCut?: { at: string } | null;
}

export const figuresStateStorage = storage.defineItem<FiguresSyncState>('local:figuresState', {
	fallback: { lastSent: null, lastRefusal: null },
	version: 1,
});
