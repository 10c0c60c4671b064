import type { Feature } from '../core/feature-manager';
import { onDemand } from '../core/route-scripts';
import { autoFriction } from './auto-friction';
import { captureButton } from './capture-button';
import { frictionTagging } from './friction-tagging';
import { hintsOverlay } from './hints-overlay';
import { meTooMarkers } from './me-too-markers';

/**
 * Every overlay feature, in the order they start. A meta-test checks that each file of features/ is listed here. Those
 * of one kind of page only are stand-ins: their code is in a per-route script, loaded where they run
 * (core/route-scripts.ts).
 */
export const FEATURES: readonly Feature[] = [captureButton, frictionTagging, meTooMarkers, hintsOverlay, autoFriction, onDemand('pattern-highlights'), onDemand('similar-tickets')];
