import { enManager } from './en-manager';
import { enRollout } from './en-rollout';
import { frManager } from './fr-manager';
import { frRollout } from './fr-rollout';
import { addCatalogs } from './index';

// The manager's strings (popup, GLPI API options, pushes to GLPI): registered where they are shown, never in GLPI pages.
addCatalogs({ en: enManager, fr: frManager });
// Enrollment and policy-set settings: the options, the manager's popup and the background.
addCatalogs({ en: enRollout, fr: frRollout });
