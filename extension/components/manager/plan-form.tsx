import { useEffect, useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import type { Plan, PlanInput } from '../../../shared/schemas/plan';
import { PLAN_MEASURES, type PlanMeasure } from '../../../shared/vocabulary';
import { lastWholeWeeks } from '../../core/iso-week';
import { sendManagerMessage } from '../../core/manager-messaging';
import { isShare } from '../../core/plan-words';
import { t } from '../../i18n';

const DAY_MS = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

interface Props {
	item: BacklogItem;
	/** The last plan, whose values the form starts from (a new objective after an Act). */
	previous: Plan | null;
	onSaved(plan: Plan): void;
	onCancel?: () => void;
	onError(message: string): void;
}

/**
 * PLAN: an objective in words, one measure (the item's own signal rate, or one of GLPI's service measures for its
 * categories), the weeks of its baseline (computed by the worker), a target and a review date. By default the
 * baseline is the 8 whole weeks before this one, and the review comes in 4 weeks.
 */
export function PlanForm({ item, previous, onSaved, onCancel, onError }: Props) {
	const weeks = lastWholeWeeks(8);
	const [objective, setObjective] = useState(previous?.objective ?? '');
	const [measure, setMeasure] = useState<PlanMeasure>(previous?.measure ?? (item.kind === 'pattern' ? 'opened-per-week' : 'signal-rate'));
	const [categories, setCategories] = useState((previous?.categories ?? []).join('\n'));
	const [from, setFrom] = useState(previous?.baselineFrom ?? weeks.from);
	const [to, setTo] = useState(previous?.baselineTo ?? weeks.to);
	const [target, setTarget] = useState(previous ? String(isShare(previous.measure) ? Math.round(previous.target * 100) : previous.target) : '');
	const [reviewOn, setReviewOn] = useState(day(Date.now() + 28 * DAY_MS));
	const [known, setKnown] = useState<string[]>([]);
	const [busy, setBusy] = useState(false);

	// The categories GLPI's figures know, to pick from (the names must match GLPI's complete names).
	useEffect(() => {
		void sendManagerMessage('serviceFigures', { weeks: 26 }).then((result) => result.ok && setKnown(result.value.categories.map((entry) => entry.category)));
	}, []);

	async function save(event: Event) {
		event.preventDefault();
		const typed = Number(target);
		const plan: PlanInput = {
			objective: objective.trim(),
			measure,
			categories: measure === 'signal-rate' ? [] : categories.split('\n').map((line) => line.trim()).filter(Boolean),
			baselineFrom: from,
			baselineTo: to,
			target: isShare(measure) ? typed / 100 : typed,
			reviewOn,
		};
		setBusy(true);
		const result = await sendManagerMessage('putPlan', { itemId: item.id, plan });
		setBusy(false);
		if (!result.ok) return onError(result.error);
		onSaved(result.value);
	}

	const add = (name: string) => setCategories((current) => [...new Set([...current.split('\n').map((line) => line.trim()).filter(Boolean), name])].join('\n'));
	return (
		<form class="gx-plan-form" data-gx="plan-form" onSubmit={(event) => void save(event)}>
			<label>
				{t('plan.objective')}
				<textarea name="plan-objective" required maxLength={500} rows={2} value={objective} onInput={(event) => setObjective(event.currentTarget.value)} />
			</label>
			<label>
				{t('plan.measure')}
				<select name="plan-measure" value={measure} onChange={(event) => setMeasure(event.currentTarget.value as PlanMeasure)}>
					{PLAN_MEASURES.map((name) => (
						<option key={name} value={name}>
							{t(`plan.measure.${name}`)}
						</option>
					))}
				</select>
			</label>
			{measure !== 'signal-rate' && (
				<label>
					{t('plan.categories')}
					<textarea name="plan-categories" rows={2} value={categories} onInput={(event) => setCategories(event.currentTarget.value)} />
					{known.length > 0 && (
						<span class="gx-muted" data-gx="plan-known-categories">
							{t('plan.knownCategories')}{' '}
							{known.map((name) => (
								<button key={name} type="button" class="gx-chip" onClick={() => add(name)}>
									{name}
								</button>
							))}
						</span>
					)}
				</label>
			)}
			<label>
				{t('plan.baselineFrom')} <input type="week" name="plan-baseline-from" required value={from} onInput={(event) => setFrom(event.currentTarget.value)} />
			</label>
			<label>
				{t('plan.baselineTo')} <input type="week" name="plan-baseline-to" required value={to} onInput={(event) => setTo(event.currentTarget.value)} />
			</label>
			<label>
				{isShare(measure) ? t('plan.targetPercent') : t('plan.target')}
				<input type="number" name="plan-target" required min={0} max={isShare(measure) ? 100 : measure === 'satisfaction' ? 5 : undefined} step="any" value={target} onInput={(event) => setTarget(event.currentTarget.value)} />
			</label>
			<label>
				{t('plan.reviewOn')} <input type="date" name="plan-review" required value={reviewOn} onInput={(event) => setReviewOn(event.currentTarget.value)} />
			</label>
			<button type="submit" disabled={busy}>
				{t('plan.save')}
			</button>
			{onCancel && (
				<button type="button" onClick={onCancel}>
					{t('plan.cancel')}
				</button>
			)}
		</form>
	);
}
