import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import type { WhoAmI } from '../../../shared/schemas/workspace';
import { sendMessage, type SyncStatus } from '../../core/messaging';
import { backlogCacheStorage, historyStorage, type SentCapture, whoAmIStorage } from '../../core/storage';
import { t } from '../../i18n';
import { BacklogList } from './backlog-list';
import { SyncStatusBar } from './sync-status';

export function Popup() {
	const [me, setMe] = useState<WhoAmI | null | undefined>(undefined);
	const [status, setStatus] = useState<SyncStatus | null>(null);
	const [items, setItems] = useState<BacklogItem[] | null>(null);
	const [history, setHistory] = useState<SentCapture[]>([]);
	const [error, setError] = useState('');

	useEffect(() => {
		void whoAmIStorage.getValue().then(setMe);
		void sendMessage('getSyncStatus', undefined).then(setStatus);
		void historyStorage.getValue().then(setHistory);
	}, []);

	useEffect(() => {
		if (me?.role !== 'manager') return;
		// The cached page shows at once; the fresh one replaces it when the backend answers.
		void backlogCacheStorage.getValue().then((cache) => cache && setItems((current) => current ?? cache.items));
		void sendMessage('getBacklog', { sort: 'score', limit: 50 }).then((result) => {
			if (result.ok) {
				setItems(result.value.items);
				setError('');
			} else setError(result.error);
		});
	}, [me]);

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
				<section>
					<h2>{t('popup.backlog')}</h2>
					{error && <p class="gx-error" role="alert">{t('popup.error', { message: error })}</p>}
					{items === null ? <p>{t('popup.loading')}</p> : <BacklogList items={items} />}
				</section>
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
