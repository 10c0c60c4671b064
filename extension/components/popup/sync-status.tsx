import type { SyncStatus } from '../../core/messaging';
import { t } from '../../i18n';

export function SyncStatusBar({ status, onSync }: { status: SyncStatus | null; onSync(): void }) {
	if (!status) return null;
	return (
		<section class="gx-sync" data-gx="sync-status" aria-live="polite">
			<span>{t('popup.queue', { count: status.waiting })}</span>
			<span>{t('popup.lastSync', { when: status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : t('popup.never') })}</span>
			{status.lastError && (
				<span class="gx-error" role="alert">
					{t('popup.error', { message: status.lastError.message })}
				</span>
			)}
			{status.rejected.map((entry) => (
				<span key={entry.signal.id} class="gx-error" data-gx="rejected">
					{t('popup.error', { message: `${entry.rejected?.message ?? ''} — ${entry.signal.text ?? entry.signal.kind}` })}
				</span>
			))}
			<button type="button" onClick={onSync}>
				{t('popup.syncNow')}
			</button>
		</section>
	);
}
