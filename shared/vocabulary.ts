/**
 * The enumerations of the v1 API, without zod: the schemas build on them, and UI code that only needs the values (the
 * popup's filters, for one) imports them from here, so zod stays out of its bundle.
 */
export const SIGNAL_KINDS = ['idea', 'friction', 'bug', 'praise', 'auto-friction', 'pattern'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The PDCA stages of ITIL continual improvement, plus the two ways out. */
export const ITEM_STATUSES = ['new', 'plan', 'do', 'check', 'act', 'done', 'rejected'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** Statuses in which an item is still open. */
export const OPEN_STATUSES: readonly ItemStatus[] = ['new', 'plan', 'do', 'check', 'act'];
/**
 * Open statuses past "new": a manager has triaged the item. Only these show to other users as known issues (issue
 * 15: what nobody reviewed never shows on everyone's pages).
 */
export const TRIAGED_OPEN_STATUSES: readonly ItemStatus[] = ['plan', 'do', 'check', 'act'];

/** Roles an enrollment code can give: never manager (a manager token stays a deliberate POST /v1/tokens). */
export const ENROLLMENT_ROLES = ['reporter', 'technician'] as const;

/**
 * What an item's PLAN can measure (issue 17): its own signal rate, or one of GLPI's service measures for its
 * categories (shared/improvement/measures.ts, SERVICE_MEASURES, in the same order: a test holds them equal).
 */
export const PLAN_MEASURES = ['signal-rate', 'opened-per-week', 'median-hours-to-solve', 'late-share', 'reopen-share', 'satisfaction'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];
/** The Check's verdicts: met, not met, too early (before the review date or too little data), unknown (no column). */
export const VERDICTS = ['met', 'not-met', 'too-early', 'unknown'] as const;
