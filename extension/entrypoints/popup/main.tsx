import { render } from 'preact';
import { Popup } from '../../components/popup/popup';
import '../../components/popup/popup.css';
import { readPopupBoot } from '../../core/popup-boot';
import { resolveLanguage, setLanguage } from '../../i18n';
import '../../i18n/manager';

// Marks for scripts/bench-popup.js: when the popup's own code starts (what comes before is the browser's page and
// module load), when the storage read is back, and when the first render is in the DOM.
performance.mark('gx-popup-start');

void readPopupBoot().then((boot) => {
	performance.mark('gx-popup-read');
	const language = resolveLanguage(boot.settings.language);
	setLanguage(language);
	document.documentElement.lang = language;
	render(<Popup boot={boot} />, document.getElementById('app') as HTMLElement);
	performance.mark('gx-popup-rendered');
});
