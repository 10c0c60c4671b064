import { useEffect, useState } from 'preact/hooks';
import { type FiguresView, sendManagerMessage } from '../../core/manager-messaging';
import { formatMeasure } from '../../core/plan-words';
import { relativeTime, t } from '../../i18n';
import { Sparkline } from '../charts/sparkline';

const WEEKS = 12;

function trendWords(trend: number | null): string {
	if (trend === null) return t('plan.unit.unknown');
	if (Math.abs(trend - 1) < 0.05) return t('dashboard.figures.trendFlat');
	return t(trend > 1 ? 'dashboard.figures.trendUp' : 'dashboard.figures.trendDown', { ratio: trend.toFixed(2) });
}

/**
 * GLPI's service figures of the last 12 weeks per category (issue 17), beside the signals: tickets opened each week as
 * a line, the period's median time to solve, late and reopened shares and satisfaction, and the volume's trend (the
 * second half of the weeks against the first). What GLPI's export did not give reads "unknown", never 0.
 */
export function ServiceFiguresPanel() {
	const [view, setView] = useState<FiguresView | null>(null);
	const [error, setError] = useState<string | null>(null);
	useEffect(() => {
		void sendManagerMessage('serviceFigures', { weeks: WEEKS }).then((result) => (result.ok ? setView(result.value) : setError(result.error)));
	}, []);

	if (error) return <p class="gx-error">{t('popup.error', { message: error })}</p>;
	if (!view) return <p class="gx-muted">{t('popup.loading')}</p>;
	return (
		<section class="gx-figures" data-gx="service-figures">
			<h3>{t('dashboard.figures')}</h3>
			{view.categories.length === 0 ? (
				<p class="gx-muted">{t('dashboard.figuresNone')}</p>
			) : (
				<>
					<p class="gx-muted">
						{t('dashboard.figuresRange', { from: view.from, to: view.to, when: view.readAt ? relativeTime(view.readAt) : '–' })}
						{view.missing.length > 0 && ` ${t('dashboard.figuresMissing', { count: view.missing.length })}`}
					</p>
					<table class="gx-figures-table">
						<thead>
							<tr>
								<th>{t('dashboard.figures.category')}</th>
								<th>{t('dashboard.figures.trendLine')}</th>
								<th>{t('dashboard.figures.opened')}</th>
								<th>{t('dashboard.figures.median')}</th>
								<th>{t('dashboard.figures.late')}</th>
								<th>{t('dashboard.figures.reopen')}</th>
								<th>{t('dashboard.figures.satisfaction')}</th>
								<th>{t('dashboard.figures.trend')}</th>
							</tr>
						</thead>
						<tbody>
							{view.categories.map((row) => (
								<tr key={row.category} data-gx-category={row.category}>
									<th scope="row">{row.category}</th>
									<td>
										<Sparkline
											values={row.perWeek.map((value) => value ?? 0)}
											label={t('dashboard.figures.trendLabel', { category: row.category, values: row.perWeek.map((value) => value ?? '?').join(', ') })}
										/>
									</td>
									<td data-gx="figure-opened">{formatMeasure('opened-per-week', row.openedPerWeek)}</td>
									<td>{formatMeasure('median-hours-to-solve', row.medianHours)}</td>
									<td>{formatMeasure('late-share', row.lateShare)}</td>
									<td>{formatMeasure('reopen-share', row.reopenShare)}</td>
									<td>{row.satisfaction === null ? t('plan.unit.unknown') : `${formatMeasure('satisfaction', row.satisfaction)} (${row.satisfactionAnswers})`}</td>
									<td data-gx="figure-trend">{trendWords(row.trend)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</>
			)}
		</section>
	);
}
