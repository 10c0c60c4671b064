import { useState } from 'preact/hooks';
import type { Plan } from '../../../shared/schemas/plan';
import { sendManagerMessage } from '../../core/manager-messaging';
import { formatMeasure, verdictWords } from '../../core/plan-words';
import { t } from '../../i18n';
import { ObjectiveBars } from '../charts/objective-bars';

const today = () => new Date().toISOString().slice(0, 10);
const VERDICT_COLORS: Record<NonNullable<Plan['check']>['verdict'], string> = { met: '#16a34a', 'not-met': '#dc2626', 'too-early': '#94a3b8', unknown: '#94a3b8' };

/**
 * CHECK: from the review date on, the measure now against its baseline and target, with the verdict in words and a
 * chart. The worker measures the weeks after the change went in (or after the plan was set), to the last whole week.
 */
export function PlanCheck({ plan, onChecked, onError }: { plan: Plan; onChecked(plan: Plan): void; onError(message: string): void }) {
	const [busy, setBusy] = useState(false);
	const due = today() >= plan.reviewOn;

	async function check() {
		setBusy(true);
		const result = await sendManagerMessage('checkPlan', plan.itemId);
		setBusy(false);
		if (!result.ok) return onError(result.error);
		onChecked(result.value);
	}

	const { check: last } = plan;
	return (
		<div class="gx-plan-check" data-gx="plan-check">
			{plan.overdue && (
				<p class="gx-overdue" data-gx="plan-overdue">
					{t('plan.overdue')}
				</p>
			)}
			{due ? (
				<button type="button" data-gx="plan-check-now" disabled={busy} onClick={() => void check()}>
					{t('plan.checkNow')}
				</button>
			) : (
				<p class="gx-muted">{t('plan.checkOn', { date: plan.reviewOn })}</p>
			)}
			{last && (
				<>
					<p class="gx-muted">{t('plan.checked', { date: last.on, from: last.from, to: last.to })}</p>
					<ObjectiveBars
						caption={verdictWords(plan)}
						bars={[
							{ label: t('plan.chart.baseline'), value: plan.baseline.value, text: formatMeasure(plan.measure, plan.baseline.value), color: '#94a3b8' },
							{ label: t('plan.chart.now'), value: last.measured.value, text: formatMeasure(plan.measure, last.measured.value), color: VERDICT_COLORS[last.verdict] },
							{ label: t('plan.chart.target'), value: plan.target, text: formatMeasure(plan.measure, plan.target), color: '#2563eb' },
						]}
					/>
				</>
			)}
		</div>
	);
}
