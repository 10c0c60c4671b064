import { useEffect, useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import type { Plan } from '../../../shared/schemas/plan';
import { sendManagerMessage } from '../../core/manager-messaging';
import { baselineWords, formatMeasure } from '../../core/plan-words';
import { t } from '../../i18n';
import { ActForm } from './act-form';
import { PlanCheck } from './plan-check';
import { PlanForm } from './plan-form';
import { NoticeLine, useNotice } from './use-notice';

/** An Act answers the last Check when it came after it: a new "not met" asks for a new Act. */
const actAnswersCheck = (plan: Plan) => Boolean(plan.act && plan.check && plan.act.at.slice(0, 10) >= plan.check.on);

/**
 * PLAN, CHECK and ACT of one item (issue 17): its objective, the Check against it, and the Act when it was not met.
 * Each is written to the item's history by the worker: `onRecorded` reloads it.
 */
export function PlanPanel({ item, onItemChanged, onRecorded }: { item: BacklogItem; onItemChanged(item: BacklogItem): void; onRecorded(): void }) {
	const [plan, setPlan] = useState<Plan | null | undefined>(undefined);
	const [editing, setEditing] = useState(false);
	const [notice, notify] = useNotice();
	const failed = (message: string) => notify(t('popup.error', { message }), true);

	useEffect(() => {
		void sendManagerMessage('getPlan', item.id).then((result) => (result.ok ? setPlan(result.value) : failed(result.error)));
	}, [item.id]);

	let body;
	if (plan === undefined) body = <p class="gx-muted">{t('popup.loading')}</p>;
	else if (plan === null || editing) {
		body = (
			<>
				{plan === null && <p class="gx-muted">{t('plan.none')}</p>}
				<PlanForm
					item={item}
					previous={plan}
					onError={failed}
					{...(plan ? { onCancel: () => setEditing(false) } : {})}
					onSaved={(saved) => {
						setPlan(saved);
						setEditing(false);
						notify(t('plan.saved'));
						onRecorded();
					}}
				/>
			</>
		);
	} else {
		const categories = plan.categories.length ? t('plan.inCategories', { categories: plan.categories.join(', ') }) : '';
		body = (
			<>
				<dl class="gx-plan-summary" data-gx="plan-summary">
					<dt>{t('plan.objectiveIs', { objective: plan.objective })}</dt>
					<dd>{t('plan.measureIs', { measure: t(`plan.measure.${plan.measure}`), categories })}</dd>
					<dd data-gx="plan-baseline">{baselineWords(plan)}</dd>
					<dd>{t('plan.targetIs', { value: formatMeasure(plan.measure, plan.target) })}</dd>
					<dd>{t('plan.reviewIs', { date: plan.reviewOn })}</dd>
				</dl>
				<PlanCheck
					plan={plan}
					onError={failed}
					onChecked={(checked) => {
						setPlan(checked);
						onRecorded();
					}}
				/>
				{plan.check?.verdict === 'not-met' && !actAnswersCheck(plan) && (
					<ActForm
						itemId={item.id}
						onError={failed}
						onActed={(result) => {
							setPlan(result.plan);
							onItemChanged(result.item);
							notify(t('plan.act.saved'));
							if (result.plan.act?.next === 'plan') setEditing(true);
						}}
					/>
				)}
				{plan.act && (
					<p data-gx="plan-act">
						{t('plan.act.recorded', { date: plan.act.at.slice(0, 10), cause: plan.act.cause, next: t(`plan.act.next.${plan.act.next}`) })}
						{plan.act.reason ? ` (${plan.act.reason})` : ''}
					</p>
				)}
				<button type="button" data-gx="plan-new" onClick={() => setEditing(true)}>
					{t('plan.newObjective')}
				</button>
			</>
		);
	}
	return (
		<section class="gx-plan" data-gx="plan">
			<h3>{t('plan.title')}</h3>
			<NoticeLine notice={notice} />
			{body}
		</section>
	);
}
