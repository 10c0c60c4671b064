import { render } from 'preact';
import { Popup } from '../../components/popup/popup';
import '../../components/popup/popup.css';
import { readPopupBoot } from '../../core/popup-boot';
import { resolveLanguage, setLanguage } from '../../i18n';
import '../../i18n/manager';

// When the popup's own code starts: what comes before is the browser's (page and module load), for the benchmark.
performance.mark('gx-popup-start');

void readPopupBoot().then((boot) => {
	const language = resolveLanguage(boot.settings.language);
	setLanguage(language);
	document.documentElement.lang = language;
	render(<Popup boot={boot} />, document.getElementById('app') as HTMLElement);
});
