import { enManager } from './en-manager';
import { frManager } from './fr-manager';
import { addCatalogs } from './index';

// The manager's strings (popup, GLPI API options, pushes to GLPI): registered where they are shown, never in GLPI pages.
addCatalogs({ en: enManager, fr: frManager });
