import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { patternsOf } from '../../background/registration';
import { sendMessage } from '../../core/messaging';
import { type Settings, settingsStorage } from '../../core/storage';
import { type LanguageSetting, t } from '../../i18n';

type Notice = { text: string; error: boolean } | null;

export function Options({ initial }: { initial: Settings }) {
	const [backendUrl, setBackendUrl] = useState(initial.backendUrl || 'http://127.0.0.1:8787');
	const [token, setToken] = useState('');
	const [glpiUrl, setGlpiUrl] = useState(initial.glpiUrls[0] ?? '');
	const [language, setLanguageSetting] = useState<LanguageSetting>(initial.language);
	const [notice, setNotice] = useState<Notice>(null);

	async function save(event: Event) {
		event.preventDefault();
		const patterns = glpiUrl.trim() ? patternsOf(glpiUrl.trim()) : undefined;
		if (glpiUrl.trim() && !patterns) return setNotice({ text: t('options.invalidUrl'), error: true });
		// The permission prompt must come from this click, so it is asked here and not in the background.
		if (patterns && !(await browser.permissions.request({ origins: [patterns.origin] }))) {
			return setNotice({ text: t('options.permissionDenied', { origin: patterns.origin }), error: true });
		}
		await settingsStorage.setValue({ ...(await settingsStorage.getValue()), language });
		const registered = await sendMessage('registerGlpiUrls', glpiUrl.trim() ? [glpiUrl.trim()] : []);
		if (!registered.ok) return setNotice({ text: registered.error, error: true });
		if (!token.trim()) return setNotice({ text: t('options.save'), error: false });
		const result = await sendMessage('saveConnection', { backendUrl, token });
		setToken('');
		setNotice(
			result.ok
				? { text: t('options.saved', { workspace: result.value.workspace.name, role: result.value.role }), error: false }
				: { text: t('options.savedOffline', { message: result.error }), error: true },
		);
	}

	return (
		<form class="gx-options" onSubmit={(event) => void save(event)}>
			<h1>{t('options.title')}</h1>
			<label>
				{t('options.backend')}
				<input name="backendUrl" type="url" required value={backendUrl} onInput={(event) => setBackendUrl(event.currentTarget.value)} />
			</label>
			<label>
				{t('options.token')}
				<input name="token" type="password" autoComplete="off" value={token} onInput={(event) => setToken(event.currentTarget.value)} />
			</label>
			<label>
				{t('options.glpi')}
				<input name="glpiUrl" type="url" value={glpiUrl} onInput={(event) => setGlpiUrl(event.currentTarget.value)} />
				<small>{t('options.glpiHelp')}</small>
			</label>
			<label>
				{t('options.language')}
				<select name="language" value={language} onChange={(event) => setLanguageSetting(event.currentTarget.value as LanguageSetting)}>
					<option value="auto">{t('options.language.auto')}</option>
					<option value="en">{t('options.language.en')}</option>
					<option value="fr">{t('options.language.fr')}</option>
				</select>
			</label>
			<button type="submit">{t('options.save')}</button>
			{notice && (
				<p class={notice.error ? 'gx-notice gx-error' : 'gx-notice'} role="status" data-gx="options-notice">
					{notice.text}
				</p>
			)}
		</form>
	);
}
