import { fold } from '../text/normalize';
import type { TicketStatus } from './ticket';

/**
 * The column and value labels of GLPI's ticket export, in English (en_GB/en_US) and French (fr_FR), matched after
 * folding case and accents. GLPI writes the export headers in the exporting user's language, and a column taken
 * from a related table as "<group> - <name>" ("Requester - Requester", "Satisfaction survey - Satisfaction").
 * Search option ids from GLPI 10 `Ticket::rawSearchOptions` (../shared/glpi/FACTS.md §3.2).
 */
export const COLUMN_LABELS = {
	id: ['id'], // 2
	title: ['title', 'titre'], // 1
	description: ['description'], // 21
	status: ['status', 'statut'], // 12
	updatedAt: ['last update', 'derniere modification'], // 19
	openedAt: ['opening date', "date d'ouverture", 'date douverture'], // 15
	priority: ['priority', 'priorite'], // 3
	category: ['category', 'categorie'], // 7
	timeToResolve: ['time to resolve', 'temps de resolution'], // 18
	late: ['time to resolve exceeded', 'temps de resolution depasse'], // 82
	solvedAt: ['resolution date', 'date de resolution'], // 17
	closedAt: ['closing date', 'date de cloture'], // 16
	satisfaction: ['satisfaction'], // 62
	solutionStatus: [
		'any solution status',
		'last solution status',
		"statut d'une solution",
		'statut de la derniere solution',
	], // 38, 39
} as const;
export type Column = keyof typeof COLUMN_LABELS;

const byLabel = new Map<string, Column>();
for (const [column, labels] of Object.entries(COLUMN_LABELS)) for (const label of labels) byLabel.set(label, column as Column);

const normalLabel = (label: string) => fold(label).replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();

/** The field a header stands for: the whole label, else its last part, else its first ("Requester - Requester"). */
export function columnOf(header: string): Column | undefined {
	const label = normalLabel(header);
	const parts = label.split(' - ');
	const known = byLabel.get(label) ?? byLabel.get(parts[parts.length - 1] as string) ?? byLabel.get(parts[0] as string);
	if (known) return known;
	// The solution status labels vary between GLPI versions and translations; what they share is these two words.
	if (label.includes('solution') && (label.includes('status') || label.includes('statut'))) return 'solutionStatus';
	return undefined;
}

const STATUS_LABELS: Record<string, TicketStatus> = {
	new: 'new',
	nouveau: 'new',
	'processing (assigned)': 'assigned',
	'en cours (attribue)': 'assigned',
	'processing (planned)': 'planned',
	'en cours (planifie)': 'planned',
	pending: 'waiting',
	'en attente': 'waiting',
	solved: 'solved',
	resolu: 'solved',
	closed: 'closed',
	clos: 'closed',
};

/** A status label (or GLPI's number 1-6, as the REST API gives it) to its key. */
export function statusOf(label: string): TicketStatus | undefined {
	const folded = normalLabel(label);
	const number = Number(folded);
	if (Number.isInteger(number) && number >= 1 && number <= 6) {
		return (['new', 'assigned', 'planned', 'waiting', 'solved', 'closed'] as const)[number - 1];
	}
	return STATUS_LABELS[folded];
}

const PRIORITY_LABELS: Record<string, number> = {
	'very low': 1,
	'tres basse': 1,
	low: 2,
	basse: 2,
	medium: 3,
	moyenne: 3,
	high: 4,
	haute: 4,
	'very high': 5,
	'tres haute': 5,
	major: 6,
	majeure: 6,
};

export function priorityOf(label: string): number | undefined {
	const folded = normalLabel(label);
	const number = Number(folded);
	if (Number.isInteger(number) && number >= 1 && number <= 6) return number;
	return PRIORITY_LABELS[folded];
}

/** Yes/No in either language; undefined for anything else. */
export function booleanOf(label: string): boolean | undefined {
	const folded = normalLabel(label);
	if (['yes', 'oui', '1', 'true'].includes(folded)) return true;
	if (['no', 'non', '0', 'false'].includes(folded)) return false;
	return undefined;
}

/** A solution status that says the requester refused it ("Refused", "Refusé(e)"). */
export const isRefusedLabel = (label: string) => normalLabel(label).includes('refus');
