import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BacklogItem, BacklogQuery } from '../../shared/schemas/backlog';
import type { Page, SignalKind } from '../../shared/schemas/signal';
import type { WhoAmI } from '../../shared/schemas/workspace';
import type { QueuedSignal, SyncState } from './storage';

/** What a content script hands to the background: the background adds id, time and reporter, checks and queues it. */
export interface SignalDraft {
	kind: SignalKind;
	page: Page;
	text?: string;
	tags?: string[];
	severity?: number;
	target?: { selector: string; label?: string };
	count?: number;
	/** Names shown on the page (requester, technician): redacted from the text again in the background. */
	names?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; status?: number };

export interface SyncStatus extends SyncState {
	waiting: number;
	rejected: QueuedSignal[];
}

interface ProtocolMap {
	enqueueSignal(draft: SignalDraft): Result<{ id: string; waiting: number }>;
	getSyncStatus(): SyncStatus;
	syncNow(): SyncStatus;
	getBacklog(query: Partial<BacklogQuery>): Result<{ items: BacklogItem[]; nextCursor: string | null }>;
	saveConnection(input: { backendUrl: string; token: string }): Result<WhoAmI>;
	registerGlpiUrls(urls: string[]): Result<string[]>;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
