import type { BacklogItem } from '../../../shared/schemas/backlog';
import { relativeTime, t } from '../../i18n';
import { Sparkline } from '../charts/sparkline';

/** One backlog item: a button, so the whole row is reachable with Tab and opens with Enter. */
export function BacklogRow({ item, onOpen, overdue = false }: { item: BacklogItem; onOpen(id: string): void; overdue?: boolean }) {
	const weekly = item.weekly ?? [];
	return (
		<li class="gx-item" data-gx-item={item.id}>
			<button type="button" class="gx-row" onClick={() => onOpen(item.id)}>
				<span class="gx-title">{item.title}</span>
				<span class="gx-meta">
					<span class={`gx-status gx-status-${item.status}`}>{t(`status.${item.status}`)}</span>
					{overdue && (
						<span class="gx-overdue" data-gx="review-overdue" title={t('plan.overdue')}>
							{t('manager.reviewOverdue')}
						</span>
					)}
					<span class="gx-kind-badge">{t(`kind.${item.kind}`)}</span>
					<span title={t('popup.score', { score: item.score.toFixed(2) })}>{t('popup.score', { score: item.score.toFixed(1) })}</span>
					<span>{t('popup.signals', { count: item.signalCount })}</span>
					<span>{t('popup.reporters', { count: item.reporterCount })}</span>
					{item.burstReporters ? (
						<span data-gx="burst-reporters" title={t('item.burstReporters', { count: item.burstReporters })}>
							{t('item.burstReportersShort', { count: item.burstReporters })}
						</span>
					) : null}
					<span>{t('manager.lastSeen', { when: relativeTime(item.lastSeen) })}</span>
					<Sparkline values={weekly} label={t('manager.sparkline', { weeks: weekly.length, values: weekly.join(', ') })} />
				</span>
			</button>
		</li>
	);
}
