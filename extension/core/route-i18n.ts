import type { Language, MessageKey } from '../i18n';
import { requireRouteHost } from './route-host';

/**
 * Stands for i18n/index.ts in the per-route scripts' build (core/route-script-names.ts): the content script's own
 * language and catalogues, so a route script's strings follow the user's choice and its changes, and carry no copy of
 * the catalogues. Only what the route scripts' modules import is here: the build fails if one needs more.
 */
export type { Language, LanguageSetting, MessageKey } from '../i18n';

export const t = (key: MessageKey, values?: Record<string, string | number>): string => requireRouteHost().i18n.t(key, values);
export const getLanguage = (): Language => requireRouteHost().i18n.getLanguage();
export const onLanguageChange = (listener: (language: Language) => void): (() => void) => requireRouteHost().i18n.onLanguageChange(listener);
