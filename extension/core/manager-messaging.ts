import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BacklogDetail, BacklogItem, BacklogPatch } from '../../shared/schemas/backlog';
import { OPEN_STATUSES } from '../../shared/vocabulary';
import type { Hint, HintInput, HintPatch, ManagerHint } from '../../shared/schemas/hint';
import type { Enrollment, EnrollmentInput, Installation } from '../../shared/schemas/enrollment';
import type { Metrics } from '../../shared/schemas/metrics';
import type { ActInput, Plan, PlanInput } from '../../shared/schemas/plan';
import type { GlpiFailureReason, GlpiItemtype } from '../background/glpi-api';
import type { Result } from './messaging';

/** Filters of the manager's backlog, as the popup holds them (the API takes comma-separated lists). */
export interface BacklogFilters {
	status?: string[];
	kind?: string[];
	route?: string;
	q?: string;
	sort: 'score' | 'recent';
}

/** What the popup shows first: open items by score. Its first page is cached so the popup opens at once. */
export const DEFAULT_FILTERS: BacklogFilters = { sort: 'score', status: [...OPEN_STATUSES] };
export const isDefaultView = (filters: BacklogFilters) =>
	filters.sort === 'score' && !filters.kind?.length && !filters.route && !filters.q && (filters.status ?? []).join(',') === OPEN_STATUSES.join(',');

export type PushOutcome =
	| { ok: true; itemtype: GlpiItemtype; id: number; url: string; linked: number[]; notLinked: { ticketId: number; message: string }[]; saveError?: string }
	| { ok: false; reason: GlpiFailureReason | 'not-configured'; detail: string };

/** GLPI's service figures of the last weeks per category, as the dashboard shows them (issue 17). */
export interface FiguresView {
	from: string;
	to: string;
	/** The whole weeks shown, oldest first; `perWeek` has one entry each (null: no reading covered that week). */
	weeks: string[];
	missing: string[];
	/** When the newest reading of the period was sent. */
	readAt: string | null;
	categories: {
		category: string;
		perWeek: (number | null)[];
		openedPerWeek: number | null;
		medianHours: number | null;
		lateShare: number | null;
		reopenShare: number | null;
		satisfaction: number | null;
		satisfactionAnswers: number;
		/** The volume of the period's second half over its first (null: unknown, or nothing before). */
		trend: number | null;
	}[];
}

/**
 * Messages of the manager's popup to the background, which owns the token and the network. Kept apart from the
 * capture protocol (core/messaging.ts): each protocol answers only its own message types.
 */
interface ManagerProtocolMap {
	listBacklog(input: { filters: BacklogFilters; cursor?: string; limit?: number }): Result<{ items: BacklogItem[]; nextCursor: string | null }>;
	getItem(id: string): Result<BacklogDetail>;
	patchItem(input: { id: string; patch: BacklogPatch }): Result<BacklogItem>;
	mergeItem(input: { id: string; into: string }): Result<BacklogItem>;
	getMetrics(input: { from?: string; to?: string }): Result<Metrics>;
	exportCsv(filters: BacklogFilters): Result<string>;
	/** The improvement plan of a period as a file, HTML or Markdown (issue 17). */
	exportPlan(input: { from: string; to: string; format: 'html' | 'md'; lang: 'en' | 'fr' }): Result<{ name: string; type: string; text: string }>;
	/** PLAN, Check and ACT of an item (issue 17); the worker computes baselines and measures. */
	listPlans(): Result<Plan[]>;
	getPlan(itemId: string): Result<Plan | null>;
	putPlan(input: { itemId: string; plan: PlanInput }): Result<Plan>;
	checkPlan(itemId: string): Result<Plan>;
	actOnPlan(input: { itemId: string; act: ActInput }): Result<{ plan: Plan; item: BacklogItem }>;
	serviceFigures(input: { weeks?: number }): Result<FiguresView>;
	listHints(route?: string): Result<Hint[]>;
	createHint(input: HintInput): Result<ManagerHint>;
	updateHint(input: { id: string; patch: HintPatch }): Result<ManagerHint>;
	deleteHint(id: string): Result<true>;
	pushToGlpi(input: { itemId: string; itemtype: GlpiItemtype; language: 'en' | 'fr' }): PushOutcome;
	/** Opens and closes a GLPI API session with the saved settings (options page). */
	listEnrollments(): Result<Enrollment[]>;
	/** The code comes back this once. */
	createEnrollment(input: EnrollmentInput): Result<{ enrollment: Enrollment; code: string }>;
	revokeEnrollment(id: string): Result<true>;
	listInstallations(): Result<Installation[]>;
	revokeInstallation(id: string): Result<true>;
	checkGlpiApi(): { ok: true } | { ok: false; reason: GlpiFailureReason | 'not-configured'; detail: string };
}

export const { sendMessage: sendManagerMessage, onMessage: onManagerMessage } = defineExtensionMessaging<ManagerProtocolMap>();
