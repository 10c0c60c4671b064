import { useEffect, useState } from 'preact/hooks';
import type { WhoAmI } from '../../../shared/schemas/workspace';
import { type Settings, settingsStorage, whoAmIStorage } from '../../core/storage';
import { resolveLanguage, setLanguage, t } from '../../i18n';
import { useLanguage } from '../use-language';
import { ConnectionSection } from './connection-section';
import { EnrollSection } from './enroll-section';
import { GlpiSection } from './glpi-section';
import { PreferencesSection } from './preferences-section';
import { usePolicy } from './use-policy';

/**
 * The options: the backend and its token (checked with the server when saved), the GLPI addresses (each granted by
 * the browser's permission prompt, revocable), and the preferences that apply at once (language, privacy, automatic
 * friction, features). Each section saves on its own.
 */
export function Options({ initial }: { initial: Settings }) {
	useLanguage();
	const [settings, setSettings] = useState(initial);
	const [me, setMe] = useState<WhoAmI | null>(null);
	const policy = usePolicy();

	useEffect(() => {
		void whoAmIStorage.getValue().then(setMe);
		const unwatchSettings = settingsStorage.watch((next) => next && setSettings(next));
		const unwatchMe = whoAmIStorage.watch((next) => setMe(next ?? null));
		return () => {
			unwatchSettings();
			unwatchMe();
		};
	}, []);

	/** Saves a change of preferences; a new language shows at once here, in the popup and on GLPI pages. */
	async function update(change: Partial<Settings>) {
		const next = { ...(await settingsStorage.getValue()), ...change };
		await settingsStorage.setValue(next);
		setSettings(next);
		if (change.language) {
			const language = resolveLanguage(change.language);
			setLanguage(language);
			document.documentElement.lang = language;
		}
	}

	return (
		<main class="gx-options">
			<h1>{t('options.title')}</h1>
			{policy.enrollmentError && (
				<p class="gx-notice gx-error" role="alert" data-gx="policy-enroll-error">
					{t('managed.enrollFailed', { message: policy.enrollmentError })}
				</p>
			)}
			{/* A policy that connects this browser leaves nothing to enroll or paste. */}
			{!policy.locked.has('connection') && <EnrollSection initialBackendUrl={settings.backendUrl} />}
			<ConnectionSection initialBackendUrl={settings.backendUrl} me={me} locked={policy.locked} />
			<GlpiSection urls={settings.glpiUrls} policyUrls={policy.glpiUrls} />
			<PreferencesSection settings={settings} me={me} locked={policy.locked} onChange={(change) => void update(change)} />
		</main>
	);
}
