/**
 * The ids of the overlay features, for the options page's switches without bundling the features themselves. A
 * meta-test checks that it lists exactly the features of features/index.ts.
 */
export const FEATURE_IDS = ['capture-button', 'friction-tagging', 'me-too-markers', 'hints-overlay', 'auto-friction', 'pattern-highlights', 'similar-tickets'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];
