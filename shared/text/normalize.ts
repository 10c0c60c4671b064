import { STOP_WORDS } from './stop-words';

/**
 * Folding of ticket-style noise before tokenising: each kind becomes one placeholder word, so that "reset for
 * alice@example.org on 2026-11-03" and "reset for bob@example.org on 03/11/2026" read the same.
 */
const NOISE: [RegExp, string][] = [
	[/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' zzemail '],
	[/\bhttps?:\/\/\S+/g, ' zzurl '],
	[/\b\d{1,3}(\.\d{1,3}){3}\b/g, ' zzip '],
	[/\b\d{4}-\d{2}-\d{2}([ t]\d{2}:\d{2}(:\d{2})?)?\b/g, ' zzdate '],
	[/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g, ' zzdate '],
	[/\b\d{1,2}:\d{2}(:\d{2})?\b/g, ' zztime '],
	[/#\d+\b/g, ' zzid '],
	[/\b\d+\b/g, ' zznum '],
];

/** Lower case, accents folded (é -> e, ç -> c), ligatures split (œ -> oe). */
export function fold(text: string): string {
	return text
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.normalize('NFD')
		.replace(/\p{M}+/gu, '');
}

/**
 * Light stemming shared by English and French: strip inflections that do not change the subject (plurals, -ing,
 * -ed, French -ement/-ees/-er) and keep at least four letters, so "printers", "printing" and "printed" meet, and
 * "imprimantes" meets "imprimante", without merging unrelated words.
 */
export function stem(word: string): string {
	if (word.length <= 4 || word.startsWith('zz')) return word;
	const rules: [RegExp, string][] = [
		[/ements?$/, ''],
		[/ations?$/, 'at'],
		[/ies$/, 'y'],
		[/ing$/, ''],
		[/ees?$/, ''],
		[/(ed|er|es|ez)$/, ''],
		[/[sx]$/, ''],
		[/e$/, ''],
	];
	for (const [suffix, replacement] of rules) {
		if (suffix.test(word)) {
			const stemmed = word.replace(suffix, replacement);
			if (stemmed.length >= 4) return stemmed;
		}
	}
	return word;
}

/** The words of a text that carry its subject, folded and stemmed, in order. */
export function tokenize(text: string): string[] {
	let folded = fold(text);
	for (const [pattern, placeholder] of NOISE) folded = folded.replace(pattern, placeholder);
	const words: string[] = [];
	for (const raw of folded.split(/[^a-z0-9]+/)) {
		if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
		words.push(stem(raw));
	}
	return words;
}
