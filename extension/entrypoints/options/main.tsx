import { render } from 'preact';
import { GlpiApiSection } from '../../components/options/glpi-api-section';
import { Options } from '../../components/options/options';
import '../../components/options/options.css';
import { settingsStorage } from '../../core/storage';
import { resolveLanguage, setLanguage } from '../../i18n';
import '../../i18n/manager';

void settingsStorage.getValue().then((settings) => {
	const language = resolveLanguage(settings.language);
	setLanguage(language);
	document.documentElement.lang = language;
	render(
		<>
			<Options initial={settings} />
			<GlpiApiSection />
		</>,
		document.getElementById('app') as HTMLElement,
	);
});
