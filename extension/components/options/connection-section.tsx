import { useState } from 'preact/hooks';
import type { WhoAmI } from '../../../shared/schemas/workspace';
import { sendMessage } from '../../core/messaging';
import { t } from '../../i18n';
import { PolicyNote } from './policy-note';

type Notice = { text: string; error: boolean } | null;

/** Backend address and token; saving checks the token with GET /v1/me and says who it is, or why not. */
export function ConnectionSection({ initialBackendUrl, me, locked }: { initialBackendUrl: string; me: WhoAmI | null; locked: Set<string> }) {
	const byPolicy = locked.has('connection');
	const [backendUrl, setBackendUrl] = useState(initialBackendUrl || 'http://127.0.0.1:8787');
	const [token, setToken] = useState('');
	const [notice, setNotice] = useState<Notice>(null);
	const [busy, setBusy] = useState(false);

	async function save(event: Event) {
		event.preventDefault();
		if (!token.trim()) return setNotice({ text: t('options.tokenMissing'), error: true });
		setBusy(true);
		const result = await sendMessage('saveConnection', { backendUrl, token });
		setBusy(false);
		setToken('');
		setNotice(
			result.ok
				? { text: t('options.saved', { workspace: result.value.workspace.name, role: result.value.role }), error: false }
				: { text: result.status === 0 ? t('options.savedOffline', { message: result.error }) : t('options.tokenRefused', { message: result.error }), error: true },
		);
	}

	return (
		<form class="gx-section" onSubmit={(event) => void save(event)}>
			<h2>{t('options.connection')}</h2>
			<label>
				{t('options.backend')}
				<input name="backendUrl" type="url" required disabled={locked.has('backendUrl')} value={locked.has('backendUrl') ? initialBackendUrl : backendUrl} onInput={(event) => setBackendUrl(event.currentTarget.value)} />
				<PolicyNote on={locked.has('backendUrl')} />
			</label>
			<label>
				{t('options.token')}
				<input name="token" type="password" autoComplete="off" disabled={byPolicy} value={token} onInput={(event) => setToken(event.currentTarget.value)} />
				<PolicyNote on={byPolicy} />
				{me && <small data-gx="connected-as">{t('options.connectedAs', { workspace: me.workspace.name, role: me.role })}</small>}
			</label>
			<button type="submit" data-gx="save-connection" disabled={busy || byPolicy}>
				{t('options.saveConnection')}
			</button>
			{notice && (
				<p class={notice.error ? 'gx-notice gx-error' : 'gx-notice'} role="status" data-gx="options-notice">
					{notice.text}
				</p>
			)}
		</form>
	);
}
