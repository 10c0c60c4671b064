import { onLanguageChange, t } from '../i18n';

/**
 * The capture tab as plain DOM, the same element and classes CaptureButton renders: what a GLPI page shows first. A
 * cold page pays for Preact's first render (compiling its diff and our components: 7 ms of the extension's 21 ms before
 * the tab, docs/BENCHMARKS.md, "Extension budget"); the tab needs none of it until it is used. `onPress` hands over to
 * CaptureButton; `remove` takes the tab away and says whether it had the focus, so that the hand-over keeps it. It stops
 * following the language when `signal` aborts (the hand-over, or the page going first).
 */
export function plainCaptureTab(container: HTMLElement, onPress: () => void, signal: AbortSignal): { remove(): boolean } {
	const doc = container.ownerDocument;
	const root = doc.createElement('div');
	root.className = 'gx-root';
	const tab = doc.createElement('button');
	tab.type = 'button';
	tab.className = 'gx-tab';
	tab.dataset.gx = 'capture-button';
	tab.setAttribute('aria-expanded', 'false');
	const label = () => {
		tab.title = t('capture.buttonTitle');
		tab.textContent = t('capture.button');
	};
	label();
	signal.addEventListener('abort', onLanguageChange(label), { once: true });
	tab.addEventListener('click', onPress);
	root.append(tab);
	container.append(root);
	return {
		remove() {
			const focused = (container.getRootNode() as ShadowRoot | Document).activeElement === tab;
			root.remove();
			return focused;
		},
	};
}
