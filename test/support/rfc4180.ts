/**
 * A strict RFC 4180 reader, to check a CSV export the way a spreadsheet reads it: CRLF between records, fields in
 * double quotes may hold commas, quotes (doubled) and line breaks. Throws on what RFC 4180 does not allow: a quote
 * inside an unquoted field, text after a closing quote, an unterminated quoted field, a bare CR or LF between records.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	let closed = false;
	const endCell = () => {
		row.push(cell);
		cell = '';
		closed = false;
	};
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') {
				quoted = false;
				closed = true;
			} else cell += char;
			continue;
		}
		if (char === ',') endCell();
		else if (char === '\r' && text[i + 1] === '\n') {
			endCell();
			rows.push(row);
			row = [];
			i++;
		} else if (closed) throw new Error(`RFC 4180: text after a closing quote at ${i}`);
		else if (char === '"') {
			if (cell !== '') throw new Error(`RFC 4180: a quote inside an unquoted field at ${i}`);
			quoted = true;
		} else if (char === '\r' || char === '\n') throw new Error(`RFC 4180: a bare line break at ${i}`);
		else cell += char;
	}
	if (quoted) throw new Error('RFC 4180: an unterminated quoted field');
	if (cell !== '' || row.length > 0) throw new Error('RFC 4180: the last record has no CRLF');
	return rows;
}
