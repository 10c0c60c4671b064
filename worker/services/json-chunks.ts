import { MAX_BIND_BYTES } from '../../shared/limits';

const encoder = new TextEncoder();

/**
 * Splits rows into JSON arrays of at most `maxBytes` UTF-8 bytes each (a single larger row gets an array of its own),
 * to bind to statements that read their rows from json_each. D1 refuses a bound value over about 1 MB with
 * SQLITE_TOOBIG, and the schemas allow far more in one batch (90 pattern signals of 500 ticket ids make 45,000
 * lookup keys), so no statement may take the whole batch in one bind (issue 15).
 */
export function jsonChunks(rows: readonly unknown[], maxBytes = MAX_BIND_BYTES): string[] {
	const chunks: string[] = [];
	let current: string[] = [];
	let size = 2;
	for (const row of rows) {
		const text = JSON.stringify(row);
		const bytes = encoder.encode(text).length + 1;
		if (current.length > 0 && size + bytes > maxBytes) {
			chunks.push(`[${current.join(',')}]`);
			current = [];
			size = 2;
		}
		current.push(text);
		size += bytes;
	}
	if (current.length > 0 || chunks.length === 0) chunks.push(`[${current.join(',')}]`);
	return chunks;
}
