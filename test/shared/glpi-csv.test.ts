import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvError, readCsv } from '../../shared/patterns/csv';
import { detectDateOrder, parseGlpiDate } from '../../shared/patterns/glpi-dates';
import { parseGlpiCsv } from '../../shared/patterns/glpi-csv';
import { CAPTURED_CSV, SKIP_CAPTURED, hasCapturedCsv } from './support/data';

const BOM = '\uFEFF';
/** A GLPI export as GLPI writes it: ';', every field quoted, every line ending with ';'. */
const csv = (...lines: string[][]) => BOM + lines.map((fields) => `${fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(';')};`).join('\n');
const HEADER_EN = ['ID', 'Title', 'Status', 'Opening date', 'Category', 'Time to resolve', 'Resolution date'];
const HEADER_FR = ['ID', 'Titre', 'Statut', "Date d'ouverture", 'Catégorie', 'Temps de résolution', 'Date de résolution', 'Enquête de satisfaction - Satisfaction', 'Demandeur - Demandeur'];

/** The error a parse throws, for its message and line. */
function failure(text: string): CsvError {
	try {
		parseGlpiCsv(text);
	} catch (error) {
		if (error instanceof CsvError) return error;
		throw error;
	}
	throw new Error('expected a CsvError');
}

describe('readCsv', () => {
	it('reads quoted fields with separators, quotes and newlines, and says where each record starts', () => {
		const records = readCsv('a;b\n"x;1";"say ""hi"""\r\n"multi\nline";z\n\nlast;one', ';');
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x;1', 'say "hi"'] },
			{ line: 3, fields: ['multi\nline', 'z'] },
			{ line: 6, fields: ['last', 'one'] },
		]);
	});

	it('names the line of an unclosed quote and of stray text after one', () => {
		expect(() => readCsv('a;b\n"open;b\nc;d', ';')).toThrow('line 2: a quoted field is never closed');
		expect(() => readCsv('a;b\n"x"y;b', ';')).toThrow(/^line 2: unexpected text after a closing quote/);
	});
});

describe('dates', () => {
	it('reads the three GLPI date formats, day-first when in doubt', () => {
		expect(parseGlpiDate('2026-11-28 09:40', 'ymd')).toBe(Date.UTC(2026, 10, 28, 9, 40));
		expect(parseGlpiDate('28-11-2026 09:40:05', 'dmy')).toBe(Date.UTC(2026, 10, 28, 9, 40, 5));
		expect(parseGlpiDate('11-28-2026', 'mdy')).toBe(Date.UTC(2026, 10, 28));
		expect(detectDateOrder(['03-04-2026', '28-11-2026'])).toBe('dmy');
		expect(detectDateOrder(['03-04-2026', '11-28-2026'])).toBe('mdy');
		expect(detectDateOrder(['03-04-2026'])).toBe('dmy');
	});
	it('rejects what is not a date, and leaves an empty cell empty', () => {
		for (const bad of ['abc', '2026-02-30', '2026-13-01 10:00', '2026-11-28 25:00']) expect(parseGlpiDate(bad, 'ymd')).toBeNaN();
		expect(parseGlpiDate('  ', 'ymd')).toBeUndefined();
	});
});

describe('parseGlpiCsv', () => {
	it('reads an English export', () => {
		const { tickets, columns } = parseGlpiCsv(
			csv(HEADER_EN, ['7', 'VPN drops', 'Processing (assigned)', '2026-11-02 10:00', 'Network > VPN', '2026-11-03 10:00', '']),
		);
		expect(tickets).toEqual([
			{ id: 7, title: 'VPN drops', status: 'assigned', openedAt: Date.UTC(2026, 10, 2, 10), category: 'Network > VPN', timeToResolve: Date.UTC(2026, 10, 3, 10) },
		]);
		expect(columns.openedAt).toBe('Opening date');
	});

	it('reads a French export with day-first dates, satisfaction and French labels', () => {
		const { tickets, ignored } = parseGlpiCsv(
			csv(
				HEADER_FR,
				['12', "L'imprimante bourre", 'Résolu', '28-11-2026 09:40', 'Impression', '', '29-11-2026 10:00', '4', 'Martin Alice'],
				['13', 'Écran noir', 'En cours (Planifié)', '01-12-2026 08:00', '', '', '', '', ''],
				['14', 'Mot de passe', 'En attente', '02-12-2026 08:00', 'Comptes', '03-12-2026 08:00', '', '', ''],
			),
		);
		expect(tickets.map((t) => [t.id, t.status, t.satisfaction, t.category])).toEqual([
			[12, 'solved', 4, 'Impression'],
			[13, 'planned', undefined, undefined],
			[14, 'waiting', undefined, 'Comptes'],
		]);
		expect(tickets[0]?.openedAt).toBe(Date.UTC(2026, 10, 28, 9, 40));
		expect(tickets[0]?.solvedAt).toBe(Date.UTC(2026, 10, 29, 10));
		expect(ignored).toEqual(['Demandeur - Demandeur']);
	});

	it('reads multi-line descriptions and still names the right line afterwards', () => {
		const text = csv(['ID', 'Title', 'Description', 'Opening date'], ['1', 'a', 'line one\nline two\nline three', '2026-11-01 10:00'], ['2', 'b', '', 'soon']);
		expect(parseGlpiCsv(text.replace('"soon"', '"2026-11-02"')).tickets[0]?.description).toBe('line one\nline two\nline three');
		expect(failure(text).message).toBe('line 5: the date "soon" in column Opening date is not a date');
	});

	it('accepts Windows line endings, no BOM, and a comma-separated file saved again by a spreadsheet', () => {
		const text = 'ID,Title,Status\r\n1,Printer jam,Closed\r\n2,"Mail, again",New\r\n';
		expect(parseGlpiCsv(text).tickets.map((t) => [t.title, t.status])).toEqual([
			['Printer jam', 'closed'],
			['Mail, again', 'new'],
		]);
	});

	it.each([
		['a bad date', csv(HEADER_EN, ['1', 'a', 'New', '2026-11-02 10:00', '', '', ''], ['2', 'b', 'New', 'abc', '', '', '']), 'line 3: the date "abc" in column Opening date is not a date'],
		['a missing field', `${csv(HEADER_EN)}\n"1";"a";"New"`, 'line 2: 3 fields where the header has 8'],
		['a bad id', csv(HEADER_EN, ['x1', 'a', 'New', '', '', '', '']), 'line 2: the ID "x1" is not a positive whole number'],
		['a repeated id', csv(HEADER_EN, ['1', 'a', 'New', '', '', '', ''], ['1', 'b', 'New', '', '', '', '']), 'line 3: ticket 1 appears twice'],
		['no ID column', csv(['Title', 'Status'], ['a', 'New']), 'line 1: no ID column in the header; is this a GLPI ticket export?'],
		['a bad satisfaction', csv(['ID', 'Titre', 'Satisfaction'], ['1', 'a', '9']), 'line 2: the satisfaction "9" is not a number from 0 to 5'],
		['an empty file', '', 'line 1: the file is empty'],
	])('names the line and the problem for %s', (_, text, message) => {
		expect(failure(text).message).toBe(message);
	});

	it('says how many values were left out when it stops listing them after 20 (issue 16)', () => {
		const rows = Array.from({ length: 25 }, (_, i) => `${i + 1};t;Frozen`).join('\n');
		const { warnings } = parseGlpiCsv(`ID;Title;Status\n${rows}\n`);
		expect(warnings).toHaveLength(21);
		expect(warnings.at(-1)).toMatch(/5 more values left out \(25 in all\)/);
	});

	it('warns about unknown status or priority labels without failing', () => {
		const result = parseGlpiCsv(csv(['ID', 'Title', 'Status', 'Priority'], ['1', 'a', 'Escalated', 'Urgentissime']));
		expect(result.tickets[0]).toEqual({ id: 1, title: 'a' });
		expect(result.warnings).toEqual(['line 2: unknown status "Escalated", left out', 'line 2: unknown priority "Urgentissime", left out']);
	});

	it('reads solution statuses and the "Time to resolve exceeded" flag in either language', () => {
		const { tickets } = parseGlpiCsv(
			csv(['ID', 'Title', 'Solution - Last solution status', 'SLA - Time to resolve exceeded'], ['1', 'a', 'Refused', 'Yes'], ['2', 'b', 'Accordé', 'Non']),
		);
		expect(tickets.map((t) => [t.solutionRefused, t.late])).toEqual([
			[true, true],
			[false, false],
		]);
	});
});

describe.skipIf(!hasCapturedCsv)(`the captured GLPI 10.0.17 export (${hasCapturedCsv ? 'present' : SKIP_CAPTURED})`, () => {
	it('reads its 23 tickets with their statuses, priorities, categories and dates', () => {
		const { tickets, columns, ignored, warnings } = parseGlpiCsv(readFileSync(CAPTURED_CSV, 'utf8'));
		expect(tickets).toHaveLength(23);
		expect(warnings).toEqual([]);
		expect(Object.keys(columns).sort()).toEqual(['category', 'id', 'openedAt', 'priority', 'status', 'timeToResolve', 'title', 'updatedAt']);
		expect(ignored).toEqual(['Requester - Requester', 'Assigned to - Technician']);
		expect(tickets[0]).toEqual({
			id: 1,
			title: 'VPN disconnects every 10 minutes',
			status: 'closed',
			priority: 4,
			category: 'Network > VPN',
			openedAt: Date.UTC(2026, 8, 26, 9, 40),
			updatedAt: Date.UTC(2026, 10, 28, 23, 44),
		});
		expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['new', 'assigned', 'planned', 'waiting', 'solved', 'closed']));
	});
});
