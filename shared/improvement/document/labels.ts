import type { ItemStatus } from '../../schemas/backlog';
import type { Verdict } from '../check';
import type { ServiceMeasure, UnknownReason } from '../measures';

export type DocumentLang = 'en' | 'fr';
type PlanMeasure = ServiceMeasure | 'signal-rate';

export interface DocumentLabels {
	title: string;
	period: (from: string, to: string) => string;
	generated: (at: string) => string;
	stages: Record<ItemStatus, string>;
	noItems: string;
	columns: { item: string; owner: string; objective: string; measure: string; baseline: string; target: string; review: string; verdict: string; cause: string };
	measures: Record<PlanMeasure, string>;
	verdicts: Record<Verdict['verdict'], string>;
	unknown: string;
	unknownReasons: Record<UnknownReason, string>;
	noPlan: string;
	overdue: string;
	next: { plan: string; done: string };
	figures: string;
	figuresNone: string;
	figureColumns: { category: string; opened: string; medianHours: string; lateShare: string; reopenShare: string; satisfaction: string; trend: string };
	figuresNote: string;
	changes: string;
	changesFirst: string;
	changesNone: string;
	newItem: (title: string, stage: string) => string;
	moved: (title: string, from: string, to: string) => string;
	gone: (title: string) => string;
}

const en: DocumentLabels = {
	title: 'Improvement plan',
	period: (from, to) => `Period: ${from} to ${to}`,
	generated: (at) => `Made on ${at} with GLPI Improve`,
	stages: { new: 'New', plan: 'Plan', do: 'Do', check: 'Check', act: 'Act', done: 'Done', rejected: 'Rejected' },
	noItems: 'No item at this stage.',
	columns: { item: 'Item', owner: 'Owner', objective: 'Objective', measure: 'Measure', baseline: 'Baseline', target: 'Target', review: 'Review', verdict: 'Check', cause: 'Cause and next step' },
	measures: {
		'signal-rate': 'signals a week',
		'opened-per-week': 'tickets opened a week',
		'median-hours-to-solve': 'median time to solve (h)',
		'late-share': 'share solved late',
		'reopen-share': 'share reopened',
		satisfaction: 'satisfaction (0-5)',
	},
	verdicts: { met: 'met', 'not-met': 'not met', 'too-early': 'too early', unknown: 'unknown' },
	unknown: 'unknown',
	unknownReasons: {
		'no-weeks': 'no figures read for these weeks',
		'no-solve-date': "GLPI's export has no resolution date",
		'no-deadline': "GLPI's export has no time to resolve",
		'no-reopen-column': "GLPI's export has no solution status",
		'no-satisfaction-column': "GLPI's export has no satisfaction",
		'no-tickets': 'no ticket in these weeks',
	},
	noPlan: 'no objective yet',
	overdue: 'review overdue',
	next: { plan: 'back to Plan', done: 'closed' },
	figures: 'Service figures from GLPI',
	figuresNone: 'No service figures were read from GLPI for this period.',
	figureColumns: { category: 'Category', opened: 'Opened a week', medianHours: 'Median time to solve (h)', lateShare: 'Solved late', reopenShare: 'Reopened', satisfaction: 'Satisfaction', trend: 'Opened: second half vs first' },
	figuresNote: 'Counts read from GLPI in technicians\' browsers; "unknown" where the export lacked the column.',
	changes: 'Changes since the last report',
	changesFirst: 'This is the first report.',
	changesNone: 'Nothing moved since the last report.',
	newItem: (title, stage) => `New: ${title} (${stage})`,
	moved: (title, from, to) => `${title}: ${from} → ${to}`,
	gone: (title) => `No longer in the register: ${title}`,
};

const fr: DocumentLabels = {
	title: "Plan d'amélioration",
	period: (from, to) => `Période : du ${from} au ${to}`,
	generated: (at) => `Établi le ${at} avec GLPI Improve`,
	stages: { new: 'Nouveau', plan: 'Planifier', do: 'Réaliser', check: 'Vérifier', act: 'Agir', done: 'Terminé', rejected: 'Rejeté' },
	noItems: 'Aucun élément à cette étape.',
	columns: { item: 'Élément', owner: 'Responsable', objective: 'Objectif', measure: 'Mesure', baseline: 'Référence', target: 'Cible', review: 'Revue', verdict: 'Vérification', cause: 'Cause et suite' },
	measures: {
		'signal-rate': 'signalements par semaine',
		'opened-per-week': 'tickets ouverts par semaine',
		'median-hours-to-solve': 'délai médian de résolution (h)',
		'late-share': 'part résolue en retard',
		'reopen-share': 'part rouverte',
		satisfaction: 'satisfaction (0-5)',
	},
	verdicts: { met: 'atteint', 'not-met': 'non atteint', 'too-early': 'trop tôt', unknown: 'inconnu' },
	unknown: 'inconnu',
	unknownReasons: {
		'no-weeks': 'aucun chiffre lu pour ces semaines',
		'no-solve-date': "l'export de GLPI n'a pas de date de résolution",
		'no-deadline': "l'export de GLPI n'a pas de temps de résolution",
		'no-reopen-column': "l'export de GLPI n'a pas de statut de solution",
		'no-satisfaction-column': "l'export de GLPI n'a pas de satisfaction",
		'no-tickets': 'aucun ticket sur ces semaines',
	},
	noPlan: "pas encore d'objectif",
	overdue: 'revue en retard',
	next: { plan: 'retour à Planifier', done: 'clos' },
	figures: 'Chiffres du service dans GLPI',
	figuresNone: "Aucun chiffre du service n'a été lu dans GLPI pour cette période.",
	figureColumns: { category: 'Catégorie', opened: 'Ouverts par semaine', medianHours: 'Délai médian de résolution (h)', lateShare: 'Résolus en retard', reopenShare: 'Rouverts', satisfaction: 'Satisfaction', trend: 'Ouverts : seconde moitié / première' },
	figuresNote: "Comptes lus dans GLPI par les navigateurs des techniciens ; « inconnu » quand l'export n'avait pas la colonne.",
	changes: 'Changements depuis le dernier rapport',
	changesFirst: 'Ceci est le premier rapport.',
	changesNone: "Rien n'a bougé depuis le dernier rapport.",
	newItem: (title, stage) => `Nouveau : ${title} (${stage})`,
	moved: (title, from, to) => `${title} : ${from} → ${to}`,
	gone: (title) => `Sorti du registre : ${title}`,
};

export const DOCUMENT_LABELS: Record<DocumentLang, DocumentLabels> = { en, fr };
