/**
 * GLPI's own text font, read from its page: our UI speaks in it (issue 14: the similar-tickets panel was in the
 * browser's default serif at 16 px beside GLPI's Inter at 14 px). Read once per document from GLPI's body, whose
 * computed style holds the family and size GLPI's theme gave it (GLPI 10.0.17: Inter, 14px; another theme, another
 * font), and handed to our shadow roots as two custom properties, which `all: initial` on our hosts leaves alone:
 * --gx-font (the family) and --gx-font-size. Our CSS falls back to the system's sans-serif without them.
 */
const known = new WeakMap<Document, { family: string; size: string }>();

export function glpiFont(doc: Document): { family: string; size: string } {
	const cached = known.get(doc);
	if (cached) return cached;
	const style = doc.body ? doc.defaultView?.getComputedStyle(doc.body) : undefined;
	const font = { family: style?.fontFamily ?? '', size: style?.fontSize ?? '' };
	known.set(doc, font);
	return font;
}

/** Sets GLPI's font on `element` (inside our shadow root): what it holds inherits the custom properties. */
export function inGlpiFont(element: HTMLElement, doc: Document): void {
	const { family, size } = glpiFont(doc);
	// setProperty, not CSS text: a page's font names never become CSS of ours.
	if (family) element.style.setProperty('--gx-font', family);
	if (/^\d+(\.\d+)?px$/.test(size)) element.style.setProperty('--gx-font-size', size);
}
