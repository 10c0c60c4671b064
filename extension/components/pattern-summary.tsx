import type { ClusterView, PatternScope, PatternView, SpikeView } from '../core/pattern-messages';
import { t } from '../i18n';
import { colorOf } from './pattern-badges';

/** Groups listed in the summary; the badges mark every group. */
export const SHOWN_GROUPS = 5;
const SCOPES: PatternScope[] = ['page', 30, 90, 'all'];

export type SummaryState = { status: 'loading' | 'reading' } | { status: 'ready'; view: PatternView } | { status: 'error'; message: string };

export const clusterKey = (cluster: ClusterView) => cluster.ticketIds.join(',');

function Spike({ spike }: { spike: SpikeView }) {
	const values = { count: spike.count, category: spike.category, ratio: spike.ratio === null ? '' : spike.ratio.toFixed(1) };
	return (
		<p class="gx-spike" role="alert" data-gx="pattern-spike">
			{t(spike.ratio === null ? 'patterns.spikeNew' : 'patterns.spike', values)}
		</p>
	);
}

function Group(props: { cluster: ClusterView; rank: number; suggest?: { done: boolean; help: string; onClick: () => void } }) {
	const { cluster, rank, suggest } = props;
	return (
		<li data-gx="pattern-group" data-gx-size={cluster.size}>
			<span class="gx-swatch" style={{ background: colorOf(rank) }} aria-hidden="true">
				{cluster.size}
			</span>
			<span>{t('patterns.cluster', { size: cluster.size, signature: cluster.signature })}</span>
			{cluster.category && <span class="gx-muted">{cluster.category}</span>}
			{suggest && (
				<button type="button" class="gx-suggest" data-gx="suggest-problem" title={suggest.help} disabled={suggest.done} onClick={suggest.onClick}>
					{suggest.done ? t('patterns.suggested') : t('patterns.suggest')}
				</button>
			)}
		</li>
	);
}

/**
 * The bar above a ticket list: which tickets are looked at (this page, or GLPI's export of the whole search), the
 * categories that spike, and the largest groups of near-duplicate tickets with their badge colour.
 */
export function PatternSummary(props: {
	state: SummaryState;
	scope: PatternScope;
	rowCount: number;
	onScope: (scope: PatternScope) => void;
	/** Set for technicians and managers only (a reporter's pattern signal would be refused). */
	suggest?: { shareText: boolean; done: ReadonlySet<string>; onSuggest: (cluster: ClusterView) => void };
}) {
	const { state, suggest } = props;
	const view = state.status === 'ready' ? state.view : undefined;
	const help = suggest?.shareText ? t('patterns.suggestHelpShared') : t('patterns.suggestHelp');
	return (
		<section class="gx-patterns" data-gx="pattern-summary" aria-label={t('patterns.title')}>
			<div class="gx-patterns-head">
				<strong>{t('patterns.title')}</strong>
				<label>
					{t('patterns.scope')}{' '}
					<select name="gx-pattern-scope" value={String(props.scope)} onChange={(event) => props.onScope(parseScope(event.currentTarget.value))}>
						{SCOPES.map((scope) => (
							<option value={String(scope)}>{t(`patterns.scope.${scope}`, { count: props.rowCount })}</option>
						))}
					</select>
				</label>
				{view && props.scope !== 'page' && <span class="gx-muted">{t('patterns.of', { count: view.tickets })}</span>}
			</div>
			{state.status === 'loading' && <p class="gx-muted">{t('patterns.loading')}</p>}
			{state.status === 'reading' && <p class="gx-muted">{t('patterns.reading')}</p>}
			{state.status === 'error' && (
				<p class="gx-error" role="alert">
					{state.message}
				</p>
			)}
			{view?.spikes.map((spike) => <Spike spike={spike} />)}
			{view && view.clusters.length === 0 && <p class="gx-muted">{t('patterns.none', { count: view.tickets })}</p>}
			{view && view.clusters.length > 0 && (
				<ul class="gx-groups">
					{view.clusters.slice(0, SHOWN_GROUPS).map((cluster, rank) => (
						<Group
							cluster={cluster}
							rank={rank}
							{...(suggest ? { suggest: { done: suggest.done.has(clusterKey(cluster)), help, onClick: () => suggest.onSuggest(cluster) } } : {})}
						/>
					))}
				</ul>
			)}
			{view && view.clusters.length > SHOWN_GROUPS && <p class="gx-muted">{t('patterns.more', { count: view.clusters.length - SHOWN_GROUPS })}</p>}
			{view?.truncated && <p class="gx-muted">{t('patterns.truncated')}</p>}
		</section>
	);
}

export const parseScope = (value: string): PatternScope => (value === '30' ? 30 : value === '90' ? 90 : value === 'all' ? 'all' : 'page');
