import type { BacklogItem } from '../../../shared/schemas/backlog';
import { t } from '../../i18n';

export function BacklogList({ items }: { items: BacklogItem[] }) {
	if (items.length === 0) return <p class="gx-empty">{t('popup.empty')}</p>;
	return (
		<ol class="gx-backlog" data-gx="backlog">
			{items.map((item) => (
				<li key={item.id} class="gx-item" data-gx-item={item.id}>
					<span class="gx-title">{item.title}</span>
					<span class="gx-meta">
						<span class={`gx-status gx-status-${item.status}`}>{t(`status.${item.status}`)}</span>
						<span>{t(`kind.${item.kind}`)}</span>
						<span>{t('popup.score', { score: item.score.toFixed(1) })}</span>
						<span>{t('popup.signals', { count: item.signalCount })}</span>
						<span>{t('popup.reporters', { count: item.reporterCount })}</span>
					</span>
				</li>
			))}
		</ol>
	);
}
