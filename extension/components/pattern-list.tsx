import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { withExport } from '../core/export-source';
import { type OverlayConfig, sendMessage } from '../core/messaging';
import type { ClusterView, PatternScope, PatternView } from '../core/pattern-messages';
import { maySuggestProblems, patternSignalDraft } from '../core/pattern-signal';
import { ExportError, type ExportRequest } from '../glpi/csv-export';
import { type ListRow, ticketOf } from '../glpi/ticket-list';
import { t } from '../i18n';
import { showBadges } from './badge-layer';
import { badgeTargets } from './pattern-badges';
import { PatternSummary, type SummaryState, clusterKey } from './pattern-summary';
import { Toast, useToast } from './toast';
import { useLanguage } from './use-language';

export interface PatternListProps {
	table: HTMLTableElement;
	rows: ListRow[];
	/** GLPI's CSV export of the list's whole search (glpi/csv-export.ts). */
	request: ExportRequest;
	config: OverlayConfig | undefined;
	scope: PatternScope;
	/** The patterns of `scope`, when the feature already has them: shown at once, in the mounting task. */
	initialView?: PatternView;
	/**
	 * The badges of `initialView`, when the feature drew them before mounting the summary: the summary takes them over
	 * (they go when another scope is chosen, or with the summary). Without it, the summary draws them when it mounts.
	 */
	initialBadges?: AbortController;
	/** Remembered by the feature, so the scope survives GLPI's re-render of the list. */
	onScope: (scope: PatternScope) => void;
	page: Page;
	/** People the page shows, redacted from a shared sample title: read when a pattern is sent, not with the rows. */
	names: () => string[];
	/** Called once the first badges are in the page (the benchmark's mark). */
	onPainted?: () => void;
}

/** The patterns of a list in a scope: its visible rows, or GLPI's export of its whole search (downloaded once). */
export async function loadView(props: Pick<PatternListProps, 'rows' | 'request'>, scope: PatternScope, signal: AbortSignal): Promise<PatternView> {
	if (scope === 'page') {
		const result = await sendMessage('findPatterns', { rows: props.rows.map(ticketOf) });
		if (!result.ok) throw new Error(result.error);
		return result.value;
	}
	return withExport(props.request, (input) => sendMessage('exportPatterns', { ...input, scope }), signal);
}

/** Draws the badges of `view` on `table`'s rows until `signal` aborts (components/badge-layer.ts). */
export function drawBadges(table: HTMLTableElement, rows: readonly ListRow[], view: PatternView, signal: AbortSignal): void {
	const label = (cluster: ClusterView) => t('patterns.cluster', { size: cluster.size, signature: cluster.signature });
	showBadges(table, badgeTargets(rows, view.clusters, label), { signal });
}

export const messageOf = (error: unknown) =>
	error instanceof ExportError
		? error.reason === 'not-csv'
			? t('patterns.notCsv')
			: t('patterns.exportError', { message: error.message })
		: t('patterns.error', { message: error instanceof Error ? error.message : String(error) });

/**
 * A ticket list's patterns: the summary in the list's header, and the badges on its rows. Choosing another scope
 * reads GLPI's export of the whole search (once, then from the background's cache) and badges the visible rows by the
 * groups found there.
 */
export function PatternList(props: PatternListProps) {
	useLanguage();
	const [scope, setScope] = useState(props.scope);
	const [state, setState] = useState<SummaryState>(props.initialView ? { status: 'ready', view: props.initialView } : { status: 'loading' });
	const [done, setDone] = useState<ReadonlySet<string>>(new Set());
	const [toast, setToast] = useToast();
	const initial = useRef(props.initialView);

	// A layout effect: badges the summary draws itself (another scope, or patterns the feature did not have yet) go in
	// the task that renders it, so both share one frame.
	useLayoutEffect(() => {
		const controller = new AbortController();
		const show = (view: PatternView) => {
			drawBadges(props.table, props.rows, view, controller.signal);
			props.onPainted?.();
		};
		const ready = initial.current;
		initial.current = undefined;
		const drawn = props.initialBadges;
		if (ready && drawn) controller.signal.addEventListener('abort', () => drawn.abort(), { once: true });
		else if (ready) show(ready);
		else {
			setState({ status: scope === 'page' ? 'loading' : 'reading' });
			loadView(props, scope, controller.signal).then(
				(view) => {
					if (controller.signal.aborted) return;
					setState({ status: 'ready', view });
					show(view);
				},
				(error: unknown) => !controller.signal.aborted && setState({ status: 'error', message: messageOf(error) }),
			);
		}
		return () => controller.abort();
	}, [scope]);

	function choose(next: PatternScope) {
		props.onScope(next);
		setScope(next);
	}

	function suggest(cluster: ClusterView) {
		if (!props.config) return;
		setDone((previous) => new Set([...previous, clusterKey(cluster)]));
		const draft = patternSignalDraft({ cluster, page: props.page, config: props.config, names: props.names() });
		void sendMessage('enqueueSignal', draft).then(
			(result) => setToast(result.ok ? { text: t('capture.saved'), error: false } : { text: t('popup.error', { message: result.error }), error: true }),
			(error: unknown) => setToast({ text: t('popup.error', { message: String(error) }), error: true }),
		);
	}

	const config = props.config;
	return (
		<PatternSummary
			state={state}
			scope={scope}
			rowCount={props.rows.length}
			onScope={choose}
			{...(config && maySuggestProblems(config) ? { suggest: { shareText: config.shareText, done, onSuggest: suggest } } : {})}
		>
			<Toast toast={toast} />
		</PatternSummary>
	);
}
