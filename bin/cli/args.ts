import { parseArgs } from 'node:util';
import type { AnalyseOptions } from '../../shared/patterns/analyse';
import { parseGlpiDate } from '../../shared/patterns/glpi-dates';
import type { PeriodKind } from '../../shared/patterns/periods';
import type { Lang } from '../../shared/patterns/report/labels';
import { glpiRoot } from '../../shared/patterns/report/ticket-links';

export const FORMATS = ['text', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: glpi-improve patterns <export.csv> [options]

Finds near-duplicate tickets, spikes per category, reopen loops, late tickets and service indicators in the CSV
export of a GLPI ticket search (Assistance > Tickets, Export > CSV; ';'-separated, UTF-8, English or French).

Options:
  --format text|json|html   output format (default: text)
  --out <file>              write to a file instead of the standard output
  --threshold <0-1>         near-duplicate Jaccard threshold (default: 0.4)
  --window <days>           spike window (default: 7)
  --baseline <days>         spike baseline before the window (default: 56)
  --min-count <n>           tickets a window needs to be a spike (default: 3)
  --min-ratio <x>           times the baseline rate a spike needs (default: 2)
  --period month|week       period of the service indicators (default: month)
  --as-of <YYYY-MM-DD>      "now" for windows and lateness (default: the latest date in the export)
  --lang en|fr              language of the text and HTML reports (default: en)
  --glpi-url <address>      GLPI's address (https://glpi.example/): ticket ids in the HTML report link to the tickets
  -h, --help                this help
  -v, --version             the version (the same as the extension's and the worker's)

Exit codes: 0 done, 1 the file cannot be read as a GLPI export (the message names the line), 2 wrong usage.`;

export class UsageError extends Error {
	override name = 'UsageError';
}

export interface Command {
	file: string;
	format: Format;
	out?: string;
	lang: Lang;
	/** GLPI's root address, checked (glpiRoot). */
	glpiUrl?: string;
	analyse: AnalyseOptions;
}

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	const parsed = Number(value);
	if (!Number.isFinite(parsed) || parsed < min || parsed > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}, not ${JSON.stringify(value)}`);
	return parsed;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
	return value as T;
}

/** The command to run, 'help' or 'version'; throws UsageError for anything else. */
export function parseCommand(argv: readonly string[]): Command | 'help' | 'version' {
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				format: { type: 'string' },
				out: { type: 'string' },
				threshold: { type: 'string' },
				window: { type: 'string' },
				baseline: { type: 'string' },
				'min-count': { type: 'string' },
				'min-ratio': { type: 'string' },
				period: { type: 'string' },
				'as-of': { type: 'string' },
				lang: { type: 'string' },
				'glpi-url': { type: 'string' },
				help: { type: 'boolean', short: 'h' },
				version: { type: 'boolean', short: 'v' },
			},
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const { values, positionals } = parsed;
	if (values.help) return 'help';
	if (values.version) return 'version';
	const [command, file, ...extra] = positionals;
	if (command !== 'patterns') throw new UsageError(command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`);
	if (file === undefined) throw new UsageError('no export file given');
	if (extra.length > 0) throw new UsageError(`one export file at a time (also got ${extra.join(', ')})`);
	const text = (name: string) => values[name] as string | undefined;
	const asOfText = text('as-of');
	const asOf = asOfText === undefined ? undefined : parseGlpiDate(asOfText, 'ymd');
	if (asOf !== undefined && Number.isNaN(asOf)) throw new UsageError(`--as-of must be a date such as 2026-11-28, not ${JSON.stringify(asOfText)}`);
	const threshold = number('threshold', text('threshold'), 0.05, 1);
	const windowDays = number('window', text('window'), 1, 366);
	const baselineDays = number('baseline', text('baseline'), 1, 3660);
	const minCount = number('min-count', text('min-count'), 1, 100_000);
	const minRatio = number('min-ratio', text('min-ratio'), 1, 1000);
	const period = oneOf<PeriodKind>('period', text('period'), ['month', 'week']);
	const out = text('out');
	const glpiUrlText = text('glpi-url');
	const glpiUrl = glpiUrlText === undefined ? undefined : glpiRoot(glpiUrlText);
	if (glpiUrlText !== undefined && glpiUrl === undefined) {
		throw new UsageError(`--glpi-url must be GLPI's http or https address, such as https://glpi.example/, not ${JSON.stringify(glpiUrlText)}`);
	}
	return {
		file,
		format: oneOf('format', text('format'), FORMATS) ?? 'text',
		...(out === undefined ? {} : { out }),
		lang: oneOf<Lang>('lang', text('lang'), ['en', 'fr']) ?? 'en',
		...(glpiUrl === undefined ? {} : { glpiUrl }),
		analyse: {
			// A date given alone means the whole day: windows then end at its last moment.
			...(asOf === undefined ? {} : { asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOfText ?? '') ? asOf + 86_400_000 - 1 : asOf }),
			...(threshold === undefined ? {} : { clusters: { threshold } }),
			spikes: {
				...(windowDays === undefined ? {} : { windowDays }),
				...(baselineDays === undefined ? {} : { baselineDays }),
				...(minCount === undefined ? {} : { minCount }),
				...(minRatio === undefined ? {} : { minRatio }),
			},
			...(period === undefined ? {} : { indicators: { period } }),
		},
	};
}
