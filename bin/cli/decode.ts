import { CsvError } from '../../shared/patterns/csv';

export interface DecodedFile {
	text: string;
	/** 'utf-8', or 'windows-1252' for a file saved again by Excel. */
	encoding: 'utf-8' | 'windows-1252';
}

/** Archives named by their first bytes: a .zip or .gz is not "text in another encoding" (issue 16). */
const ARCHIVES: [number[], string][] = [
	[[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
	[[0x1f, 0x8b], 'a gzip-compressed file'],
	[[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
];

/**
 * The file as text. GLPI exports UTF-8; a French user who saves the export again in Excel gets Windows-1252, which
 * is read as such (every byte sequence that is not UTF-8 is a Windows-1252 one, and an export that is valid UTF-8 is
 * almost never Windows-1252 with accents). An archive is named as one, and so is a binary file.
 */
export function decodeExport(bytes: Uint8Array): DecodedFile {
	for (const [magic, name] of ARCHIVES) {
		if (magic.every((byte, i) => bytes[i] === byte)) throw new CsvError(1, `the file is ${name}, not a CSV export: extract the .csv from it first`);
	}
	if (bytes.subarray(0, 4096).includes(0)) throw new CsvError(1, 'the file is binary, not a CSV export (it holds NUL bytes)');
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
	}
}

/** A file system error in words, not as its code (ENOENT, EISDIR). */
export function fileProblem(error: NodeJS.ErrnoException): string {
	const words: Record<string, string> = {
		ENOENT: 'no such file',
		EISDIR: 'it is a folder, not a file',
		EACCES: 'permission denied',
		EPERM: 'permission denied',
		ENOTDIR: 'a part of the path is not a folder',
		EMFILE: 'too many files open',
	};
	return (error.code && words[error.code]) ?? error.message;
}
