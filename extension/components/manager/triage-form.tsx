import { useEffect, useState } from 'preact/hooks';
import type { BacklogItem, BacklogPatch } from '../../../shared/schemas/backlog';
import { ITEM_STATUSES } from '../../../shared/vocabulary';
import { t } from '../../i18n';

/**
 * Triage: the PDCA stage as a row of buttons (one click moves the item), and title, owner and note saved together.
 * Changes are applied by the parent optimistically and rolled back when the server refuses them.
 */
export function TriageForm({ item, onPatch }: { item: BacklogItem; onPatch(patch: BacklogPatch): void }) {
	const [title, setTitle] = useState(item.title);
	const [owner, setOwner] = useState(item.owner ?? '');
	const [note, setNote] = useState(item.note ?? '');
	useEffect(() => {
		setTitle(item.title);
		setOwner(item.owner ?? '');
		setNote(item.note ?? '');
	}, [item.title, item.owner, item.note]);

	function save(event: Event) {
		event.preventDefault();
		const patch: BacklogPatch = {};
		if (title.trim() && title.trim() !== item.title) patch.title = title.trim();
		if (owner.trim() !== (item.owner ?? '')) patch.owner = owner.trim() || null;
		if (note !== (item.note ?? '')) patch.note = note || null;
		if (Object.keys(patch).length > 0) onPatch(patch);
	}

	return (
		<form class="gx-triage" onSubmit={save}>
			<fieldset class="gx-stages">
				<legend>{t('item.stage')}</legend>
				{ITEM_STATUSES.map((status) => (
					<button
						key={status}
						type="button"
						class={status === item.status ? 'gx-stage gx-current' : 'gx-stage'}
						aria-pressed={status === item.status}
						data-gx-status={status}
						onClick={() => status !== item.status && onPatch({ status })}
					>
						{t(`status.${status}`)}
					</button>
				))}
			</fieldset>
			<label>
				{t('item.title')}
				<input name="title" value={title} maxLength={200} onInput={(event) => setTitle(event.currentTarget.value)} />
			</label>
			<label>
				{t('item.owner')}
				<input name="owner" value={owner} maxLength={100} onInput={(event) => setOwner(event.currentTarget.value)} />
			</label>
			<label>
				{t('item.note')}
				<textarea name="note" rows={2} maxLength={2000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
			</label>
			<button type="submit">{t('item.save')}</button>
		</form>
	);
}
