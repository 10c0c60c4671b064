import { useEffect, useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import type { CheckMetric } from '../../../shared/schemas/metrics';
import { checkSentence } from '../../core/check-words';
import { sendManagerMessage } from '../../core/manager-messaging';
import { t } from '../../i18n';
import { BeforeAfter } from '../charts/before-after';

const YEAR_MS = 365 * 86_400_000;

/** For items in check or done: the signal rate before and after the item entered "do", as a chart and in words. */
export function CheckPanel({ item }: { item: BacklogItem }) {
	const [check, setCheck] = useState<CheckMetric | null | undefined>(undefined);
	useEffect(() => {
		if (item.status !== 'check' && item.status !== 'done') return;
		const from = new Date(Date.now() - YEAR_MS).toISOString().slice(0, 10);
		void sendManagerMessage('getMetrics', { from }).then((result) => setCheck(result.ok ? (result.value.checks.find((entry) => entry.itemId === item.id) ?? null) : null));
	}, [item.id, item.status]);

	if (item.status !== 'check' && item.status !== 'done') return null;
	if (check === undefined) return <p class="gx-muted">{t('popup.loading')}</p>;
	return (
		<section class="gx-check">
			<h3>{t('check.title')}</h3>
			{check === null ? (
				<p class="gx-muted">{t('check.notInDo')}</p>
			) : (
				<BeforeAfter
					before={check.before.perWeek ?? 0}
					after={check.after.perWeek ?? 0}
					labels={{
						before: `${t('check.before')}: ${t('check.perWeek', { rate: (check.before.perWeek ?? 0).toFixed(1) })}`,
						after: `${t('check.after')}: ${t('check.perWeek', { rate: (check.after.perWeek ?? 0).toFixed(1) })}`,
					}}
					caption={checkSentence(check, t(`kind.${item.kind}`))}
				/>
			)}
		</section>
	);
}
