import { type Feature, onPageKind } from './feature-manager';
import type { RouteScript } from './route-script-names';

/**
 * Features that serve one kind of GLPI page, and the per-route script each lives in (issue 14's budget: the content
 * script every GLPI page loads stays under 32 kB gzip). Where they run is said here, for the content script to decide
 * without their code; the features themselves (features/*.tsx) take it from here too.
 */
export const ON_DEMAND = {
	'pattern-highlights': { script: 'glpi-ticket-list', include: [onPageKind('ticket-list')], deferred: true },
	// The creation form has no ticket yet.
	'similar-tickets': { script: 'glpi-ticket-form', include: [onPageKind('ticket-form')], exclude: [(page) => page.itemId === undefined], deferred: true },
} satisfies Record<string, Pick<Feature, 'include' | 'exclude' | 'deferred'> & { script: RouteScript }>;

export type OnDemandId = keyof typeof ON_DEMAND;
