import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type SyncStatus } from '../../core/messaging';
import { type PopupBoot, readHistory } from '../../core/popup-boot';
import type { SentCapture } from '../../core/storage';
import { t } from '../../i18n';
import { ManagerApp } from '../manager/manager-app';
import { SyncStatusBar } from './sync-status';

/** The popup: the manager's register for a manager token, the user's own captures otherwise, and the sync state. */
export function Popup({ boot }: { boot: PopupBoot }) {
	const { me } = boot;
	const [status, setStatus] = useState<SyncStatus | null>(null);
	const [history, setHistory] = useState<SentCapture[]>(boot.history);
	const glpiUrl = boot.settings.glpiUrls[0] ?? '';

	useEffect(() => void sendMessage('getSyncStatus', undefined).then(setStatus), []);

	const syncNow = () => void sendMessage('syncNow', undefined).then((next) => {
		setStatus(next);
		void readHistory().then(setHistory);
	});

	return (
		<main class="gx-popup">
			<h1>{t('app.name')}</h1>
			<SyncStatusBar
				status={status}
				onSync={syncNow}
				onClearSetAside={() => void sendMessage('clearSetAside', undefined).then(setStatus)}
				onRetry={(ids) => void sendMessage('retryRefused', ids).then(setStatus)}
				onDiscard={(ids) => void sendMessage('discardRefused', ids).then(setStatus)}
			/>
			{me === null ? (
				<p>
					{t('popup.notConfigured')}{' '}
					<button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
						{t('popup.openOptions')}
					</button>
				</p>
			) : me.role === 'manager' ? (
				<ManagerApp glpiUrl={glpiUrl} backendUrl={boot.settings.backendUrl} cached={boot.cache} />
			) : (
				<section>
					<p>{t('popup.notManager')}</p>
					<ul class="gx-history" data-gx="history">
						{history.map((capture) => (
							<li key={capture.id}>
								<span>{t(`kind.${capture.kind}`)}</span> <span>{capture.text ?? capture.route}</span>
							</li>
						))}
					</ul>
				</section>
			)}
		</main>
	);
}
