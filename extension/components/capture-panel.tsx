import { useMemo, useRef, useState } from 'preact/hooks';
import { MAX_TEXT_LENGTH } from '../../shared/limits';
import type { Page, SignalKind } from '../../shared/schemas/signal';
import { outgoingOf } from '../core/outgoing';
import type { PrivacySettings } from '../core/settings';
import { t } from '../i18n';
import { useSendingForm } from './sending-form';
import { SendFooter } from './outgoing-preview';
import { useLanguage } from './use-language';

export type CaptureKind = Extract<SignalKind, 'idea' | 'friction' | 'bug' | 'praise'>;
const KINDS: CaptureKind[] = ['idea', 'friction', 'bug', 'praise'];

export interface CaptureInput {
	kind: CaptureKind;
	text: string;
	tags: string[];
	severity?: number;
}

/** "Too many steps, confusing" -> ["too-many-steps", "confusing"]: the tag shape of the API. */
export function parseTags(text: string): string[] {
	const tags = text
		.split(',')
		.map((tag) => tag.trim().toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32))
		.filter(Boolean);
	return [...new Set(tags)].slice(0, 10);
}

interface Props {
	/** Names shown on the page, redacted from the text in the preview and before sending. */
	names: string[];
	/** The page's context as it is attached (route, kind, item, interface, version, category, status). */
	page: Page;
	privacy: PrivacySettings;
	initialKind?: CaptureKind;
	onSubmit(input: CaptureInput): void;
	onCancel(): void;
	/** Present when friction tagging is on: switches to picking an element of the page. */
	onTagElement?: () => void;
}

export function CapturePanel({ names, page, privacy, initialKind = 'idea', onSubmit, onCancel, onTagElement }: Props) {
	useLanguage();
	const [kind, setKind] = useState<CaptureKind>(initialKind);
	const [text, setText] = useState('');
	const [tagText, setTagText] = useState('');
	const [severity, setSeverity] = useState<number | undefined>(undefined);
	const [error, setError] = useState('');
	const textArea = useRef<HTMLTextAreaElement>(null);
	const tags = parseTags(tagText);
	const outgoing = useMemo(
		() => outgoingOf({ kind, page, text, tags, names, ...(severity === undefined ? {} : { severity }) }, privacy),
		[kind, page, text, tagText, severity, names, privacy],
	);

	const form = useSendingForm(() => {
		if (!text.trim()) {
			setError(t('capture.emptyText'));
			textArea.current?.focus();
			return;
		}
		onSubmit(severity === undefined ? { kind, text, tags } : { kind, text, tags, severity });
	}, onCancel, setError);

	return (
		<form class="gx-panel" data-gx="capture-panel" aria-label={t('capture.title')} {...form}>
			<h2>{t('capture.title')}</h2>
			<fieldset class="gx-kinds">
				<legend>{t('capture.kind')}</legend>
				{KINDS.map((value) => (
					<label key={value} class={value === kind ? 'gx-kind gx-selected' : 'gx-kind'}>
						<input type="radio" name="gx-kind" value={value} checked={value === kind} onChange={() => setKind(value)} />
						{t(`capture.kind.${value}`)}
					</label>
				))}
			</fieldset>
			<label class="gx-field">
				{t('capture.text')}
				<textarea
					ref={textArea}
					name="gx-text"
					autoFocus
					rows={4}
					maxLength={MAX_TEXT_LENGTH}
					placeholder={t('capture.textPlaceholder')}
					value={text}
					onInput={(event) => {
						setText(event.currentTarget.value);
						setError('');
					}}
				/>
			</label>
			<label class="gx-field">
				{t('capture.tags')}
				<input name="gx-tags" value={tagText} onInput={(event) => setTagText(event.currentTarget.value)} />
			</label>
			<label class="gx-field">
				{t('capture.severity')}
				<select name="gx-severity" value={severity ?? ''} onChange={(event) => setSeverity(event.currentTarget.value ? Number(event.currentTarget.value) : undefined)}>
					<option value="">–</option>
					{[1, 2, 3, 4, 5].map((value) => (
						<option key={value} value={value}>
							{value}
						</option>
					))}
				</select>
			</label>
			{onTagElement && (
				<button type="button" class="gx-link" data-gx="tag-element" onClick={onTagElement}>
					{t('capture.tagElement')}
				</button>
			)}
			<SendFooter outgoing={outgoing} error={error} onCancel={onCancel} />
		</form>
	);
}
