import { useEffect, useState } from 'preact/hooks';
import { ITEM_STATUSES, OPEN_STATUSES, SIGNAL_KINDS } from '../../../shared/vocabulary';
import type { BacklogFilters } from '../../core/manager-messaging';
import { t } from '../../i18n';

const statusValue = (filters: BacklogFilters) =>
	!filters.status?.length ? 'any' : filters.status.length === OPEN_STATUSES.length && OPEN_STATUSES.every((status) => filters.status?.includes(status)) ? 'open' : (filters.status[0] ?? 'any');

/** The backlog's filters: status, kind, page, words, and the order. Typing waits for a pause before asking again. */
export function BacklogFiltersBar({ filters, onChange }: { filters: BacklogFilters; onChange(next: BacklogFilters): void }) {
	const [q, setQ] = useState(filters.q ?? '');
	const [route, setRoute] = useState(filters.route ?? '');
	useEffect(() => {
		const timer = setTimeout(() => {
			const next = { ...filters, q: q.trim() || undefined, route: route.trim() || undefined };
			if (next.q !== filters.q || next.route !== filters.route) onChange(next);
		}, 300);
		return () => clearTimeout(timer);
	}, [q, route, filters]);

	const setStatus = (value: string) =>
		onChange({ ...filters, status: value === 'any' ? undefined : value === 'open' ? [...OPEN_STATUSES] : [value] });
	return (
		<div class="gx-filters" role="search">
			<label>
				{t('manager.filter.status')}
				<select name="status" value={statusValue(filters)} onChange={(event) => setStatus(event.currentTarget.value)}>
					<option value="open">{t('manager.filter.open')}</option>
					<option value="any">{t('manager.filter.any')}</option>
					{ITEM_STATUSES.map((status) => (
						<option key={status} value={status}>
							{t(`status.${status}`)}
						</option>
					))}
				</select>
			</label>
			<label>
				{t('manager.filter.kind')}
				<select name="kind" value={filters.kind?.[0] ?? ''} onChange={(event) => onChange({ ...filters, kind: event.currentTarget.value ? [event.currentTarget.value] : undefined })}>
					<option value="">{t('manager.filter.any')}</option>
					{SIGNAL_KINDS.map((kind) => (
						<option key={kind} value={kind}>
							{t(`kind.${kind}`)}
						</option>
					))}
				</select>
			</label>
			<label>
				{t('manager.sort')}
				<select name="sort" value={filters.sort} onChange={(event) => onChange({ ...filters, sort: event.currentTarget.value === 'recent' ? 'recent' : 'score' })}>
					<option value="score">{t('manager.sort.score')}</option>
					<option value="recent">{t('manager.sort.recent')}</option>
				</select>
			</label>
			<label class="gx-grow">
				{t('manager.filter.search')}
				<input name="q" type="search" value={q} onInput={(event) => setQ(event.currentTarget.value)} />
			</label>
			<label class="gx-grow">
				{t('manager.filter.page')}
				<input name="route" placeholder="/front/ticket.form.php" value={route} onInput={(event) => setRoute(event.currentTarget.value)} />
			</label>
		</div>
	);
}
