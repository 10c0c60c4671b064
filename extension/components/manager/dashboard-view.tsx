import { useEffect, useState } from 'preact/hooks';
import { ITEM_STATUSES, SIGNAL_KINDS } from '../../../shared/vocabulary';
import type { Metrics } from '../../../shared/schemas/metrics';
import { checkSentence } from '../../core/check-words';
import { sendManagerMessage } from '../../core/manager-messaging';
import { t } from '../../i18n';
import { StackedBars } from '../charts/stacked-bars';
import { PlanExport } from './plan-export';
import { ServiceFiguresPanel } from './service-figures-panel';
import { NoticeLine, useNotice } from './use-notice';

const KIND_COLORS: Record<(typeof SIGNAL_KINDS)[number], string> = {
	idea: '#2563eb',
	friction: '#d97706',
	bug: '#dc2626',
	praise: '#16a34a',
	'auto-friction': '#a855f7',
	pattern: '#0891b2',
};
const DAYS = 30;

/** Signals per day by kind, GLPI's service figures per category beside them, items per status, top pages, the median time to triage, and the changes being checked. */
export function DashboardView() {
	const [metrics, setMetrics] = useState<Metrics | null>(null);
	const [notice, notify] = useNotice();
	useEffect(() => {
		void sendManagerMessage('getMetrics', {}).then((result) => (result.ok ? setMetrics(result.value) : notify(t('popup.error', { message: result.error }), true)));
	}, []);
	if (!metrics) return notice ? <NoticeLine notice={notice} /> : <p>{t('popup.loading')}</p>;

	const maxStatus = Math.max(1, ...ITEM_STATUSES.map((status) => metrics.itemsPerStatus[status]));
	return (
		<section class="gx-dashboard" data-gx="dashboard">
			<PlanExport />
			<h3>
				{t('dashboard.perDay')} <span class="gx-muted">({t('dashboard.range', { days: DAYS })})</span>
			</h3>
			<StackedBars
				label={t('dashboard.perDay')}
				rows={metrics.signalsPerDay.map((day) => ({ label: day.day, values: day.counts }))}
				series={SIGNAL_KINDS.map((kind) => ({ key: kind, label: t(`kind.${kind}`), color: KIND_COLORS[kind] }))}
			/>
			<ServiceFiguresPanel />
			<h3>{t('dashboard.perStatus')}</h3>
			<ul class="gx-status-bars" data-gx="items-per-status">
				{ITEM_STATUSES.map((status) => (
					<li key={status}>
						<span class="gx-label">{t(`status.${status}`)}</span>
						<span class="gx-bar" style={{ width: `${(metrics.itemsPerStatus[status] / maxStatus) * 60}%` }} />
						<span>{metrics.itemsPerStatus[status]}</span>
					</li>
				))}
			</ul>
			<p>{metrics.triage.medianHours === null ? t('dashboard.noTriage') : t('dashboard.triage', { hours: metrics.triage.medianHours.toFixed(1), count: metrics.triage.count })}</p>
			<h3>{t('dashboard.topPages')}</h3>
			<ol class="gx-top-pages">
				{metrics.topPages.map((page) => (
					<li key={page.route}>
						<span class="gx-route">{page.route}</span> · {page.signals}
					</li>
				))}
			</ol>
			{metrics.checks.length > 0 && (
				<>
					<h3>{t('dashboard.checks')}</h3>
					<ul class="gx-checks">
						{metrics.checks.map((check) => (
							<li key={check.itemId}>
								<strong>{check.title}</strong>: {checkSentence(check, t('check.anyKind'))}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	);
}
