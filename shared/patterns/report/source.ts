import { type Labels, labelsFor } from './labels';

/** What a report knows of the file it was made from, beyond its tickets. */
export interface ReportSource {
	/**
	 * How the file was read: 'windows-1252' when it was not UTF-8 (what Excel writes when a French user saves the
	 * export again). The report says so itself (issue 16): a notice on stderr is lost once the report is sent on.
	 */
	encoding?: 'utf-8' | 'windows-1252';
}

/** The notices a report opens with, in the report's language. */
export const sourceNotices = (source: ReportSource | undefined, labels: Labels): string[] => (source?.encoding === 'windows-1252' ? [labels.windows1252] : []);

/** The source as the JSON report writes it: the encoding, and its notices in both languages. */
export function sourceJson(source: ReportSource | undefined): object | undefined {
	if (source?.encoding === undefined) return undefined;
	const [en, fr] = (['en', 'fr'] as const).map((lang) => sourceNotices(source, labelsFor(lang)));
	return { encoding: source.encoding, notices: (en ?? []).map((text, i) => ({ en: text, fr: fr?.[i] ?? text })) };
}
