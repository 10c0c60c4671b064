import type { BacklogDetail } from '../../shared/schemas/backlog';
import { t } from '../i18n';
import '../i18n/manager';

/** GLPI stores content as HTML: everything we put in it is escaped, so a reported text can never become markup. */
export const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const day = (iso: string) => iso.slice(0, 10);

/** The tickets a pattern item is about, from its pattern signals, oldest id first. */
export function ticketIdsOf(detail: BacklogDetail): number[] {
	const ids = new Set<number>();
	for (const signal of detail.evidence) for (const id of signal.pattern?.ticketIds ?? []) ids.add(id);
	return [...ids].sort((a, b) => a - b);
}

/** The GLPI category of a pattern item, when its signals carry one. */
export const categoryIdOf = (detail: BacklogDetail) => detail.evidence.find((signal) => signal.pattern?.categoryId)?.pattern?.categoryId;

/**
 * The name and HTML content of the GLPI Problem or Change made from a backlog item: what it is, the figures, the
 * pages and elements, what people wrote (already redacted by their browsers), and the tickets. In the current language.
 */
export function glpiContentOf(detail: BacklogDetail): { name: string; content: string } {
	const { item } = detail;
	const kind = t(`kind.${item.kind}`);
	const paragraphs = [
		`<p>${escapeHtml(t('glpi.content.intro', { kind }))}</p>`,
		`<p>${escapeHtml(
			t('glpi.content.figures', { score: item.score.toFixed(1), signals: item.signalCount, reporters: item.reporterCount, first: day(item.firstSeen), last: day(item.lastSeen) }),
		)}</p>`,
	];
	const places = new Set<string>();
	for (const signal of detail.evidence) places.add(signal.target ? `${signal.page.route} — ${signal.target.label ?? signal.target.selector}` : signal.page.route);
	if (places.size > 0) paragraphs.push(`<p><strong>${escapeHtml(t('glpi.content.pages'))}</strong></p><ul>${[...places].slice(0, 10).map((place) => `<li>${escapeHtml(place)}</li>`).join('')}</ul>`);
	const texts = detail.evidence.filter((signal) => signal.text).slice(0, 10);
	if (texts.length > 0) {
		paragraphs.push(
			`<p><strong>${escapeHtml(t('glpi.content.evidence'))}</strong></p><ul>${texts.map((signal) => `<li>${escapeHtml(signal.text ?? '')} (${escapeHtml(day(signal.createdAt))})</li>`).join('')}</ul>`,
		);
	}
	const tickets = ticketIdsOf(detail);
	if (tickets.length > 0) paragraphs.push(`<p><strong>${escapeHtml(t('glpi.content.tickets'))}</strong>: ${tickets.map((id) => `#${id}`).join(', ')}</p>`);
	return { name: item.title.slice(0, 250), content: paragraphs.join('') };
}
