import { useEffect, useState } from 'preact/hooks';
import { sendManagerMessage } from '../../core/manager-messaging';
import { type GlpiApiSettings, glpiApiStorage } from '../../core/storage';
import { t } from '../../i18n';

type Notice = { text: string; error: boolean } | null;

/**
 * GLPI's REST API access for "push to GLPI": the user's own API token and the App-Token, kept in extension storage and
 * used by the background only. Saving tests them by opening and closing a session, so a mistake shows here, not later.
 */
export function GlpiApiSection() {
	const [values, setValues] = useState<GlpiApiSettings>({ glpiUrl: '', userToken: '', appToken: '' });
	const [notice, setNotice] = useState<Notice>(null);
	useEffect(() => void glpiApiStorage.getValue().then(setValues), []);
	const field = (name: keyof GlpiApiSettings) => ({
		name: `glpiApi-${name}`,
		value: values[name],
		onInput: (event: Event) => setValues({ ...values, [name]: (event.currentTarget as HTMLInputElement).value }),
	});

	async function save(event: Event) {
		event.preventDefault();
		await glpiApiStorage.setValue({ glpiUrl: values.glpiUrl.trim().replace(/\/+$/, ''), userToken: values.userToken.trim(), appToken: values.appToken.trim() });
		const result = await sendManagerMessage('checkGlpiApi', undefined);
		setNotice(result.ok ? { text: t('glpiApi.ok'), error: false } : { text: t(`glpi.error.${result.reason}`, { detail: result.detail }), error: true });
	}

	return (
		<form class="gx-options gx-options-section" onSubmit={(event) => void save(event)} data-gx="glpi-api-options">
			<h2>{t('glpiApi.title')}</h2>
			<p>{t('glpiApi.help')}</p>
			<label>
				{t('glpiApi.url')}
				<input type="url" {...field('glpiUrl')} />
			</label>
			<label>
				{t('glpiApi.userToken')}
				<input type="password" autoComplete="off" {...field('userToken')} />
			</label>
			<label>
				{t('glpiApi.appToken')}
				<input type="password" autoComplete="off" {...field('appToken')} />
			</label>
			<button type="submit">{t('glpiApi.save')}</button>
			{notice && (
				<p class={notice.error ? 'gx-notice gx-error' : 'gx-notice'} role="status" data-gx="glpi-api-notice">
					{notice.text}
				</p>
			)}
		</form>
	);
}
