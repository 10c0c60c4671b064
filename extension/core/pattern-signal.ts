import { MAX_PATTERN_TICKETS } from '../../shared/limits';
import type { Page } from '../../shared/schemas/signal';
import type { OverlayConfig, SignalDraft } from './messaging';
import type { ClusterView } from './pattern-messages';

/** Only technician and manager tokens may send ticket patterns (API.md, roles): a reporter's would get a 403. */
export const maySuggestProblems = (config: Pick<OverlayConfig, 'role'> | undefined) => config?.role === 'technician' || config?.role === 'manager';

/**
 * "Suggest a Problem": a `pattern` signal for a group of near-duplicate tickets. It carries the ticket ids, the size,
 * the keyword signature and the category id when the form shows it; ticket text only when the workspace shares text,
 * and then one sample title that the background redacts like any words (names on the page, e-mails, phones, IPs).
 */
export function patternSignalDraft(options: { cluster: ClusterView; page: Page; config: OverlayConfig; names: string[]; categoryId?: number }): SignalDraft {
	const { cluster, config } = options;
	const draft: SignalDraft = {
		kind: 'pattern',
		page: options.page,
		pattern: {
			type: 'duplicates',
			size: cluster.size,
			signature: cluster.signature.slice(0, 200),
			ticketIds: cluster.ticketIds.slice(0, MAX_PATTERN_TICKETS),
			...(options.categoryId !== undefined && options.categoryId > 0 ? { categoryId: options.categoryId } : {}),
		},
		names: options.names,
		privacy: config.privacy,
	};
	if (config.shareText && cluster.sample.trim()) draft.text = cluster.sample.trim().slice(0, 200);
	return draft;
}
