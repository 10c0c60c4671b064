import { useEffect, useState } from 'preact/hooks';
import type { BacklogDetail, BacklogItem, BacklogPatch } from '../../../shared/schemas/backlog';
import { sendManagerMessage } from '../../core/manager-messaging';
import { t } from '../../i18n';
import { AuditList } from './audit-list';
import { CheckPanel } from './check-panel';
import { EvidenceList } from './evidence-list';
import { GlpiPush } from './glpi-push';
import { HintForm } from './hint-form';
import { MergeForm } from './merge-form';
import { TriageForm } from './triage-form';
import { PlanPanel } from './plan-panel';
import { NoticeLine, useNotice } from './use-notice';

interface Props {
	id: string;
	glpiUrl: string;
	/** The list the item came from: merge targets, and where changes are mirrored. */
	items: BacklogItem[];
	onChanged(item: BacklogItem): void;
	onMerged(sourceId: string, target: BacklogItem): void;
	onBack(): void;
}

/** One item: triage, its objective (PLAN, CHECK, ACT), the signal-rate Check, evidence, history, merge, a hint for its page, and the push to GLPI. */
export function ItemView({ id, glpiUrl, items, onChanged, onMerged, onBack }: Props) {
	const [detail, setDetail] = useState<BacklogDetail | null>(null);
	const [notice, notify] = useNotice();

	const load = () =>
		void sendManagerMessage('getItem', id).then((result) => (result.ok ? setDetail(result.value) : notify(t('popup.error', { message: result.error }), true)));
	useEffect(load, [id]);

	// Optimistic: the change shows at once; if the server refuses it, the previous values come back with the reason.
	async function patch(change: BacklogPatch) {
		if (!detail) return;
		const previous = detail.item;
		const optimistic: BacklogItem = { ...previous, ...(change as Partial<BacklogItem>) };
		if (change.owner === null) delete optimistic.owner;
		if (change.note === null) delete optimistic.note;
		setDetail({ ...detail, item: optimistic });
		onChanged(optimistic);
		const result = await sendManagerMessage('patchItem', { id, patch: change });
		if (!result.ok) {
			setDetail((current) => (current ? { ...current, item: previous } : current));
			onChanged(previous);
			return notify(t('item.rolledBack', { message: result.error }), true);
		}
		onChanged(result.value);
		notify(t('item.saved'));
		load();
	}

	async function merge(into: string) {
		const result = await sendManagerMessage('mergeItem', { id, into });
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		onMerged(id, result.value);
	}

	if (!detail) {
		return (
			<section>
				<button type="button" class="gx-back" onClick={onBack}>
					← {t('manager.back')}
				</button>
				<NoticeLine notice={notice} />
				{!notice && <p>{t('popup.loading')}</p>}
			</section>
		);
	}
	const { item } = detail;
	return (
		<article class="gx-detail" data-gx="item-detail" data-gx-item={item.id}>
			<button type="button" class="gx-back" onClick={onBack}>
				← {t('manager.back')}
			</button>
			<h2>{item.title}</h2>
			<p class="gx-meta">
				<span class="gx-kind-badge">{t(`kind.${item.kind}`)}</span>
				<span>{t('popup.score', { score: item.score.toFixed(1) })}</span>
				<span>{t('popup.signals', { count: item.signalCount })}</span>
				<span>{t('popup.reporters', { count: item.reporterCount })}</span>
				{item.route && <span class="gx-route">{item.route}</span>}
			</p>
			{detail.mergedInto && <p class="gx-muted">{t('item.mergedAway')}</p>}
			{item.burstReporters ? (
				<p class="gx-muted" data-gx="burst-reporters">
					{t('item.burstReporters', { count: item.burstReporters })}
				</p>
			) : null}
			<NoticeLine notice={notice} />
			<TriageForm item={item} onPatch={(change) => void patch(change)} />
			<PlanPanel
				item={item}
				onRecorded={load}
				onItemChanged={(changed) => {
					setDetail({ ...detail, item: changed });
					onChanged(changed);
					// The Act is in the item's history now.
					load();
				}}
			/>
			<CheckPanel item={item} />
			<GlpiPush item={item} onPushed={(glpi) => setDetail({ ...detail, item: { ...item, glpi } })} />
			<EvidenceList evidence={detail.evidence} glpiUrl={glpiUrl} />
			<AuditList audit={detail.audit} />
			<MergeForm item={item} candidates={items} onMerge={(into) => void merge(into)} />
			<HintForm route={item.route ?? ''} selector={item.selector ?? ''} />
		</article>
	);
}
