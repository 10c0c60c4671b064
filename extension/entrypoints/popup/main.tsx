import { render } from 'preact';
import { Popup } from '../../components/popup/popup';
import '../../components/popup/popup.css';
import { readPopupBoot } from '../../core/popup-boot';
import { resolveLanguage, setLanguage } from '../../i18n';
import '../../i18n/manager';

void readPopupBoot().then((boot) => {
	const language = resolveLanguage(boot.settings.language);
	setLanguage(language);
	document.documentElement.lang = language;
	render(<Popup boot={boot} />, document.getElementById('app') as HTMLElement);
});
