import { en, type MessageKey as CaptureKey } from './en';
import type { ManagerMessageKey } from './en-manager';
import type { PagesMessageKey } from './en-pages';
import type { RolloutMessageKey } from './en-rollout';
import { fr } from './fr';

export type Language = 'en' | 'fr';
export type LanguageSetting = Language | 'auto';
/** Catalogs are split by area (what GLPI pages show; the extension's own pages; the manager's view; the roll-out). */
export type MessageKey = CaptureKey | PagesMessageKey | ManagerMessageKey | RolloutMessageKey;

/**
 * Only the strings GLPI pages show are always here; the popup, the options and the background add their own and the
 * manager's (i18n/manager.ts), so the content script never carries strings it does not show (issue 14's budget,
 * docs/BENCHMARKS.md, "Extension budget").
 */
const catalogs: Record<Language, Partial<Record<MessageKey, string>>> = { en: { ...en }, fr: { ...fr } };

export function addCatalogs(parts: Record<Language, Partial<Record<MessageKey, string>>>): void {
	Object.assign(catalogs.en, parts.en);
	Object.assign(catalogs.fr, parts.fr);
}
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
	const template = catalogs[current][key] ?? catalogs.en[key] ?? key;
	return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

// One formatter per language: building an Intl formatter costs far more than using one (50 rows in the popup).
const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();

/** Relative time in the current language ("3 days ago", "il y a 3 jours"). */
export function relativeTime(iso: string, now = Date.now()): string {
	const seconds = Math.round((Date.parse(iso) - now) / 1000);
	let format = relativeFormats.get(current);
	if (!format) relativeFormats.set(current, (format = new Intl.RelativeTimeFormat(current, { numeric: 'auto' })));
	const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3600], ['minute', 60]];
	for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
	return format.format(seconds, 'second');
}
