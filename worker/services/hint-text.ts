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

/**
 * What the hint says when no manager set a title: the place, never the item's own title, which is a user's words
 * (issue 15: an unreviewed "IT NOTICE: … reset your password at …" must not show on every user's page).
 */
const UNTITLED = {
	element: { en: 'this field', fr: 'ce champ' },
	page: { en: 'this page', fr: 'cette page' },
};

export function knownIssueHint(row: KnownIssueRow): KnownIssueHint {
	const status = STATUS_TEXT[row.status];
	const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
	const place = row.selector ? UNTITLED.element : UNTITLED.page;
	const subject = row.public_title ? { en: row.public_title, fr: row.public_title } : { en: `on ${place.en}`, fr: `sur ${place.fr}` };
	const hint: KnownIssueHint = {
		kind: 'known-issue',
		itemId: row.id,
		itemKind: row.kind,
		status: row.status,
		signalCount: row.signal_count,
		// The item's tags: a "me too" on the element carries them, so it joins this item (same route, element, tag).
		tags: JSON.parse(row.tags) as string[],
		text: {
			en: `Known issue (${status.en}): ${subject.en} — ${row.signal_count} ${plural(row.signal_count, 'report', 'reports')}.`,
			fr: `Problème connu (${status.fr}) : ${subject.fr} — ${row.signal_count} ${plural(row.signal_count, 'signalement', 'signalements')}.`,
		},
	};
	if (row.public_title) hint.title = row.public_title;
	if (row.selector) hint.selector = row.selector;
	return hint;
}
