import { useEffect, useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import { type BacklogFilters, sendManagerMessage } from '../../core/manager-messaging';
import { relativeTime, t } from '../../i18n';
import { BacklogFiltersBar } from './backlog-filters';
import { BacklogRow } from './backlog-row';
import { NoticeLine, useNotice } from './use-notice';

/**
 * Saves the CSV through a link with `download`: the popup never opens a tab for it. Reading the answer as text drops
 * the worker's byte-order mark, which Excel needs to read UTF-8 (French accents): it is put back.
 */
function download(csv: string) {
	const url = URL.createObjectURL(new Blob([csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: `glpi-improve-backlog-${new Date().toISOString().slice(0, 10)}.csv` });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Rows in the first paint: more than a popup (600 px high) or a tab shows above the fold. The others are added
 * right after that paint, before anyone can scroll to them: half the popup's first render was rows nobody sees yet.
 */
export const FIRST_PAINT_ROWS = 12;

interface Props {
	filters: BacklogFilters;
	onFilters(next: BacklogFilters): void;
	items: BacklogItem[] | null;
	onItems(items: BacklogItem[]): void;
	onOpen(id: string): void;
	/** When the first items shown were cached (read with the popup's first paint). */
	cachedAt: string | null;
}

/** The ranked backlog: a cached first page at once, the fresh one behind it, filters, paging and the CSV export. */
export function BacklogView({ filters, onFilters, items, onItems, onOpen, cachedAt: bootCachedAt }: Props) {
	const [cursor, setCursor] = useState<string | null>(null);
	const [loading, setLoading] = useState(true);
	const [cachedAt, setCachedAt] = useState<string | null>(bootCachedAt);
	const [notice, notify] = useNotice();
	// Items whose review date passed without a Check (issue 17): asked once the list shows, never before its paint.
	const [overdue, setOverdue] = useState<ReadonlySet<string>>(new Set());
	useEffect(() => {
		void sendManagerMessage('listPlans', undefined).then((result) => result.ok && setOverdue(new Set(result.value.filter((plan) => plan.overdue).map((plan) => plan.itemId))));
	}, []);

	const [rowLimit, setRowLimit] = useState(FIRST_PAINT_ROWS);
	// Effects run once the frame is painted: the first rows are on screen, and the rest of the list follows. The mark is
	// for the popup benchmark (scripts/bench-popup.js): when a list first shows (and below, when the fresh one does).
	useEffect(() => {
		if (items === null) return;
		if (performance.getEntriesByName('gx-backlog-shown').length === 0) performance.mark('gx-backlog-shown');
		setRowLimit(Infinity);
	}, [items]);

	useEffect(() => {
		let current = true;
		setLoading(true);
		void sendManagerMessage('listBacklog', { filters }).then((result) => {
			if (!current) return;
			setLoading(false);
			setCachedAt(null);
			if (performance.getEntriesByName('gx-backlog-fresh').length === 0) performance.mark('gx-backlog-fresh');
			if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
			onItems(result.value.items);
			setCursor(result.value.nextCursor);
		});
		return () => {
			current = false;
		};
	}, [filters]);

	async function loadMore() {
		if (!cursor) return;
		const result = await sendManagerMessage('listBacklog', { filters, cursor });
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		onItems([...(items ?? []), ...result.value.items]);
		setCursor(result.value.nextCursor);
	}

	async function exportCsv() {
		const result = await sendManagerMessage('exportCsv', filters);
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		download(result.value);
		notify(t('manager.exported', { count: Math.max(0, result.value.trimEnd().split('\n').length - 1) }));
	}

	return (
		<section aria-busy={loading}>
			<BacklogFiltersBar filters={filters} onChange={onFilters} />
			<div class="gx-toolbar">
				{cachedAt ? <span class="gx-muted">{t('manager.cachedAt', { when: relativeTime(cachedAt) })}</span> : loading ? <span class="gx-muted">{t('manager.refreshing')}</span> : <span />}
				<button type="button" onClick={() => void exportCsv()} data-gx="export-csv">
					{t('manager.export')}
				</button>
			</div>
			<NoticeLine notice={notice} />
			{items === null ? (
				<p>{t('popup.loading')}</p>
			) : items.length === 0 ? (
				<p class="gx-empty">{t('popup.empty')}</p>
			) : (
				<ol class="gx-backlog" data-gx="backlog">
					{items.slice(0, rowLimit).map((item) => (
						<BacklogRow key={item.id} item={item} onOpen={onOpen} overdue={overdue.has(item.id)} />
					))}
				</ol>
			)}
			{cursor && (
				<button type="button" class="gx-more" onClick={() => void loadMore()}>
					{t('manager.loadMore')}
				</button>
			)}
		</section>
	);
}
