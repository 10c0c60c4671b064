import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { setLanguage } from '../../extension/i18n';

/**
 * An element in the document for each test to render into, in English: appended before every test, unmounted and
 * taken out after it. One element for the whole file, so the tests keep a plain `container`.
 */
export function testContainer(): HTMLElement {
	const container = document.createElement('div');
	beforeEach(() => {
		setLanguage('en');
		document.body.append(container);
	});
	afterEach(() => {
		render(null, container);
		container.remove();
	});
	return container;
}
