import { type ComponentChild, render } from 'preact';
import { inGlpiFont } from './glpi-font';

/**
 * Our UI in a shadow root at the end of GLPI's body: GLPI's CSS never reaches it and ours never reaches GLPI. The host
 * is a custom element named gx-… (namespaced; isOwnUi knows it), reset with `all: initial`. Keyboard events are kept
 * inside, so typing in our panel never sets off GLPI's own shortcuts. Removed when `signal` aborts.
 *
 * A few lines instead of WXT's createShadowRootUi, whose auto-mount machinery (wait-element, defu and a custom-element
 * name check) would run on every GLPI page load for nothing (docs/BENCHMARKS.md, "Extension budget").
 */
export function mountShadowUi(options: {
	name: string;
	css: string;
	signal: AbortSignal;
	/** What Preact renders in the shadow root, */
	ui?: ComponentChild;
	/** … or, instead, what draws it there by itself (the capture tab: plain DOM first, Preact later). */
	mount?: (container: HTMLElement) => void;
	document?: Document;
	/** Puts the host in the page (in the flow of GLPI's layout, say); the end of the body by default. */
	place?: (host: HTMLElement) => void;
	/**
	 * Renders before the host goes in the page, so that the UI's layout effects read boxes of a page we have not
	 * changed yet (no layout forced by our own insertion). Not for a UI that focuses or measures itself when mounted.
	 */
	renderFirst?: boolean;
}): HTMLElement {
	const doc = options.document ?? document;
	const host = doc.createElement(options.name);
	const shadow = host.attachShadow({ mode: 'open' });
	const style = doc.createElement('style');
	style.textContent = `:host{all:initial !important}\n${options.css}`;
	const container = doc.createElement('div');
	inGlpiFont(container, doc);
	for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (event) => event.stopPropagation());
	shadow.append(style, container);
	const draw = () => (options.mount ? options.mount(container) : render(options.ui, container));
	if (options.renderFirst) draw();
	if (options.place) options.place(host);
	else doc.body.append(host);
	if (!options.renderFirst) draw();
	options.signal.addEventListener(
		'abort',
		() => {
			render(null, container);
			host.remove();
		},
		{ once: true },
	);
	return host;
}
