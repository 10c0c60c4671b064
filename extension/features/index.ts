import type { Feature } from '../core/feature-manager';
import { autoFriction } from './auto-friction';
import { captureButton } from './capture-button';
import { frictionTagging } from './friction-tagging';
import { hintsOverlay } from './hints-overlay';
import { meTooMarkers } from './me-too-markers';
import { patternHighlights } from './pattern-highlights';
import { similarTickets } from './similar-tickets';

/** Every overlay feature, in the order they start. A meta-test checks that each file of features/ is listed here. */
export const FEATURES: readonly Feature[] = [captureButton, frictionTagging, meTooMarkers, hintsOverlay, autoFriction, patternHighlights, similarTickets];
