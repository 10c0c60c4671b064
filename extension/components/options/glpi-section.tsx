import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { patternsOf } from '../../background/registration';
import { sendMessage } from '../../core/messaging';
import { t } from '../../i18n';
import { PolicyNote } from './policy-note';

/** The addresses whose origin the browser has not granted: the overlay cannot run there (a policy's, before an admin grants it). */
function useUngranted(urls: string[]): [string[], () => void] {
	const [ungranted, setUngranted] = useState<string[]>([]);
	const check = () =>
		void Promise.all(urls.map(async (url) => ((await browser.permissions.contains({ origins: [patternsOf(url)?.origin ?? url] }).catch(() => false)) ? null : url))).then((missing) =>
			setUngranted(missing.filter((url): url is string => url !== null)),
		);
	useEffect(check, [urls.join()]);
	return [ungranted, check];
}

type Notice = { text: string; error: boolean } | null;

/**
 * The GLPI addresses the overlay runs on. Adding one asks the browser for that origin (the prompt must come from the
 * click, so it is asked here, not in the background); removing one gives the permission back when no other address
 * needs it. The background then registers the content script and the context menu for what is granted.
 */
export function GlpiSection({ urls, policyUrls }: { urls: string[]; policyUrls: string[] }) {
	const [ungranted, recheck] = useUngranted(policyUrls);
	const [draft, setDraft] = useState('');
	const [notice, setNotice] = useState<Notice>(null);

	async function register(next: string[]) {
		const result = await sendMessage('registerGlpiUrls', next);
		if (!result.ok) setNotice({ text: result.error, error: true });
		return result.ok;
	}

	async function add(event: Event) {
		event.preventDefault();
		const url = draft.trim();
		const patterns = patternsOf(url);
		if (!patterns) return setNotice({ text: t('options.invalidUrl'), error: true });
		if (urls.some((known) => patternsOf(known)?.match === patterns.match)) return setNotice({ text: t('options.glpiKnown'), error: true });
		if (!(await browser.permissions.request({ origins: [patterns.origin] }))) {
			return setNotice({ text: t('options.permissionDenied', { origin: patterns.origin }), error: true });
		}
		if (await register([...urls, url])) {
			setDraft('');
			setNotice({ text: t('options.glpiAdded', { url }), error: false });
		}
	}

	/** A policy's address the browser has not granted: the user may allow it from this click. */
	async function allow(url: string) {
		const origin = patternsOf(url)?.origin;
		if (origin && (await browser.permissions.request({ origins: [origin] }))) await register(urls);
		recheck();
	}

	async function remove(url: string) {
		const next = urls.filter((known) => known !== url);
		const origin = patternsOf(url)?.origin;
		if (origin && !next.some((known) => patternsOf(known)?.origin === origin)) {
			// Test builds hold loopback from the manifest, which cannot be removed: the registration still drops the address.
			await browser.permissions.remove({ origins: [origin] }).catch(() => false);
		}
		if (await register(next)) setNotice({ text: t('options.glpiRemoved', { url }), error: false });
	}

	return (
		<form class="gx-section" onSubmit={(event) => void add(event)}>
			<h2>{t('options.glpi')}</h2>
			{urls.length === 0 ? (
				<p class="gx-help">{t('options.glpiNone')}</p>
			) : (
				<ul class="gx-urls">
					{urls.map((url) => (
						<li key={url} data-gx="glpi-url">
							<span>{url}</span>
							<PolicyNote on={policyUrls.includes(url)} />
							{!policyUrls.includes(url) && (
								<button type="button" class="gx-secondary" data-gx="remove-glpi" aria-label={t('options.glpiRemove', { url })} onClick={() => void remove(url)}>
									{t('options.remove')}
								</button>
							)}
							{ungranted.includes(url) && (
								<span class="gx-notice gx-error" role="alert" data-gx="glpi-not-granted">
									{t('managed.glpiNotGranted', { url })}{' '}
									<button type="button" onClick={() => void allow(url)}>
										{t('managed.allow')}
									</button>
								</span>
							)}
						</li>
					))}
				</ul>
			)}
			<label>
				{t('options.glpiAdd')}
				<input name="glpiUrl" type="url" placeholder="https://glpi.example.org/" value={draft} onInput={(event) => setDraft(event.currentTarget.value)} />
				<small>{t('options.glpiHelp')}</small>
			</label>
			<button type="submit" data-gx="add-glpi">
				{t('options.add')}
			</button>
			{notice && (
				<p class={notice.error ? 'gx-notice gx-error' : 'gx-notice'} role="status" data-gx="glpi-notice">
					{notice.text}
				</p>
			)}
		</form>
	);
}
