import { enManager } from './en-manager';
import { enPages } from './en-pages';
import { enRollout } from './en-rollout';
import { frManager } from './fr-manager';
import { frPages } from './fr-pages';
import { frRollout } from './fr-rollout';
import { addCatalogs } from './index';

// The extension's own pages (popup, options, the background's menu): never shown in GLPI pages (issue 14's budget).
addCatalogs({ en: enPages, fr: frPages });
// The manager's strings (popup, GLPI API options, pushes to GLPI): registered where they are shown, never in GLPI pages.
addCatalogs({ en: enManager, fr: frManager });
// Enrollment and policy-set settings: the options, the manager's popup and the background.
addCatalogs({ en: enRollout, fr: frRollout });
