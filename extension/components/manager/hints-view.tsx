import { useEffect, useState } from 'preact/hooks';
import type { Hint } from '../../../shared/schemas/hint';
import { sendManagerMessage } from '../../core/manager-messaging';
import { getLanguage, t } from '../../i18n';
import { HintForm, hintInterfaceLabel } from './hint-form';
import { NoticeLine, useNotice } from './use-notice';

/** Every hint managers wrote in this workspace, with a form for a new one. */
export function HintsView() {
	const [hints, setHints] = useState<Hint[] | null>(null);
	const [notice, notify] = useNotice();
	const load = () => void sendManagerMessage('listHints', undefined).then((result) => (result.ok ? setHints(result.value) : notify(t('popup.error', { message: result.error }), true)));
	useEffect(load, []);

	async function remove(id: string) {
		const result = await sendManagerMessage('deleteHint', id);
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		notify(t('hint.deleted'));
		load();
	}

	const language = getLanguage();
	const written = (hints ?? []).filter((hint) => hint.kind === 'manager');
	return (
		<section data-gx="hints">
			<NoticeLine notice={notice} />
			{hints === null ? (
				<p>{t('popup.loading')}</p>
			) : written.length === 0 ? (
				<p class="gx-muted">{t('hint.none')}</p>
			) : (
				<ul class="gx-hints">
					{written.map((hint) => (
						<li key={hint.id}>
							<span class="gx-route">
								{hint.route}
								{hint.selector ? ` — ${hint.selector}` : ''}
							</span>
							<span class="gx-muted" data-gx="hint-interface">
								{hintInterfaceLabel(hint.interface)}
							</span>
							<span>{hint.text[language] ?? hint.text.en ?? hint.text.fr}</span>
							<button type="button" onClick={() => void remove(hint.id)}>
								{t('hint.delete')}
							</button>
						</li>
					))}
				</ul>
			)}
			<HintForm onSaved={load} />
		</section>
	);
}
