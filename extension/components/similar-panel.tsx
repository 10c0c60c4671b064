import { useEffect, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { withExport } from '../core/export-source';
import { type OverlayConfig, sendMessage } from '../core/messaging';
import type { SimilarView } from '../core/pattern-messages';
import { maySuggestProblems, patternSignalDraft } from '../core/pattern-signal';
import { fromUser } from '../core/user-input';
import { ExportError, type ExportRequest } from '../glpi/csv-export';
import type { FormTicket } from '../glpi/ticket-form';
import { t } from '../i18n';
import { Toast, useToast } from './toast';
import { useLanguage } from './use-language';

export interface SimilarPanelProps {
	ticket: FormTicket;
	/** GLPI's export of the user's current ticket search: the tickets searched. */
	request: ExportRequest;
	config: OverlayConfig | undefined;
	page: Page;
	rootDoc: string;
	names: () => string[];
}

type State = { status: 'loading' } | { status: 'ready'; view: SimilarView } | { status: 'error'; message: string };

const messageOf = (error: unknown) =>
	error instanceof ExportError && error.reason === 'not-csv'
		? t('patterns.notCsv')
		: t('patterns.exportError', { message: error instanceof Error ? error.message : String(error) });

/**
 * "Similar tickets" under the fields of a ticket: the five most similar tickets GLPI's export of the user's current
 * search holds, with their score and a link, and "Suggest a Problem" when the ticket belongs to a group of
 * near-duplicates (technicians and managers).
 */
export function SimilarPanel(props: SimilarPanelProps) {
	useLanguage();
	const [open, setOpen] = useState(true);
	const [state, setState] = useState<State>({ status: 'loading' });
	const [suggested, setSuggested] = useState(false);
	const [toast, setToast] = useToast();

	useEffect(() => {
		const controller = new AbortController();
		withExport(props.request, (input) => sendMessage('similarTickets', { ...input, ticket: props.ticket }), controller.signal).then(
			(view) => !controller.signal.aborted && setState({ status: 'ready', view }),
			(error: unknown) => !controller.signal.aborted && setState({ status: 'error', message: messageOf(error) }),
		);
		return () => controller.abort();
	}, []);

	function suggest(event: Event) {
		// The user's own click only, never a script of the page (core/user-input.ts).
		if (!fromUser(event)) return;
		const config = props.config;
		if (state.status !== 'ready' || !state.view.cluster || !config) return;
		setSuggested(true);
		const categoryId = props.ticket.categoryId;
		// The category id is the form's: it names the group's category only when the group is filed there.
		const sameCategory = state.view.cluster.category === props.ticket.category;
		const draft = patternSignalDraft({ cluster: state.view.cluster, page: props.page, config, names: props.names(), ...(sameCategory && categoryId ? { categoryId } : {}) });
		void sendMessage('enqueueSignal', draft).then(
			(result) => setToast(result.ok ? { text: t('capture.saved'), error: false } : { text: t('popup.error', { message: result.error }), error: true }),
			(error: unknown) => setToast({ text: t('popup.error', { message: String(error) }), error: true }),
		);
	}

	const view = state.status === 'ready' ? state.view : undefined;
	const cluster = view?.cluster;
	return (
		<section class="gx-similar" data-gx="similar-tickets" aria-label={t('similar.title')}>
			<button type="button" class="gx-similar-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
				<span>{t('similar.title')}</span>
				<span aria-hidden="true">{open ? '−' : '+'}</span>
			</button>
			{open && (
				<div class="gx-similar-body">
					{state.status === 'loading' && <p class="gx-muted">{t('similar.loading')}</p>}
					{state.status === 'error' && (
						<p class="gx-error" role="alert">
							{state.message}
						</p>
					)}
					{view && view.similar.length === 0 && <p class="gx-muted">{t('similar.none', { count: view.tickets })}</p>}
					{view && view.similar.length > 0 && (
						<ol data-gx="similar-list">
							{view.similar.map((entry) => (
								<li data-gx-ticket={entry.id}>
									<a href={`${props.rootDoc}/front/ticket.form.php?id=${entry.id}`}>
										#{entry.id} {entry.title}
									</a>{' '}
									<span class="gx-muted">{t('similar.score', { score: Math.round(entry.score * 100) })}</span>
								</li>
							))}
						</ol>
					)}
					{view && view.similar.length > 0 && <p class="gx-muted">{t('similar.source', { count: view.tickets })}</p>}
					{cluster && <p>{t('similar.cluster', { count: cluster.size - 1, signature: cluster.signature })}</p>}
					{cluster && props.config && maySuggestProblems(props.config) && (
						<button type="button" class="gx-suggest" data-gx="suggest-problem" disabled={suggested} title={props.config.shareText ? t('patterns.suggestHelpShared') : t('patterns.suggestHelp')} onClick={suggest}>
							{suggested ? t('patterns.suggested') : t('patterns.suggest')}
						</button>
					)}
					<Toast toast={toast} />
				</div>
			)}
		</section>
	);
}
