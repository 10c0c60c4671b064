/** Limits of the v1 API (../shared/API.md), enforced by the schemas and by the worker. */
/** The contract's version (../shared/API.md): what `GET /v1/health` answers as `api`. */
export const API_VERSION = '1.0.0';
export const MAX_SIGNALS_PER_BATCH = 100;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_BODY_BYTES = 512 * 1024;
export const MAX_TAGS = 10;
export const MAX_PATTERN_TICKETS = 500;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
/** Evidence returned with one backlog item, newest first. */
export const MAX_EVIDENCE = 100;
/** Audit entries returned with one backlog item, newest first. */
export const MAX_AUDIT = 200;
/** Rows of one CSV export (GET /v1/backlog.csv). */
export const MAX_CSV_ROWS = 10_000;
/** Hint text per language. */
export const MAX_HINT_TEXT = 500;
/** Known-issue hints returned for one page, highest score first. */
export const MAX_KNOWN_ISSUES = 20;
/** Manager-written hints of one workspace. */
export const MAX_HINTS = 1000;
/** Weeks of the sparkline on backlog items (BacklogItem.weekly). */
export const SPARKLINE_WEEKS = 8;
/** Longest range of GET /v1/metrics, in days. */
export const MAX_METRICS_DAYS = 366;
/** Items in check or done whose before/after rates GET /v1/metrics returns. */
export const MAX_METRICS_CHECKS = 100;
/** Length of each of the two equal windows around an item's entry into `do`, when that long ago. */
export const CHECK_WINDOW_DAYS = 28;
/** Weeks one reading of GLPI's service figures may cover, and one GET /v1/service-figures may ask for: three years. */
export const MAX_FIGURE_WEEKS = 157;
/** A gzipped reading of service figures, once unpacked: far over the largest valid one, and a bound on zip bombs. */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
/**
 * New reporters one token may bring to one item within REPORTER_BURST_WINDOW_MINUTES and have counted (issue 15): a
 * shared token brings many real people, but one at a time; beyond this, reporters are held back (shown to managers
 * as BacklogItem.burstReporters) and counted only if they come back after the burst.
 */
export const REPORTER_BURST_LIMIT = 5;
export const REPORTER_BURST_WINDOW_MINUTES = 60;
/**
 * Largest JSON text bound to one D1 statement: D1 refuses a bound value over about 1 MB (SQLITE_TOOBIG), so rows
 * are split into statements of at most this many bytes, all in the same atomic batch.
 */
export const MAX_BIND_BYTES = 256 * 1024;
