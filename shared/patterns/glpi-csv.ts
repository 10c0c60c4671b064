import { CsvError, type CsvRecord, readCsv } from './csv';
import { detectDateOrder, parseGlpiDate } from './glpi-dates';
import { type Column, booleanOf, columnOf, isRefusedLabel, priorityOf, statusOf } from './glpi-labels';
import type { Ticket } from './ticket';

export interface GlpiExport {
	tickets: Ticket[];
	/** The header each recognised field came from, for the report ("Opening date" or "Date d'ouverture"). */
	columns: Partial<Record<Column, string>>;
	/** Headers the engine does not use (requester, technician...), kept out of the analysis on purpose. */
	ignored: string[];
	/** Soft problems: values that were left out without stopping the import (an unknown status label). */
	warnings: string[];
}

const DATE_COLUMNS = ['openedAt', 'updatedAt', 'solvedAt', 'closedAt', 'timeToResolve'] as const;
const MAX_WARNINGS = 20;

/** GLPI's export separator is ';', but a file saved again by a spreadsheet may use ',' or a tab. */
function delimiterOf(text: string): string {
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
	const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ';';
}

function mapHeader(header: CsvRecord): { index: Partial<Record<Column, number>>; columns: GlpiExport['columns']; ignored: string[] } {
	const index: Partial<Record<Column, number>> = {};
	const columns: GlpiExport['columns'] = {};
	const ignored: string[] = [];
	header.fields.forEach((label, i) => {
		if (label.trim() === '') return;
		const column = columnOf(label);
		if (column && index[column] === undefined) {
			index[column] = i;
			columns[column] = label;
		} else ignored.push(label);
	});
	for (const required of ['id', 'title'] as const) {
		if (index[required] === undefined) {
			throw new CsvError(header.line, `no ${required === 'id' ? 'ID' : 'Title (Titre)'} column in the header; is this a GLPI ticket export?`);
		}
	}
	return { index, columns, ignored };
}

/**
 * Tickets from the CSV export of a GLPI ticket search (Export > CSV, or front/report.dynamic.php with
 * display_type=3): ';'-separated, UTF-8 with a byte order mark, headers in the user's language. Throws a CsvError
 * naming the line for anything that cannot be read as a ticket.
 */
export function parseGlpiCsv(text: string): GlpiExport {
	if (text.trim() === '') throw new CsvError(1, 'the file is empty');
	const [header, ...rows] = readCsv(text, delimiterOf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
	if (!header) throw new CsvError(1, 'the file is empty');
	const { index, columns, ignored } = mapHeader(header);
	const cell = (row: CsvRecord, column: Column) => {
		const at = index[column];
		return at === undefined ? '' : (row.fields[at] ?? '').trim();
	};
	const dateOrder = detectDateOrder(rows.flatMap((row) => DATE_COLUMNS.map((column) => cell(row, column))));
	const warnings: string[] = [];
	let warned = 0;
	const warn = (message: string) => {
		warned++;
		if (warnings.length < MAX_WARNINGS) warnings.push(message);
	};
	const seen = new Set<number>();
	const tickets = rows.map((row): Ticket => {
		// GLPI ends every line with a ';', the header too: a row must have the header's number of fields.
		if (row.fields.length !== header.fields.length) {
			throw new CsvError(row.line, `${row.fields.length} fields where the header has ${header.fields.length}`);
		}
		const idText = cell(row, 'id').replace(/\s/g, '');
		const id = Number(idText);
		if (!/^\d+$/.test(idText) || id < 1 || !Number.isSafeInteger(id)) {
			throw new CsvError(row.line, `the ID ${JSON.stringify(idText)} is not a positive whole number`);
		}
		if (seen.has(id)) throw new CsvError(row.line, `ticket ${id} appears twice`);
		seen.add(id);
		const ticket: Ticket = { id, title: cell(row, 'title') };
		const description = cell(row, 'description');
		if (description) ticket.description = description;
		const category = cell(row, 'category');
		if (category) ticket.category = category;
		for (const column of DATE_COLUMNS) {
			const value = cell(row, column);
			const time = parseGlpiDate(value, dateOrder);
			if (Number.isNaN(time)) {
				throw new CsvError(row.line, `the date ${JSON.stringify(value)} in column ${columns[column]} is not a date`);
			}
			if (time !== undefined) ticket[column] = time;
		}
		const status = cell(row, 'status');
		if (status) {
			const key = statusOf(status);
			if (key) ticket.status = key;
			else warn(`line ${row.line}: unknown status ${JSON.stringify(status)}, left out`);
		}
		const priority = cell(row, 'priority');
		if (priority) {
			const level = priorityOf(priority);
			if (level) ticket.priority = level;
			else warn(`line ${row.line}: unknown priority ${JSON.stringify(priority)}, left out`);
		}
		const satisfaction = cell(row, 'satisfaction').replace(',', '.');
		if (satisfaction) {
			const stars = Number(satisfaction);
			if (!Number.isFinite(stars) || stars < 0 || stars > 5) {
				throw new CsvError(row.line, `the satisfaction ${JSON.stringify(satisfaction)} is not a number from 0 to 5`);
			}
			ticket.satisfaction = stars;
		}
		const late = booleanOf(cell(row, 'late'));
		if (late !== undefined) ticket.late = late;
		const solution = cell(row, 'solutionStatus');
		if (solution) ticket.solutionRefused = isRefusedLabel(solution);
		return ticket;
	});
	// Issue 16: past 20 the list stopped with no total.
	if (warned > MAX_WARNINGS) warnings.push(`… and ${warned - MAX_WARNINGS} more values left out (${warned} in all)`);
	return { tickets, columns, ignored, warnings };
}
