import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { Ticket } from '../../../shared/patterns/ticket';

/**
 * The third-party data sets beside the project (../shared/data, README there): read at run time, never copied.
 * CI has them; a fresh clone may not, and the tests that need them then skip with SKIP_DATA.
 */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
export const SHARED = resolve(PROJECT_ROOT, '../shared');
export const DATA = join(SHARED, 'data');
export const CAPTURED_CSV = join(SHARED, 'glpi/pages/10.0.17/html/10.0.17_export_ticket_list_all.csv');
export const hasGitbugs = existsSync(join(DATA, 'gitbugs-hadoop/hadoop_bugs.csv'));
export const hasVscodeFr = existsSync(join(DATA, 'vscode-fr/vscode_issues_french.csv'));
export const hasEndava = existsSync(join(DATA, 'endava/all_tickets_processed_improved_v3.csv.gz'));
export const hasCapturedCsv = existsSync(CAPTURED_CSV);
export const SKIP_DATA = 'needs ../shared/data beside the project (see its README); skipped';
export const SKIP_CAPTURED = 'needs ../shared/glpi/pages (the captured GLPI 10.0.17 pages beside the project); skipped';

const readCsv = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** "30/Sep/21 17:20", Jira's export format, as UTC. */
export function jiraDate(text: string | undefined): number | undefined {
	const match = /^(\d{1,2})\/(\w{3})\/(\d{2}) (\d{1,2}):(\d{2})$/.exec(text?.trim() ?? '');
	if (!match) return undefined;
	const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(match[2] as string);
	return Date.UTC(2000 + Number(match[3]), month, Number(match[1]), Number(match[4]), Number(match[5]));
}

const JIRA_STATUS = { Resolved: 'solved', Open: 'new', 'In Progress': 'assigned', 'Patch Available': 'assigned', Reopened: 'assigned' } as const;
const JIRA_PRIORITY: Record<string, number> = { Trivial: 1, Minor: 2, Major: 3, Critical: 4, Blocker: 5 };

export interface Gitbugs {
	tickets: Ticket[];
	/** [original, duplicate] issue ids, both present in the reports. */
	pairs: [number, number][];
	/** The published test split, same form. */
	testPairs: [number, number][];
}

/** The Hadoop bug reports as tickets (Jira "Reopened" is a reopen loop), with their labelled duplicate pairs. */
export function loadGitbugs(): Gitbugs {
	const dir = join(DATA, 'gitbugs-hadoop');
	const tickets = readCsv(join(dir, 'hadoop_bugs.csv')).map((row): Ticket => {
		const status = JIRA_STATUS[row.Status as keyof typeof JIRA_STATUS];
		const openedAt = jiraDate(row.Created);
		const solvedAt = jiraDate(row.Resolved);
		const priority = JIRA_PRIORITY[row.Priority ?? ''];
		return {
			id: Number(row['Issue id']),
			title: row.Summary ?? '',
			description: row.Description ?? '',
			...(status ? { status } : {}),
			...(priority ? { priority } : {}),
			...(openedAt === undefined ? {} : { openedAt }),
			...(solvedAt === undefined ? {} : { solvedAt }),
			...(row.Status === 'Reopened' ? { reopenCount: 1 } : {}),
		};
	});
	const ids = new Set(tickets.map((ticket) => ticket.id));
	const pairsOf = (file: string) =>
		readCsv(join(dir, file))
			.map((row): [number, number] => [Number(row['Issue id']), Number(row['Duplicate id'])])
			.filter(([original, duplicate]) => ids.has(original) && ids.has(duplicate));
	return { tickets, pairs: pairsOf('hadoop_dup_pairs.csv'), testPairs: pairsOf('hadoop_dup_pairs_test.csv') };
}

export interface VscodeIssue {
	title: string;
	body: string;
	english: string;
}

/** Real VS Code issues written in French, with a machine translation to English. */
export function loadVscodeFr(): VscodeIssue[] {
	return readCsv(join(DATA, 'vscode-fr/vscode_issues_french.csv')).map((row) => ({
		title: row.title ?? '',
		body: row.body ?? '',
		english: row.deepL_translation ?? row.gpt_translation ?? '',
	}));
}

/** The Endava helpdesk documents (title and body, anonymised, stop words already stripped). */
export function loadEndava(): string[] {
	const text = gunzipSync(readFileSync(join(DATA, 'endava/all_tickets_processed_improved_v3.csv.gz'))).toString('utf8');
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map((row) => row.Document ?? '');
}
