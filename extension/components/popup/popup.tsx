import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { WhoAmI } from '../../../shared/schemas/workspace';
import { sendMessage, type SyncStatus } from '../../core/messaging';
import { historyStorage, type SentCapture, settingsStorage, whoAmIStorage } from '../../core/storage';
import { t } from '../../i18n';
import { ManagerApp } from '../manager/manager-app';
import { SyncStatusBar } from './sync-status';

export function Popup() {
	const [me, setMe] = useState<WhoAmI | null | undefined>(undefined);
	const [status, setStatus] = useState<SyncStatus | null>(null);
	const [history, setHistory] = useState<SentCapture[]>([]);
	const [glpiUrl, setGlpiUrl] = useState('');

	useEffect(() => {
		void whoAmIStorage.getValue().then(setMe);
		void sendMessage('getSyncStatus', undefined).then(setStatus);
		void historyStorage.getValue().then(setHistory);
		void settingsStorage.getValue().then((settings) => setGlpiUrl(settings.glpiUrls[0] ?? ''));
	}, []);

	const syncNow = () => void sendMessage('syncNow', undefined).then((next) => {
		setStatus(next);
		void historyStorage.getValue().then(setHistory);
	});

	if (me === undefined) return <p>{t('popup.loading')}</p>;
	return (
		<main class="gx-popup">
			<h1>{t('app.name')}</h1>
			<SyncStatusBar status={status} onSync={syncNow} />
			{me === null ? (
				<p>
					{t('popup.notConfigured')}{' '}
					<button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
						{t('popup.openOptions')}
					</button>
				</p>
			) : me.role === 'manager' ? (
				<ManagerApp glpiUrl={glpiUrl} />
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
