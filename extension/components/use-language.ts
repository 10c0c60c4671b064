import { useEffect, useState } from 'preact/hooks';
import { type Language, getLanguage, onLanguageChange } from '../i18n';

/** Re-renders the component when the language changes, so a new choice in the options shows at once everywhere. */
export function useLanguage(): Language {
	const [language, setLanguage] = useState(getLanguage());
	useEffect(() => onLanguageChange(setLanguage), []);
	return language;
}
