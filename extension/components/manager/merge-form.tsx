import { useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import { t } from '../../i18n';

/** Merge this item into another one of the list: its signals then count for the target, and so do later ones. */
export function MergeForm({ item, candidates, onMerge }: { item: BacklogItem; candidates: BacklogItem[]; onMerge(into: string): void }) {
	const others = candidates.filter((candidate) => candidate.id !== item.id);
	const [target, setTarget] = useState('');
	if (others.length === 0) return null;
	return (
		<form
			class="gx-merge"
			onSubmit={(event) => {
				event.preventDefault();
				if (target) onMerge(target);
			}}
		>
			<h3>{t('item.merge')}</h3>
			<label>
				{t('item.mergeTarget')}
				<select name="mergeInto" value={target} onChange={(event) => setTarget(event.currentTarget.value)}>
					<option value="">–</option>
					{others.map((candidate) => (
						<option key={candidate.id} value={candidate.id}>
							{candidate.title.slice(0, 80)} ({t(`kind.${candidate.kind}`)}, {candidate.signalCount})
						</option>
					))}
				</select>
			</label>
			<button type="submit" disabled={!target}>
				{t('item.mergeButton')}
			</button>
		</form>
	);
}
