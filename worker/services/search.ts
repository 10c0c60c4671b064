import { fold } from '../../shared/text/normalize';

/**
 * What the backlog's `q` searches, folded like the query (case and accents), so "écran" finds "Ecran". Tags are
 * searched in their own column, which the ingest keeps up to date.
 */
export function searchTextOf(item: { title: string; route?: string | null; selector?: string | null; owner?: string | null; note?: string | null }): string {
	return fold([item.title, item.route, item.selector, item.owner, item.note].filter(Boolean).join(' \u0001 '));
}

export const foldQuery = (q: string) => fold(q.trim());
