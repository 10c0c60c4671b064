import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Language = 'en' | 'fr';
export type LanguageSetting = Language | 'auto';
export type { MessageKey };

const catalogs: Record<Language, Record<MessageKey, string>> = { en, fr };
let current: Language = 'en';

/** The language of a setting: "auto" follows the browser (navigator.language), French for any fr-* locale. */
export function resolveLanguage(setting: LanguageSetting, browserLanguage = globalThis.navigator?.language ?? 'en'): Language {
	if (setting !== 'auto') return setting;
	return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const listeners = new Set<(language: Language) => void>();

export function setLanguage(language: Language): void {
	if (language === current) return;
	current = language;
	for (const listener of listeners) listener(language);
}

/** Calls `listener` whenever the language changes (the options apply it at once); returns the unsubscribe. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export const getLanguage = () => current;

/** The string for `key` in the current language, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
	const template = catalogs[current][key];
	return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
