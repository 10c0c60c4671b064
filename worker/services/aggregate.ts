import type { Signal, SignalKind } from '../../shared/schemas/signal';
import { LSH_BANDS, estimateJaccard, lshBandKeys, minhash, wordTrigrams } from '../../shared/text/minhash';
import { tokenize } from '../../shared/text/normalize';

/**
 * Which backlog item a signal belongs to (API.md, Aggregation), as pure functions over the signal:
 * - friction and auto-friction: one key per tag on (route, selector, tag); any shared key is a match;
 * - idea, bug, praise: LSH band keys of the text's MinHash within (kind, page kind); a candidate matches when the
 *   estimated Jaccard of their trigram sets reaches TEXT_MATCH_THRESHOLD;
 * - pattern: the (type, signature) key and one key per ticket id; any shared key is a match.
 * The keys are stored in item_keys, so finding the candidates is an index lookup, never a scan of the items.
 */
export const TEXT_MATCH_THRESHOLD = 0.5;

export type Family = 'friction' | 'text' | 'pattern';

export interface SignalKeys {
	family: Family;
	keys: string[];
	/** The MinHash of the text, for the text family (hex is stored on the item). */
	signature?: Uint32Array;
}

export const familyOf = (kind: SignalKind): Family =>
	kind === 'friction' || kind === 'auto-friction' ? 'friction' : kind === 'pattern' ? 'pattern' : 'text';

export function keysOf(signal: Signal): SignalKeys {
	const family = familyOf(signal.kind);
	if (family === 'friction') {
		const where = `f|${signal.page.route}|${signal.target?.selector ?? ''}`;
		const tags = signal.tags?.length ? signal.tags : [''];
		return { family, keys: tags.map((tag) => `${where}|${tag}`) };
	}
	if (family === 'pattern') {
		const pattern = signal.pattern;
		if (!pattern) return { family, keys: [`p|${signal.id}`] };
		return {
			family,
			keys: [
				`p|${pattern.type}|${pattern.signature.toLowerCase()}`,
				...pattern.ticketIds.map((ticketId) => `pt|${pattern.type}|${ticketId}`),
			],
		};
	}
	const words = tokenize(signal.text ?? '');
	const scope = `t|${signal.kind}|${signal.page.kind}`;
	// Without words there is nothing to compare: such signals group by page (route) instead.
	if (words.length === 0) return { family, keys: [`${scope}|route:${signal.page.route}`] };
	const signature = minhash(wordTrigrams(words));
	return { family, keys: lshBandKeys(signature).map((band) => `${scope}|${band}`), signature };
}

export interface Candidate {
	id: string;
	rank: number;
	signature: Uint32Array | null;
}

/** The best candidate for a signal, or undefined when none is close enough. */
export function chooseItem(keys: SignalKeys, candidates: readonly Candidate[]): Candidate | undefined {
	if (keys.family !== 'text' || !keys.signature) {
		return [...candidates].sort((a, b) => b.rank - a.rank)[0];
	}
	let best: Candidate | undefined;
	let bestSimilarity = TEXT_MATCH_THRESHOLD;
	for (const candidate of candidates) {
		if (!candidate.signature) continue;
		const similarity = estimateJaccard(keys.signature, candidate.signature);
		if (similarity >= bestSimilarity) {
			best = candidate;
			bestSimilarity = similarity;
		}
	}
	return best;
}

/** The first title of a new item, from its first signal; managers can rename it. */
export function titleOf(signal: Signal): string {
	const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 117).trimEnd()}…` : text);
	const text = signal.text?.replace(/\s+/g, ' ').trim();
	if (signal.kind === 'pattern' && signal.pattern) {
		return clip(`${signal.pattern.type}: ${signal.pattern.signature} (${signal.pattern.size} tickets)`);
	}
	if (text && familyOf(signal.kind) === 'text') return clip(text);
	const where = signal.target?.label ?? signal.target?.selector ?? signal.page.route;
	const tags = signal.tags?.length ? signal.tags.join(', ') : signal.kind;
	return clip(text ? `${tags} — ${where}: ${text}` : `${tags} — ${where}`);
}

export { LSH_BANDS };
