import { useState } from 'preact/hooks';
import { sendMessage } from '../../core/messaging';
import { t } from '../../i18n';

type Notice = { text: string; error: boolean } | null;

/** A link a manager shares (popup, Enrollment) opens the options with `#enroll=<code>&backend=<url>`: filled in here. */
export function enrollmentLinkOf(hash: string): { code: string; backendUrl: string } {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	return { code: params.get('enroll') ?? '', backendUrl: params.get('backend') ?? '' };
}

/**
 * Enrollment instead of a pasted token: the code a manager gave and a name for this browser become this browser's
 * own token (the background makes the exchange and keeps the token).
 */
export function EnrollSection({ initialBackendUrl }: { initialBackendUrl: string }) {
	const link = enrollmentLinkOf(location.hash);
	const [backendUrl, setBackendUrl] = useState(link.backendUrl || initialBackendUrl);
	const [code, setCode] = useState(link.code);
	const [label, setLabel] = useState('');
	const [notice, setNotice] = useState<Notice>(null);
	const [busy, setBusy] = useState(false);

	async function enroll(event: Event) {
		event.preventDefault();
		if (!backendUrl.trim() || !code.trim() || !label.trim()) return setNotice({ text: t('enroll.missing'), error: true });
		setBusy(true);
		const result = await sendMessage('enroll', { backendUrl, code, label });
		setBusy(false);
		if (result.ok) {
			setCode('');
			// The code was for one use: it leaves the address bar too.
			if (location.hash) history.replaceState(null, '', location.pathname);
			return setNotice({ text: t('enroll.done', { workspace: result.value.workspace.name, role: result.value.role }), error: false });
		}
		setNotice({ text: result.status === 0 ? t('enroll.offline', { message: result.error }) : t('enroll.refused', { message: result.error }), error: true });
	}

	return (
		<form class="gx-section" data-gx="enroll" onSubmit={(event) => void enroll(event)}>
			<h2>{t('enroll.title')}</h2>
			<p class="gx-help">{t('enroll.help')}</p>
			<label>
				{t('options.backend')}
				<input name="enrollBackendUrl" type="url" value={backendUrl} onInput={(event) => setBackendUrl(event.currentTarget.value)} />
			</label>
			<label>
				{t('enroll.code')}
				<input name="enrollCode" autoComplete="off" spellcheck={false} placeholder="GXE-XXXX-XXXX-XXXX-XXXX" value={code} onInput={(event) => setCode(event.currentTarget.value)} />
			</label>
			<label>
				{t('enroll.label')}
				<input name="enrollLabel" maxLength={100} value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
			</label>
			<button type="submit" data-gx="enroll-submit" disabled={busy}>
				{t('enroll.submit')}
			</button>
			{notice && (
				<p class={notice.error ? 'gx-notice gx-error' : 'gx-notice'} role="status" data-gx="enroll-notice">
					{notice.text}
				</p>
			)}
		</form>
	);
}
