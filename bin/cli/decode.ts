import { CsvError } from '../../shared/patterns/csv';

/**
 * The file as text. GLPI exports UTF-8; a file saved again by a spreadsheet may be Windows-1252, which would read
 * as garbled accents. Rather than guess, the first byte that is not UTF-8 is reported with its line.
 */
export function decodeUtf8(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const lenient = new TextDecoder('utf-8').decode(bytes);
		const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
		throw new CsvError(line, 'the file is not UTF-8 text (GLPI exports UTF-8: was it saved again in another encoding?)');
	}
}
