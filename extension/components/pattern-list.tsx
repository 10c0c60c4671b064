import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { withExport } from '../core/export-source';
import { type OverlayConfig, sendMessage } from '../core/messaging';
import type { ClusterView, PatternScope, PatternView } from '../core/pattern-messages';
import { maySuggestProblems, patternSignalDraft } from '../core/pattern-signal';
import { ExportError, type ExportRequest } from '../glpi/csv-export';
import { type ListRow, ticketOf } from '../glpi/ticket-list';
import { t } from '../i18n';
import { badgePlacements, paintBadges, removeBadges } from './pattern-badges';
import { PatternSummary, type SummaryState, clusterKey } from './pattern-summary';
import { Toast, useToast } from './toast';
import { useLanguage } from './use-language';

export interface PatternListProps {
	rows: ListRow[];
	/** GLPI's CSV export of the list's whole search (glpi/csv-export.ts). */
	request: ExportRequest;
	config: OverlayConfig | undefined;
	scope: PatternScope;
	/** Remembered by the feature, so the scope survives GLPI's re-render of the list. */
	onScope: (scope: PatternScope) => void;
	page: Page;
	/** People the page shows, redacted from a shared sample title: read when a pattern is sent, not with the rows. */
	names: () => string[];
	doc: Document;
	/** Called once the badges and the summary are in the page (the benchmark's mark). */
	onPainted?: () => void;
}

async function loadView(props: PatternListProps, scope: PatternScope, signal: AbortSignal): Promise<PatternView> {
	if (scope === 'page') {
		const result = await sendMessage('findPatterns', { rows: props.rows.map(ticketOf) });
		if (!result.ok) throw new Error(result.error);
		return result.value;
	}
	return withExport(props.request, (input) => sendMessage('exportPatterns', { ...input, scope }), signal);
}

const messageOf = (error: unknown) =>
	error instanceof ExportError
		? error.reason === 'not-csv'
			? t('patterns.notCsv')
			: t('patterns.exportError', { message: error.message })
		: t('patterns.error', { message: error instanceof Error ? error.message : String(error) });

/**
 * A ticket list's patterns: the summary bar, and the badges on its rows. Choosing another scope reads GLPI's export
 * of the whole search (once, then from the background's cache) and badges the visible rows by the groups found there.
 */
export function PatternList(props: PatternListProps) {
	useLanguage();
	const [scope, setScope] = useState(props.scope);
	const [state, setState] = useState<SummaryState>({ status: 'loading' });
	const [done, setDone] = useState<ReadonlySet<string>>(new Set());
	const [toast, setToast] = useToast();

	useEffect(() => {
		const controller = new AbortController();
		let hosts: HTMLElement[] = [];
		setState({ status: scope === 'page' ? 'loading' : 'reading' });
		loadView(props, scope, controller.signal).then(
			(view) => {
				if (controller.signal.aborted) return;
				const label = (cluster: ClusterView) => t('patterns.cluster', { size: cluster.size, signature: cluster.signature });
				hosts = paintBadges(badgePlacements(props.rows, view.clusters, label), props.doc);
				setState({ status: 'ready', view });
			},
			(error: unknown) => {
				if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
			},
		);
		return () => {
			controller.abort();
			removeBadges(hosts);
		};
	}, [scope]);

	useLayoutEffect(() => {
		if (state.status === 'ready') props.onPainted?.();
	}, [state]);

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
		<>
			<PatternSummary
				state={state}
				scope={scope}
				rowCount={props.rows.length}
				onScope={choose}
				{...(config && maySuggestProblems(config) ? { suggest: { shareText: config.shareText, done, onSuggest: suggest } } : {})}
			/>
			<Toast toast={toast} />
		</>
	);
}
