/** DOM helpers shared by features. `$` fails loudly on drift; `$optional` is for elements that may legitimately be absent. */

export class DomDriftError extends Error {
	constructor(feature: string, selector: string) {
		super(`${feature}: GLPI's page has no "${selector}" (did GLPI's markup change?)`);
		this.name = 'DomDriftError';
	}
}

export function $<E extends Element = Element>(feature: string, selector: string, root: ParentNode = document): E {
	const element = root.querySelector<E>(selector);
	if (!element) throw new DomDriftError(feature, selector);
	return element;
}

export const $optional = <E extends Element = Element>(selector: string, root: ParentNode = document) => root.querySelector<E>(selector);

/**
 * Calls `callback` once for every element matching `selector`, now and whenever GLPI adds one (AJAX tabs, list
 * re-renders), until `signal` aborts. One MutationObserver per call; elements are remembered, never handled twice.
 * After the first scan only the added subtrees are searched, and ours (gx-… hosts) not at all: a search of the whole
 * page on every change cost 2.5-5 ms per change on a 1,000-row ticket list (scripts/bench-badges.js).
 */
export function observe<E extends Element = Element>(selector: string, callback: (element: E) => void, options: { signal: AbortSignal; root?: ParentNode }): void {
	const root = options.root ?? document;
	const seen = new WeakSet<Element>();
	const handle = (element: E) => {
		if (seen.has(element)) return;
		seen.add(element);
		callback(element);
	};
	for (const element of root.querySelectorAll<E>(selector)) handle(element);
	if (options.signal.aborted) return;
	const observer = new MutationObserver((records) => {
		for (const record of records) {
			for (const node of record.addedNodes) {
				if (node.nodeType !== Node.ELEMENT_NODE || !node.isConnected) continue;
				const element = node as Element;
				if (element.localName.startsWith('gx-')) continue;
				if (element.matches(selector)) handle(element as E);
				for (const inner of element.querySelectorAll<E>(selector)) handle(inner);
			}
		}
	});
	observer.observe(root instanceof Document ? root.documentElement : (root as Node), { childList: true, subtree: true });
	options.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
