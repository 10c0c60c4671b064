/** Limits of the v1 API (../shared/API.md), enforced by the schemas and by the worker. */
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
