// The pattern engine's public face (docs/PATTERNS.md): pure functions over tickets, for the extension, the worker
// and the command line alike.
export { type AnalyseOptions, type PatternsReport, analyseTickets, toPatterns } from './analyse';
export { type ClusterOptions, DEFAULT_CLUSTER_THRESHOLD, type DuplicateCluster, clusterTickets } from './clusters';
export { CsvError } from './csv';
export { type GlpiExport, parseGlpiCsv } from './glpi-csv';
export { ALL_CATEGORIES, type CategoryIndicators, type IndicatorOptions, type PeriodIndicators, serviceIndicators } from './indicators';
export { NO_CATEGORY, type PeriodKind } from './periods';
export { type LateTicket, type ReopenLoop, detectLate, detectReopens, lateness } from './reopen-late';
export { renderHtml } from './report/html';
export { renderJson } from './report/json';
export type { Lang } from './report/labels';
export { renderText } from './report/text';
export { DEFAULT_SIMILAR, type SimilarOptions, SimilarIndex, type SimilarTicket } from './similar';
export { DEFAULT_SPIKES, type Spike, type SpikeOptions, detectSpikes } from './spikes';
export { TICKET_STATUSES, type Ticket, TicketSchema, type TicketStatus, TicketStatusSchema } from './ticket';
