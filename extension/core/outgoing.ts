import { redact } from '../../shared/redact';
import type { Page, Signal } from '../../shared/schemas/signal';
import type { SignalDraft } from './messaging';
import type { PrivacySettings } from './storage';

/** A signal without what the background adds (id, time, the installation's random id). */
export type Outgoing = Omit<Signal, 'id' | 'createdAt' | 'reporter'>;

/** The stricter of two sets of switches: what the preview showed and what applies now. */
export const strictest = (a: PrivacySettings, b: PrivacySettings = a): PrivacySettings => ({
	redactNames: a.redactNames || b.redactNames,
	includeCategory: a.includeCategory && b.includeCategory,
	includeItemId: a.includeItemId && b.includeItemId,
});

/**
 * Exactly what leaves the browser for a draft, under the privacy switches: the capture panel's preview shows this
 * object, and the background builds the signal from the same function, so the preview never differs from what is
 * sent. Personal data in the words and in an element's label is redacted (shared/redact.ts).
 */
export function outgoingOf(draft: SignalDraft, privacy: PrivacySettings): Outgoing {
	const names = privacy.redactNames ? (draft.names ?? []) : [];
	const page: Page = { ...draft.page };
	if (!privacy.includeCategory) {
		delete page.category;
		delete page.status;
	}
	if (!privacy.includeItemId) delete page.itemId;
	const outgoing: Outgoing = { kind: draft.kind, page };
	const text = draft.text?.trim();
	if (text) outgoing.text = redact(text, names);
	if (draft.tags?.length) outgoing.tags = draft.tags;
	if (draft.severity !== undefined) outgoing.severity = draft.severity;
	if (draft.target) {
		const label = draft.target.label ? redact(draft.target.label, names) : undefined;
		outgoing.target = label ? { selector: draft.target.selector, label } : { selector: draft.target.selector };
	}
	if (draft.count !== undefined) outgoing.count = draft.count;
	if (draft.pattern) outgoing.pattern = privacy.redactNames ? { ...draft.pattern, signature: signatureWithoutNames(draft.pattern.signature, draft.names ?? []) } : draft.pattern;
	return outgoing;
}

/** Lower case, accents folded: how the pattern engine writes a signature's words (shared/text/normalize.ts, `fold`). */
const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');

/**
 * A ticket pattern's keyword signature without the names of people GLPI shows on the page. Its words are the tickets'
 * own, so a requester named in two titles got into it ("salary advance dupontel"), and reporters read it back through
 * GET /v1/hints (issue 15). The engine keeps only words several tickets of the group share; here every word that is
 * a part of a known name (requester, technician, author: glpi/people.ts) goes too, unless the workspace shares text
 * and the user allowed names (the caller's privacy switch). A signature of names only becomes a neutral one.
 */
export function signatureWithoutNames(signature: string, names: readonly string[]): string {
	const parts = new Set(names.flatMap((name) => fold(name).split(/[^\p{L}\p{N}]+/u)).filter((part) => part.length >= 2));
	if (parts.size === 0) return signature;
	const kept = signature.split(/\s+/).filter((word) => word && !parts.has(fold(word)));
	return kept.length > 0 ? kept.join(' ') : 'similar tickets';
}

/**
 * A ticket pattern carries no ticket text unless the workspace shares text (then one sample title, redacted like any
 * words). The overlay sends none in that case already; the background applies it again to every draft it queues.
 */
export function patternDraft(draft: SignalDraft, shareText: boolean): SignalDraft {
	if (draft.kind !== 'pattern' || shareText || draft.text === undefined) return draft;
	const { text: _dropped, ...rest } = draft;
	return rest;
}
