import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClusterView, PatternScope, PatternView, SpikeView } from '../core/pattern-messages';
import { fromUser } from '../core/user-input';
import { t } from '../i18n';
import { colorOf } from './pattern-badges';

/** Groups listed in the details; the badges mark every group. */
export const SHOWN_GROUPS = 10;
const SCOPES: PatternScope[] = ['page', 30, 90, 'all'];

export type SummaryState = { status: 'loading' | 'reading' } | { status: 'ready'; view: PatternView } | { status: 'error'; message: string };

export const clusterKey = (cluster: ClusterView) => cluster.ticketIds.join(',');

const spikeText = (spike: SpikeView) =>
	t(spike.ratio === null ? 'patterns.spikeNew' : 'patterns.spike', { count: spike.count, category: spike.category, ratio: spike.ratio === null ? '' : spike.ratio.toFixed(1) });

export interface SuggestOptions {
	shareText: boolean;
	done: ReadonlySet<string>;
	onSuggest: (cluster: ClusterView) => void;
}

function Group({ cluster, rank, suggest }: { cluster: ClusterView; rank: number; suggest: SuggestOptions | undefined }) {
	const done = suggest?.done.has(clusterKey(cluster)) ?? false;
	return (
		<li data-gx="pattern-group" data-gx-size={cluster.size}>
			<span class="gx-swatch" style={{ background: colorOf(rank) }} aria-hidden="true">
				{cluster.size}
			</span>
			<span>{t('patterns.cluster', { size: cluster.size, signature: cluster.signature })}</span>
			{cluster.category && <span class="gx-muted">{cluster.category}</span>}
			{suggest && (
				<button type="button" class="gx-suggest" data-gx="suggest-problem" title={t(suggest.shareText ? 'patterns.suggestHelpShared' : 'patterns.suggestHelp')} disabled={done} onClick={(event) => fromUser(event) && suggest.onSuggest(cluster)}>
					{done ? t('patterns.suggested') : t('patterns.suggest')}
				</button>
			)}
		</li>
	);
}

function Headline({ state, scope }: { state: SummaryState; scope: PatternScope }) {
	if (state.status === 'error') return <span class="gx-error" role="alert">{state.message}</span>;
	if (state.status !== 'ready') return <span class="gx-muted">{t(state.status === 'reading' ? 'patterns.reading' : 'patterns.loading')}</span>;
	const { view } = state;
	const top = view.clusters[0];
	return (
		<>
			{top ? (
				// The words may be cut with an ellipsis in a narrow header: the whole line on hover.
				<span data-gx="pattern-headline" title={t('patterns.cluster', { size: top.size, signature: top.signature })}>
					<span class="gx-swatch" style={{ background: colorOf(0) }} aria-hidden="true">
						{top.size}
					</span>{' '}
					{t('patterns.cluster', { size: top.size, signature: top.signature })}
				</span>
			) : (
				<span class="gx-muted">{t('patterns.none', { count: view.tickets })}</span>
			)}
			{top && scope !== 'page' && <span class="gx-muted">{t('patterns.of', { count: view.tickets })}</span>}
			{view.spikes.map((spike) => (
				<span class="gx-spike" role="alert" data-gx="pattern-spike">
					{spikeText(spike)}
				</span>
			))}
		</>
	);
}

/**
 * What the patterns look at (this page, or GLPI's export of the whole search): a button naming the current choice,
 * which opens the choices as toggle buttons. Not a <select>: adding one to the page, or choosing its option from
 * script, makes Chromium's autofill look at the page's forms, a layout of the whole page (8-18 ms on a 1,000-row list,
 * scripts/bench-badges.js).
 */
function ScopeChooser(props: { scope: PatternScope; rowCount: number; onScope: (scope: PatternScope) => void }) {
	const [open, setOpen] = useState(false);
	const toggle = useRef<HTMLButtonElement>(null);
	const chosen = useRef<HTMLButtonElement>(null);
	const label = (scope: PatternScope) => t(`patterns.scope.${scope}`, { count: props.rowCount });
	useEffect(() => {
		if (open) chosen.current?.focus();
	}, [open]);
	const close = () => {
		setOpen(false);
		toggle.current?.focus();
	};
	return (
		<span class="gx-scope">
			<button
				type="button"
				ref={toggle}
				class="gx-details"
				data-gx="pattern-scope"
				aria-expanded={open}
				aria-label={`${t('patterns.scope')} ${label(props.scope)}`}
				onClick={() => setOpen(!open)}
			>
				{label(props.scope)} {open ? '▴' : '▾'}
			</button>
			{open && (
				<div class="gx-scope-menu" role="group" aria-label={t('patterns.scope')} data-gx="pattern-scopes" onKeyDown={(event) => event.key === 'Escape' && close()}>
					{SCOPES.map((scope) => (
						<button
							type="button"
							ref={scope === props.scope ? chosen : undefined}
							data-gx-scope={String(scope)}
							aria-pressed={scope === props.scope}
							onClick={() => {
								close();
								if (scope !== props.scope) props.onScope(scope);
							}}
						>
							{label(scope)}
						</button>
					))}
				</div>
			)}
		</span>
	);
}

/** What the groups' popover may take of the window's height (its CSS says the same: max-height 60vh). */
const POPOVER_SHARE = 0.6;
/** Between the chip and the popover, and kept free at the page's end. */
const POPOVER_GAP = 6;
const PAGE_MARGIN = 8;
/** Below this much room under the chip, the popover opens upwards when there is more room above. */
const POPOVER_MIN_ROOM = 240;

/**
 * Where the groups open: under the chip, or above it when the page ends too soon below it and there is more room
 * above, and at most as high as that room (it scrolls inside). The docked summary lives in the overlay layer, which
 * adds nothing to the page's scrollable area (core/overlay-layer.ts): a popover running past the page's end could not
 * be scrolled to. `chip` is in the page's coordinates (its box plus the scroll).
 */
export function popoverRoom(chip: { top: number; bottom: number }, pageHeight: number, viewportHeight: number): { upward: boolean; maxHeight: number } {
	const cap = Math.floor(viewportHeight * POPOVER_SHARE);
	const below = Math.floor(pageHeight - chip.bottom - POPOVER_GAP - PAGE_MARGIN);
	const above = Math.floor(chip.top - POPOVER_GAP - PAGE_MARGIN);
	if (below >= Math.min(cap, POPOVER_MIN_ROOM) || below >= above) return { upward: false, maxHeight: Math.max(0, Math.min(cap, below)) };
	return { upward: true, maxHeight: Math.max(0, Math.min(cap, above)) };
}

/**
 * The summary of a ticket list's patterns, one line in GLPI's list header: the largest group of near-duplicate
 * tickets, the categories that spike, which tickets are looked at (this page, or GLPI's export of the whole search),
 * and the details (every group, its badge colour, "Suggest a Problem") in a panel that opens over the list, below the
 * chip or above it where the page ends sooner (`popoverRoom`):
 * nothing here moves GLPI's table.
 */
export function PatternSummary(props: {
	state: SummaryState;
	scope: PatternScope;
	rowCount: number;
	onScope: (scope: PatternScope) => void;
	suggest?: SuggestOptions;
	/** Shown at the end of the details (the toast of "Suggest a Problem"). */
	children?: ComponentChildren;
}) {
	const [open, setOpen] = useState(false);
	const chip = useRef<HTMLDivElement>(null);
	const popover = useRef<HTMLDivElement>(null);
	const { state, suggest } = props;
	const view = state.status === 'ready' ? state.view : undefined;
	// Placed in the task that opens it (a layout effect), so it never shows past the page's end first.
	useLayoutEffect(() => {
		const box = chip.current?.getBoundingClientRect();
		const element = popover.current;
		const doc = element?.ownerDocument;
		const win = doc?.defaultView;
		if (!open || !box || !element || !doc || !win) return;
		const room = popoverRoom({ top: box.top + win.scrollY, bottom: box.bottom + win.scrollY }, doc.documentElement.scrollHeight, win.innerHeight);
		element.toggleAttribute('data-gx-upward', room.upward);
		element.style.maxHeight = `${room.maxHeight}px`;
	}, [open]);
	return (
		<div class="gx-patterns" data-gx="pattern-summary" aria-label={t('patterns.title')}>
			<div class="gx-chip" ref={chip}>
				<strong>{t('patterns.title')}</strong>
				<Headline state={state} scope={props.scope} />
				<ScopeChooser scope={props.scope} rowCount={props.rowCount} onScope={props.onScope} />
				{view && view.clusters.length > 0 && (
					<button type="button" class="gx-details" data-gx="pattern-details-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
						{t('patterns.groups', { count: view.clusters.length })} {open ? '▴' : '▾'}
					</button>
				)}
			</div>
			{open && view && (
				<div class="gx-popover" data-gx="pattern-details" ref={popover}>
					{view.spikes.map((spike) => (
						<p class="gx-spike-banner">{spikeText(spike)}</p>
					))}
					<ul class="gx-groups">
						{view.clusters.slice(0, SHOWN_GROUPS).map((cluster, rank) => (
							<Group cluster={cluster} rank={rank} suggest={suggest} />
						))}
					</ul>
					{view.clusters.length > SHOWN_GROUPS && <p class="gx-muted">{t('patterns.more', { count: view.clusters.length - SHOWN_GROUPS })}</p>}
					{view.truncated && <p class="gx-muted">{t('patterns.truncated')}</p>}
					{props.children}
				</div>
			)}
		</div>
	);
}
