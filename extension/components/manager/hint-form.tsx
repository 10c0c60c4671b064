import { useState } from 'preact/hooks';
import type { HintInput, ManagerHint } from '../../../shared/schemas/hint';
import { sendManagerMessage } from '../../core/manager-messaging';
import { t } from '../../i18n';
import { NoticeLine, useNotice } from './use-notice';

/** The choices of the hint's interface (issue 15, item 9): '' is both, the default, as before the choice existed. */
export const HINT_INTERFACES = ['', 'central', 'helpdesk'] as const;
type HintInterfaceChoice = (typeof HINT_INTERFACES)[number];
export const hintInterfaceLabel = (choice: ManagerHint['interface'] | HintInterfaceChoice) => t(`hint.interface.${choice || 'both'}` as const);

/**
 * A hint for a page (and optionally one element of it), in English and French, with an optional link, for both GLPI
 * interfaces or one: a technician's hint about the central form means nothing to a self-service user.
 */
export function HintForm({ route = '', selector = '', onSaved }: { route?: string; selector?: string; onSaved?(): void }) {
	const [values, setValues] = useState({ route, selector, en: '', fr: '', link: '' });
	const [shownIn, setShownIn] = useState<HintInterfaceChoice>('');
	const [notice, notify] = useNotice();
	const field = (name: keyof typeof values) => ({
		name: `hint-${name}`,
		value: values[name],
		onInput: (event: Event) => setValues({ ...values, [name]: (event.currentTarget as HTMLInputElement).value }),
	});

	async function save(event: Event) {
		event.preventDefault();
		if (!values.en.trim() && !values.fr.trim()) return notify(t('hint.needText'), true);
		const input: HintInput = { route: values.route.trim(), text: {} };
		if (values.en.trim()) input.text.en = values.en.trim();
		if (values.fr.trim()) input.text.fr = values.fr.trim();
		if (shownIn) input.interface = shownIn;
		if (values.selector.trim()) input.selector = values.selector.trim();
		if (values.link.trim()) input.link = values.link.trim();
		const result = await sendManagerMessage('createHint', input);
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		setValues({ ...values, en: '', fr: '', link: '' });
		notify(t('hint.saved'));
		onSaved?.();
	}

	return (
		<form class="gx-hint-form" onSubmit={(event) => void save(event)} data-gx="hint-form">
			<h3>{t('hint.write')}</h3>
			<label>
				{t('hint.route')}
				<input required placeholder="/front/ticket.form.php" {...field('route')} />
			</label>
			<label>
				{t('hint.selector')}
				<input {...field('selector')} />
			</label>
			<label>
				{t('hint.interface')}
				<select name="hint-interface" value={shownIn} onChange={(event) => setShownIn(event.currentTarget.value as HintInterfaceChoice)}>
					{HINT_INTERFACES.map((choice) => (
						<option key={choice} value={choice}>
							{hintInterfaceLabel(choice)}
						</option>
					))}
				</select>
			</label>
			<label>
				{t('hint.textEn')}
				<textarea rows={2} maxLength={500} {...field('en')} />
			</label>
			<label>
				{t('hint.textFr')}
				<textarea rows={2} maxLength={500} {...field('fr')} />
			</label>
			<label>
				{t('hint.link')}
				<input type="url" {...field('link')} />
			</label>
			<button type="submit">{t('hint.save')}</button>
			<NoticeLine notice={notice} />
		</form>
	);
}
