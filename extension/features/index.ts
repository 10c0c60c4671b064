import type { Feature } from '../core/feature-manager';
import { captureButton } from './capture-button';

/** Every overlay feature, in the order they start. A meta-test checks that each file of features/ is listed here. */
export const FEATURES: readonly Feature[] = [captureButton];
