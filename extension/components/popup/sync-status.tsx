import type { SyncStatus } from '../../core/messaging';
import type { SyncError } from '../../core/storage';
import { t } from '../../i18n';

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

export function SyncStatusBar({ status, onSync }: { status: SyncStatus | null; onSync(): void }) {
	if (!status) return null;
	return (
		<section class="gx-sync" data-gx="sync-status" aria-live="polite">
			<span data-gx="waiting">{t('popup.queue', { count: status.waiting })}</span>
			<span data-gx="last-sync">{t('popup.lastSync', { when: status.lastSyncAt ? timeOf(status.lastSyncAt) : t('popup.never') })}</span>
			{status.lastError && (
				<span class="gx-error" role="alert" data-gx="sync-error">
					{t('popup.syncFailed', { when: timeOf(status.lastError.at), reason: syncErrorWords(status.lastError) })}
					{status.nextAttemptAt && ` ${t('popup.nextAttempt', { when: timeOf(status.nextAttemptAt) })}`}
				</span>
			)}
			{status.rejected.length > 0 && <span class="gx-error">{t('popup.rejected', { count: status.rejected.length })}</span>}
			{status.rejected.map((entry) => (
				<span key={entry.signal.id} class="gx-error" data-gx="rejected">
					{t('popup.rejectedOne', { what: entry.signal.text ?? t(`kind.${entry.signal.kind}`), reason: entry.rejected?.message ?? '' })}
				</span>
			))}
			<button type="button" data-gx="sync-now" onClick={onSync}>
				{t('popup.syncNow')}
			</button>
		</section>
	);
}
