import type { ItemStatus } from '../../shared/schemas/backlog';
import type { KnownIssueHint } from '../../shared/schemas/hint';
import type { KnownIssueRow } from '../db/hints';

/**
 * The text of a known-issue hint, in English and French: the server writes it so that every client (the overlay, a
 * future GLPI plugin) shows the same words. The status says where the team is with it, in PDCA terms a user follows.
 */
const STATUS_TEXT: Record<ItemStatus, { en: string; fr: string }> = {
	new: { en: 'reported', fr: 'signalé' },
	plan: { en: 'being planned', fr: 'en cours de planification' },
	do: { en: 'being fixed', fr: 'en cours de correction' },
	check: { en: 'fix being checked', fr: 'correction en vérification' },
	act: { en: 'being rolled out', fr: 'en cours de déploiement' },
	done: { en: 'done', fr: 'terminé' },
	rejected: { en: 'declined', fr: 'refusé' },
};

export function knownIssueHint(row: KnownIssueRow): KnownIssueHint {
	const status = STATUS_TEXT[row.status];
	const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
	const hint: KnownIssueHint = {
		kind: 'known-issue',
		itemId: row.id,
		itemKind: row.kind,
		status: row.status,
		title: row.title,
		signalCount: row.signal_count,
		// The item's tags: a "me too" on the element carries them, so it joins this item (same route, element, tag).
		tags: JSON.parse(row.tags) as string[],
		text: {
			en: `Known issue (${status.en}): ${row.title} — ${row.signal_count} ${plural(row.signal_count, 'report', 'reports')}.`,
			fr: `Problème connu (${status.fr}) : ${row.title} — ${row.signal_count} ${plural(row.signal_count, 'signalement', 'signalements')}.`,
		},
	};
	if (row.selector) hint.selector = row.selector;
	return hint;
}
