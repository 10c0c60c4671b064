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
 */
export function observe<E extends Element = Element>(selector: string, callback: (element: E) => void, options: { signal: AbortSignal; root?: ParentNode }): void {
	const root = options.root ?? document;
	const seen = new WeakSet<Element>();
	const scan = () => {
		for (const element of root.querySelectorAll<E>(selector)) {
			if (seen.has(element)) continue;
			seen.add(element);
			callback(element);
		}
	};
	scan();
	if (options.signal.aborted) return;
	const observer = new MutationObserver(scan);
	observer.observe(root instanceof Document ? root.documentElement : (root as Node), { childList: true, subtree: true });
	options.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
