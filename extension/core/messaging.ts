import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Page, Pattern, SignalKind } from '../../shared/schemas/signal';
import type { Role, WhoAmI } from '../../shared/schemas/workspace';
import type { ExportInput, PatternScope, PatternView, SimilarView, TicketRow } from './pattern-messages';
import type { PolicyLocks } from './managed-policy';
import type { RouteScript } from './route-script-names';
import type { FrictionKind, PrivacySettings, QueuedSignal, SetAsideFriction, SyncState } from './storage';

/** What a content script hands to the background: the background adds id, time and reporter, checks and queues it. */
export interface SignalDraft {
	kind: SignalKind;
	page: Page;
	text?: string;
	tags?: string[];
	severity?: number;
	target?: { selector: string; label?: string };
	count?: number;
	/** kind 'pattern' only: the ticket pattern (no title: ids, size, category, a keyword signature). */
	pattern?: Pattern;
	/** Names shown on the page (requester, technician): redacted from the text again in the background. */
	names?: string[];
	/** The privacy switches the user's preview was made with: the background never sends more than they showed. */
	privacy?: PrivacySettings;
}

/**
 * The local queue's cap (background/queue.ts), and the error a capture gets when only typed words fill it: here so
 * that the overlay can say it in the user's language without importing the background's code.
 */
export const MAX_QUEUED_SIGNALS = 2_000;
export const QUEUE_FULL = 'queue-full';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; status?: number };

export interface SyncStatus extends SyncState {
	waiting: number;
	/** Readings of GLPI's service figures waiting to be sent (issue 17). */
	figuresWaiting: number;
	rejected: QueuedSignal[];
	/** Automatic friction that could not become a valid signal: shown, never sent, never blocking the rest. */
	setAside: SetAsideFriction[];
	/** What the queue's cap dropped since the user last cleared the notice, and the cap. */
	dropped: { automatic: number; patterns: number };
	cap: number;
}

/** What the GLPI overlay needs to know about the user's and the workspace's choices (never a credential). */
export interface OverlayConfig {
	/** Automatic friction signals: on only when both the user and the workspace opted in. */
	autoFriction: boolean;
	slowPageMs: number;
	/** The privacy switches as they apply: names are always redacted unless the workspace shares text. */
	privacy: PrivacySettings;
	/** The token's role, when the backend told it: only technicians and managers may send ticket patterns. */
	role?: Role;
	/** The workspace shares ticket text: a pattern may then carry one redacted sample title. */
	shareText: boolean;
}

/** One automatic friction event seen in a page: counted by the background, never sent one by one. */
export interface FrictionEvent {
	kind: FrictionKind;
	page: Page;
	target?: { selector: string; label?: string };
}

/** A hint from GET /v1/hints as the overlay shows it ("me too" markers). */
export interface HintView {
	/** `${route}|${selector}|${itemId}`: what a "me too" is remembered by (background/hints.ts, meTooKey). */
	key: string;
	kind: 'manager' | 'known-issue';
	selector?: string;
	/** In the user's language, falling back to the other. */
	text: string;
	signalCount: number;
	/** The item's tags when the server sends them, so that a "me too" joins the same backlog item. */
	tags: string[];
	/** The user already said "me too" on this element. */
	mine: boolean;
	/** What the overlay remembers a dismissal by: the hint (or item) and a hash of its text, so an edited hint shows again. */
	id: string;
	/** Manager hints: an http(s) link, e.g. a knowledge base article. */
	link?: string;
	/** The user closed this hint for good. */
	dismissed: boolean;
}

interface ProtocolMap {
	enqueueSignal(draft: SignalDraft): Result<{ id: string; waiting: number }>;
	getSyncStatus(): SyncStatus;
	syncNow(): SyncStatus;
	/** The popup clears the list of set-aside automatic friction counts. */
	clearSetAside(): SyncStatus;
	/** The popup sends refused signals again, or discards them, by id. */
	retryRefused(ids: string[]): SyncStatus;
	discardRefused(ids: string[]): SyncStatus;
	saveConnection(input: { backendUrl: string; token: string }): Result<WhoAmI>;
	/** Exchanges an enrollment code for this browser's own token, then saves it like saveConnection. */
	enroll(input: { backendUrl: string; code: string; label: string }): Result<WhoAmI>;
	registerGlpiUrls(urls: string[]): Result<string[]>;
	/** The organisation's policy as the options page shows it, parsed by the background (the options load no zod). */
	getPolicyLocks(): PolicyLocks;
	getOverlayConfig(): OverlayConfig;
	recordFriction(event: FrictionEvent): Result<{ count: number }>;
	/** `interface`: the page's GLPI interface, so self-service pages never get technicians' hints (issue 15). */
	getHints(input: { route: string; language: 'en' | 'fr'; interface?: 'central' | 'helpdesk' | undefined }): Result<HintView[]>;
	meToo(input: { key: string; draft: SignalDraft }): Result<{ id: string }>;
	/** The user closes a hint for good (per user, in this browser). */
	dismissHint(id: string): void;
	/** Ticket patterns of a list's visible rows. */
	findPatterns(input: { rows: TicketRow[] }): Result<PatternView>;
	/** Ticket patterns of a list's whole search (its CSV export); null: not cached, send the CSV. */
	exportPatterns(input: ExportInput & { scope: Exclude<PatternScope, 'page'> }): Result<PatternView | null>;
	/** Tickets similar to a ticket among an export's; null: not cached, send the CSV. */
	similarTickets(input: ExportInput & { ticket: TicketRow & { description?: string } }): Result<SimilarView | null>;
	/** Runs a per-route script in the sender's own frame (background/route-scripts.ts). */
	loadRouteScript(script: RouteScript): Result<true>;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
