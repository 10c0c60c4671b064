import { ALL_CATEGORIES } from '../indicators';
import { NO_CATEGORY, isoDay } from '../periods';
import { HOUR_MS } from '../ticket';
import type { Labels } from './labels';

export const day = (time: number | null | undefined, labels: Labels) => (time == null ? labels.unknown : isoDay(time));

/** "36 h" under two days, "4.5 d" above. */
export function duration(hours: number | null, labels: Labels): string {
	if (hours === null) return labels.unknown;
	if (hours < 48) return `${Math.round(hours)} ${labels.hours}`;
	return `${(hours / 24).toFixed(1)} ${labels.days}`;
}

export const durationMs = (ms: number | undefined, labels: Labels) => (ms === undefined ? labels.unknown : duration(ms / HOUR_MS, labels));

export const percent = (share: number | null, labels: Labels) => (share === null ? labels.unknown : `${Math.round(share * 100)} %`);

export const stars = (value: number | null, labels: Labels) => (value === null ? labels.unknown : `${value.toFixed(1)} / 5`);

export const ratio = (value: number | null, labels: Labels) => (value === null ? labels.newCategory : `×${value.toFixed(1)}`);

/** The names the engine uses for "all" and "none", in the report's language. */
export function categoryName(category: string | undefined, labels: Labels): string {
	if (category === ALL_CATEGORIES) return labels.allCategories;
	if (category === undefined || category === NO_CATEGORY) return labels.noCategory;
	return category;
}

/** Trend arrows; whether up is good depends on the indicator, so the caller says which way is better. */
export function arrow(direction: 'up' | 'down' | 'flat' | null): string {
	return direction === 'up' ? '↑' : direction === 'down' ? '↓' : direction === 'flat' ? '→' : '';
}

/** A window [start, end) as the days it covers. */
export const windowText = (start: number, end: number) => `${isoDay(start)} – ${isoDay(end - 1)}`;
