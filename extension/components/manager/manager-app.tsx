import { useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import { type BacklogFilters, DEFAULT_FILTERS } from '../../core/manager-messaging';
import { t } from '../../i18n';
import { BacklogView } from './backlog-view';
import { lazyView } from './lazy-view';

// Only the backlog is on the first paint; the other views load when first shown (docs/BENCHMARKS.md, "The popup").
const ItemView = lazyView(() => import('./item-view').then((module) => module.ItemView));
const DashboardView = lazyView(() => import('./dashboard-view').then((module) => module.DashboardView));
const HintsView = lazyView(() => import('./hints-view').then((module) => module.HintsView));
const EnrollmentView = lazyView(() => import('./enrollment-view').then((module) => module.EnrollmentView));

type Tab = 'backlog' | 'dashboard' | 'hints' | 'enrollment';
const TABS: Tab[] = ['backlog', 'dashboard', 'hints', 'enrollment'];

/** The manager's popup: the backlog (and one item), the dashboard, the hints, enrollment. State lives here so going back is instant. */
export function ManagerApp({ glpiUrl, backendUrl, cached }: { glpiUrl: string; backendUrl: string; cached: { items: BacklogItem[]; at: string } | null }) {
	const [tab, setTab] = useState<Tab>('backlog');
	const [filters, setFilters] = useState<BacklogFilters>(DEFAULT_FILTERS);
	// The cached first page shows on the first paint; BacklogView refreshes it at once.
	const [items, setItems] = useState<BacklogItem[] | null>(cached?.items ?? null);
	const [openId, setOpenId] = useState<string | null>(null);

	const replace = (item: BacklogItem) => setItems((current) => current?.map((entry) => (entry.id === item.id ? item : entry)) ?? current);
	return (
		<div class="gx-manager">
			<nav class="gx-tabs" role="tablist">
				{TABS.map((name) => (
					<button key={name} type="button" role="tab" aria-selected={tab === name} data-gx-tab={name} onClick={() => setTab(name)}>
						{t(`manager.tab.${name}`)}
					</button>
				))}
			</nav>
			{tab === 'backlog' &&
				(openId ? (
					<ItemView
						// A fresh view per item: forms start from that item's values (a merge opens the target).
						key={openId}
						id={openId}
						glpiUrl={glpiUrl}
						items={items ?? []}
						onChanged={replace}
						onMerged={(sourceId, target) => {
							setItems((current) => current?.filter((entry) => entry.id !== sourceId).map((entry) => (entry.id === target.id ? target : entry)) ?? current);
							setOpenId(target.id);
						}}
						onBack={() => setOpenId(null)}
					/>
				) : (
					<BacklogView filters={filters} onFilters={setFilters} items={items} onItems={setItems} onOpen={setOpenId} cachedAt={cached?.at ?? null} />
				))}
			{tab === 'dashboard' && <DashboardView />}
			{tab === 'hints' && <HintsView />}
			{tab === 'enrollment' && <EnrollmentView backendUrl={backendUrl} />}
		</div>
	);
}
