import '../../core/zod-jitless';
import { render } from 'preact';
import { Popup } from '../../components/popup/popup';
import '../../components/popup/popup.css';
import { settingsStorage } from '../../core/storage';
import { resolveLanguage, setLanguage } from '../../i18n';
import '../../i18n/manager';

void settingsStorage.getValue().then((settings) => {
	const language = resolveLanguage(settings.language);
	setLanguage(language);
	document.documentElement.lang = language;
	render(<Popup />, document.getElementById('app') as HTMLElement);
});
