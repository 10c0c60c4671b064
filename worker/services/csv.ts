/**
 * CSV as RFC 4180 writes it (CRLF between records, a field quoted when it holds a comma, a quote, CR or LF, quotes
 * doubled), plus the OWASP defence against formula injection: a cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or CR) gets a leading single quote, so a signal's text never runs in Excel.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRecord = (values: readonly (string | number | null | undefined)[]) => values.map(csvCell).join(',');

/** A whole document: header first, CRLF line ends, a final CRLF. The BOM lets Excel read UTF-8 (French accents). */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return `\uFEFF${[csvRecord(header), ...rows.map(csvRecord)].join('\r\n')}\r\n`;
}
