/**
 * A small RFC 4180 reader that remembers the line each record starts on, so that every error can name it. It is
 * hand-written rather than papaparse because papaparse counts records, not lines (a quoted description spans
 * several lines), and because its typings pull Node's into shared/, which must run in the browser and the worker.
 */

export interface CsvRecord {
	/** 1-based line of the file where the record starts. */
	line: number;
	fields: string[];
}

export class CsvError extends Error {
	readonly line: number;

	constructor(line: number, problem: string) {
		super(`line ${line}: ${problem}`);
		this.name = 'CsvError';
		this.line = line;
	}
}

/** Every record of a CSV text; a UTF-8 byte order mark is dropped, blank lines are skipped. */
export function readCsv(text: string, delimiter = ','): CsvRecord[] {
	const records: CsvRecord[] = [];
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const end = input.length;
	let i = 0;
	let line = 1;
	while (i < end) {
		const startLine = line;
		const fields: string[] = [];
		let field = '';
		let atRecordEnd = false;
		while (!atRecordEnd) {
			if (input[i] === '"') {
				// Quoted field: runs to the next lone quote; "" is a quote, newlines belong to the field.
				i++;
				for (;;) {
					const quote = input.indexOf('"', i);
					if (quote < 0) throw new CsvError(startLine, 'a quoted field is never closed (a " is missing)');
					const chunk = input.slice(i, quote);
					for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
					field += chunk;
					if (input[quote + 1] === '"') {
						field += '"';
						i = quote + 2;
						continue;
					}
					i = quote + 1;
					break;
				}
				const next = input[i];
				if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
					throw new CsvError(line, `unexpected text after a closing quote: ${JSON.stringify(input.slice(i, i + 20))}`);
				}
			} else {
				let j = i;
				while (j < end && input[j] !== delimiter && input[j] !== '\n' && input[j] !== '\r') j++;
				field = input.slice(i, j);
				if (field.includes('"')) throw new CsvError(line, `a quote inside an unquoted field: ${JSON.stringify(field.slice(0, 40))}`);
				i = j;
			}
			fields.push(field);
			field = '';
			if (input[i] === delimiter) {
				i++;
				continue;
			}
			// End of record: \r\n, \n, \r or the end of the text.
			if (input[i] === '\r') i++;
			if (input[i] === '\n') i++;
			line++;
			atRecordEnd = true;
		}
		if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
	}
	return records;
}
