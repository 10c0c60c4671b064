import { readFileSync, writeFileSync } from 'node:fs';
import { analyseTickets } from '../../shared/patterns/analyse';
import { CsvError } from '../../shared/patterns/csv';
import { parseGlpiCsv } from '../../shared/patterns/glpi-csv';
import { renderHtml } from '../../shared/patterns/report/html';
import { renderJson } from '../../shared/patterns/report/json';
import { renderText } from '../../shared/patterns/report/text';
import { PRODUCT_VERSION } from '../../shared/version';
import { USAGE, UsageError, parseCommand } from './args';
import { decodeExport, fileProblem } from './decode';

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export interface Io {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

/** Runs the command line; returns the exit code instead of exiting, so that tests can call it too. */
export function run(argv: readonly string[], io: Io): number {
	let command: ReturnType<typeof parseCommand>;
	try {
		command = parseCommand(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr(`glpi-improve: ${error.message}\n\n${USAGE}\n`);
		return EXIT.usage;
	}
	if (command === 'version') {
		io.stdout(`glpi-improve ${PRODUCT_VERSION}\n`);
		return EXIT.ok;
	}
	if (command === 'help') {
		io.stdout(`${USAGE}\n`);
		return EXIT.ok;
	}
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(command.file);
	} catch (error) {
		io.stderr(`glpi-improve: cannot read ${command.file}: ${fileProblem(error as NodeJS.ErrnoException)}\n`);
		return EXIT.badInput;
	}
	try {
		const decoded = decodeExport(bytes);
		if (decoded.encoding !== 'utf-8') {
			io.stderr(`glpi-improve: ${command.file}: not UTF-8, read as Windows-1252 (what Excel writes when the export is saved again)\n`);
		}
		const exported = parseGlpiCsv(decoded.text);
		for (const warning of exported.warnings) io.stderr(`glpi-improve: ${command.file}: ${warning}\n`);
		const report = analyseTickets(exported.tickets, command.analyse);
		// The report says how the file was read, too: stderr is lost once the report is sent on (issue 16).
		const source = { encoding: decoded.encoding };
		const output =
			command.format === 'json'
				? renderJson(report, source)
				: command.format === 'html'
					? renderHtml(report, { lang: command.lang, tickets: exported.tickets, source, ...(command.glpiUrl ? { glpiUrl: command.glpiUrl } : {}) })
					: renderText(report, command.lang, source);
		if (command.out) writeFileSync(command.out, output);
		else io.stdout(output);
		return EXIT.ok;
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		io.stderr(`glpi-improve: ${command.file}, ${error.message}\n`);
		return EXIT.badInput;
	}
}
