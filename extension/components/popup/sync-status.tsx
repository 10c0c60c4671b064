import type { SyncStatus } from '../../core/messaging';
import type { SyncError } from '../../core/storage';
import { t } from '../../i18n';
// The popup's strings, for whoever imports this without the popup's entry (they are never in GLPI pages).
import '../../i18n/manager';

/** The last sync error in words a user can act on, from the HTTP status and the API's error code. */
export function syncErrorWords(error: SyncError): string {
	if (error.status === 0) return t('error.network');
	if (error.status === 401) return t('error.unauthorized');
	if (error.status === 403) return t('error.forbidden');
	if (error.status === 429) return t('error.rateLimited');
	if (error.status !== undefined) return t('error.server', { status: error.status, message: error.message });
	return error.message;
}

const timeOf = (iso: string) => new Date(iso).toLocaleString();

interface Actions {
	onSync(): void;
	onClearSetAside(): void;
	/** Refused signals, by id: sent again, or discarded for good. */
	onRetry(ids: string[]): void;
	onDiscard(ids: string[]): void;
}

export function SyncStatusBar({ status, onSync, onClearSetAside, onRetry, onDiscard }: { status: SyncStatus | null } & Actions) {
	if (!status) return null;
	return (
		<section class="gx-sync" data-gx="sync-status" aria-live="polite">
			<span data-gx="waiting">{t('popup.queue', { count: status.waiting })}</span>
			{status.figuresWaiting > 0 && <span data-gx="figures-waiting">{t('popup.figuresWaiting', { count: status.figuresWaiting })}</span>}
			<span data-gx="last-sync">{t('popup.lastSync', { when: status.lastSyncAt ? timeOf(status.lastSyncAt) : t('popup.never') })}</span>
			{status.lastError && (
				<span class="gx-error" role="alert" data-gx="sync-error">
					{t('popup.syncFailed', { when: timeOf(status.lastError.at), reason: syncErrorWords(status.lastError) })}
					{status.nextAttemptAt && ` ${t('popup.nextAttempt', { when: timeOf(status.nextAttemptAt) })}`}
				</span>
			)}
			{status.rejected.length > 0 && (
				<span class="gx-error" data-gx="rejected-all">
					{t('popup.rejected', { count: status.rejected.length })}{' '}
					<button type="button" data-gx="retry-all" onClick={() => onRetry(status.rejected.map((entry) => entry.signal.id))}>
						{t('popup.retryAll')}
					</button>{' '}
					<button type="button" data-gx="discard-all" onClick={() => onDiscard(status.rejected.map((entry) => entry.signal.id))}>
						{t('popup.discardAll')}
					</button>
				</span>
			)}
			{status.rejected.map((entry) => (
				<span key={entry.signal.id} class="gx-error" data-gx="rejected">
					{t('popup.rejectedOne', { what: entry.signal.text ?? t(`kind.${entry.signal.kind}`), reason: entry.rejected?.message ?? '' })}{' '}
					<button type="button" data-gx="retry" onClick={() => onRetry([entry.signal.id])}>
						{t('popup.retry')}
					</button>{' '}
					<button type="button" data-gx="discard" onClick={() => onDiscard([entry.signal.id])}>
						{t('popup.discard')}
					</button>
				</span>
			))}
			{status.dropped.automatic + status.dropped.patterns > 0 && (
				<span class="gx-error" role="alert" data-gx="dropped">
					{t('popup.dropped', { cap: status.cap, automatic: status.dropped.automatic, patterns: status.dropped.patterns })}{' '}
					<button type="button" data-gx="clear-dropped" onClick={onClearSetAside}>
						{t('popup.setAsideClear')}
					</button>
				</span>
			)}
			{status.setAside.length > 0 && (
				<span class="gx-error" data-gx="set-aside">
					{t('popup.setAside', { count: status.setAside.length })}{' '}
					<button type="button" data-gx="clear-set-aside" onClick={onClearSetAside}>
						{t('popup.setAsideClear')}
					</button>
				</span>
			)}
			{status.setAside.map((entry) => (
				<span key={entry.key} class="gx-error" data-gx="set-aside-one">
					{t('popup.setAsideOne', { what: entry.key, reason: entry.reason })}
				</span>
			))}
			<button type="button" data-gx="sync-now" onClick={onSync}>
				{t('popup.syncNow')}
			</button>
		</section>
	);
}
