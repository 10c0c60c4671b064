import { stem } from './stem';
import { STOP_WORDS } from './stop-words';

export { stem };

/**
 * How numbers and identifiers are treated.
 * - 'fold' (near-duplicates, the worker's idea texts): each kind of noise becomes one placeholder word, so that
 *   "reset for alice@example.org on 2026-11-03, 10 min" and "reset for bob@example.org on 03/11/2026, 5 min" read
 *   the same.
 * - 'keep' (similar-ticket ranking): numbers, versions, ids and URLs stay, because they name the thing (a port, an
 *   error code, a release, a link to the original report). Folding them costs recall@1 0.528 -> 0.408 on the
 *   Hadoop duplicates (docs/PATTERNS.md). E-mail addresses, dates and times are folded in both: they are personal
 *   data or say when, not what.
 */
export type NumberMode = 'fold' | 'keep';
export interface TokenizeOptions {
	numbers?: NumberMode;
}

type Rule = readonly [RegExp, string | ((match: string) => string)];

/**
 * An e-mail address. The local part may only start where a run of its characters starts (the lookbehind): without
 * it, each position inside a long run of digits and dots ("1.1.1...") started a new attempt that read the rest of
 * the run looking for an '@', quadratic time (a 20,000-character run took 1.4 s, issue 15).
 */
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

const ALWAYS: readonly Rule[] = [
	[EMAIL, ' zzemail '],
	[/\b\d{4}-\d{2}-\d{2}(t\d{2}:\d{2}(:\d{2}([.,]\d+)?)?z?)?\b/g, ' zzdate '],
	// Day first, as GLPI writes them in French and British formats; a dotted date needs its four-digit year, or
	// every version number (2.10.1) would read as a date.
	[/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2}[.-]\d{1,2}[.-]\d{4}\b/g, ' zzdate '],
	[/\b\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?\b/g, ' zztime '],
];

const FOLD: readonly Rule[] = [
	[/\bhttps?:\/\/\S+/g, ' zzurl '],
	[/\b\d{1,3}(\.\d{1,3}){3}\b/g, ' zzip '],
	[/\bv?\d+(\.\d+)+\b/g, ' zzver '],
	// GLPI references (#123), and the ids of ITSM tools typed in lower case (inc0012345); in capitals any tracker
	// key is folded before this (TRACKER_KEY).
	[/#\d+\b/g, ' zzid '],
	[/\b(inc|req|chg|prb|ritm|task|sr|tkt|ticket)-?\d{4,}\b/g, ' zzid '],
	[/\b\d+\b/g, ' zznum '],
];

/** Versions keep their dots as underscores, one token each ("2.9.2" -> "v2_9_2"), instead of three stray digits. */
const KEEP: readonly Rule[] = [[/\bv?\d+(\.\d+)+\b/g, (version) => ` v${version.replace(/^v/, '').replace(/\./g, '_')} `]];

/**
 * "Wi-Fi", "e-mail" and "HP-2F" are one word, not two stray syllables; longer compounds ("client-server") stay two
 * words so that each half still meets its own.
 */
const SHORT_COMPOUND = /\b([a-z0-9]{1,2})-([a-z0-9]{1,4})\b|\b([a-z0-9]{3,4})-([a-z0-9]{1,2})\b/g;

/** Lower case, accents folded (é -> e, ç -> c), ligatures split (œ -> oe). */
export function fold(text: string): string {
	const lower = text.toLowerCase();
	// Most ticket text is plain ASCII: skip the costly Unicode decomposition when there is nothing to decompose.
	if (!/[^\u0000-\u007f]/.test(lower)) return lower;
	return lower.replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}+/gu, '');
}

function applyRules(text: string, rules: readonly Rule[]): string {
	let out = text;
	for (const [pattern, replacement] of rules) {
		pattern.lastIndex = 0;
		out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
	}
	return out;
}

/**
 * Tracker keys are told apart by their capitals, so they are folded before the case is: "HDFS-12345", "INC0012345".
 * Lower-case letters then digits are left alone, or hexadecimal ids ("ca177624") would all read as one word.
 */
const TRACKER_KEY = /\b[A-Z][A-Z0-9]{1,9}-?\d{3,}\b/g;

/** Folded text with its noise replaced, ready to split into words: what every tokeniser here reads. */
export function normalizeText(text: string, numbers: NumberMode): string {
	const keyed = numbers === 'fold' && /\d/.test(text) ? text.replace(TRACKER_KEY, ' zzid ') : text;
	return clean(fold(keyed), numbers);
}

/** Noise folding, run only when a text has the characters a rule needs (digits, @, ://, -): most titles have none. */
export function clean(folded: string, numbers: NumberMode): string {
	let text = folded;
	const hasDigit = /\d/.test(text);
	if (hasDigit || text.includes('@')) text = applyRules(text, ALWAYS);
	if (numbers === 'fold' && (hasDigit || text.includes('://'))) text = applyRules(text, FOLD);
	if (numbers === 'keep' && hasDigit) text = applyRules(text, KEEP);
	if (text.includes('-')) text = text.replace(SHORT_COMPOUND, (_, a, b, c, d) => ` ${a ?? c}${b ?? d} `);
	return text;
}

/**
 * The term a raw word (a run of [a-z0-9_] of the cleaned text) stands for, or undefined for a stop word. Underscores
 * join identifiers (dfs_replication) but a leading or trailing one is markup (_italic_).
 */
export function wordOf(raw: string): string | undefined {
	if (raw.length < 2 || STOP_WORDS.has(raw)) return undefined;
	const word = raw.includes('_') ? raw.replace(/^_+|_+$/g, '') : raw;
	return word.length >= 2 ? stem(word) : undefined;
}

/** The words of a text that carry its subject, folded and stemmed, in order. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
	const words: string[] = [];
	for (const raw of normalizeText(text, options.numbers ?? 'fold').split(/[^a-z0-9_]+/)) {
		const word = wordOf(raw);
		if (word !== undefined) words.push(word);
	}
	return words;
}
