// First import: the storage read starts before the other modules are evaluated (boot-read.ts).
import { bootRead } from './boot-read';
import { render } from 'preact';
import { Popup } from '../../components/popup/popup';
import popupStyles from '../../components/popup/popup.css?inline';
import { resolveLanguage, setLanguage } from '../../i18n';
import '../../i18n/manager';

// Marks for scripts/bench-popup.js: when the popup's own code starts (what comes before is the browser's page and
// module load), when the storage read is back, and when the first render is in the DOM.
performance.mark('gx-popup-start');

// The popup's styles come with its module rather than as a stylesheet of popup.html: one file fewer to read before
// the module runs, and no stylesheet for it to wait for.
const styles = new CSSStyleSheet();
styles.replaceSync(popupStyles);
document.adoptedStyleSheets = [styles];

void bootRead.then((boot) => {
	performance.mark('gx-popup-read');
	const language = resolveLanguage(boot.settings.language);
	setLanguage(language);
	document.documentElement.lang = language;
	render(<Popup boot={boot} />, document.getElementById('app') as HTMLElement);
	performance.mark('gx-popup-rendered');
});
