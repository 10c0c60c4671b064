// What scripts/bench-patterns.js needs from the TypeScript sources, bundled at run time by bin/load-ts.js.
export { clusterTickets, ticketTermSets, DEFAULT_CLUSTER_THRESHOLD } from '../shared/patterns/clusters';
export { SMALL_EXPORT, nearDuplicates, nearDuplicatesExact } from '../shared/patterns/near-duplicates';
export { lshParameters } from '../shared/patterns/lsh';
export { parseGlpiCsv } from '../shared/patterns/glpi-csv';
export { loadEndava, loadGitbugs, hasEndava, hasGitbugs, hasCapturedCsv, CAPTURED_CSV, SKIP_DATA } from '../test/shared/support/data';
export { engineRecall, pairQuality, tfidfRecall } from '../test/shared/support/quality';
