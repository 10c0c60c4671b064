import { useMemo, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { outgoingOf } from '../core/outgoing';
import type { PrivacySettings } from '../core/settings';
import { t } from '../i18n';
import { useSendingForm } from './sending-form';
import { SendFooter } from './outgoing-preview';
import { useLanguage } from './use-language';

/** The friction tags offered on an element; the backlog groups friction by element and shared tag (API.md). */
export const FRICTION_TAGS = ['confusing', 'slow', 'missing-option', 'too-many-steps', 'error', 'unclear-label'] as const;

export interface FrictionInput {
	tags: string[];
	text: string;
}

interface Props {
	target: { selector: string; label?: string } | undefined;
	page: Page;
	names: string[];
	privacy: PrivacySettings;
	onSubmit(input: FrictionInput): void;
	onCancel(): void;
}

/** After an element is picked: one or more tags and an optional word, with the preview of what leaves. */
export function FrictionForm({ target, page, names, privacy, onSubmit, onCancel }: Props) {
	useLanguage();
	const [tags, setTags] = useState<string[]>([]);
	const [text, setText] = useState('');
	const [error, setError] = useState('');
	const outgoing = useMemo(() => outgoingOf({ kind: 'friction', page, tags, text, names, ...(target ? { target } : {}) }, privacy), [page, tags, text, names, privacy, target]);
	const toggle = (tag: string) => {
		setTags((current) => (current.includes(tag) ? current.filter((item) => item !== tag) : [...current, tag]));
		setError('');
	};
	const form = useSendingForm(() => {
		if (tags.length === 0) return setError(t('friction.noTag'));
		onSubmit({ tags, text });
	}, onCancel, setError);

	return (
		<form class="gx-panel" data-gx="friction-form" aria-label={t('friction.title')} {...form}>
			<h2>{t('friction.title')}</h2>
			<p class="gx-context">{target ? (target.label ?? target.selector) : t('friction.wholePage')}</p>
			<fieldset class="gx-kinds">
				<legend>{t('friction.tags')}</legend>
				{FRICTION_TAGS.map((tag) => (
					<label key={tag} class={tags.includes(tag) ? 'gx-kind gx-selected' : 'gx-kind'}>
						<input type="checkbox" name="gx-friction-tag" value={tag} checked={tags.includes(tag)} onChange={() => toggle(tag)} />
						{t(`friction.tag.${tag}`)}
					</label>
				))}
			</fieldset>
			<label class="gx-field">
				{t('friction.word')}
				<input name="gx-friction-text" value={text} maxLength={200} onInput={(event) => {
						setText(event.currentTarget.value);
						setError('');
					}} />
			</label>
			<SendFooter outgoing={outgoing} error={error} onCancel={onCancel} />
		</form>
	);
}
