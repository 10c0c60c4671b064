import styles from '../components/capture.css?inline';
import { HintsLayer } from '../components/hints-layer';
import { type Feature, anyGlpiPage, onPageKind } from '../core/feature-manager';
import { sendMessage } from '../core/messaging';
import { mountShadowUi } from '../core/shadow-ui';
import { getLanguage } from '../i18n';

/**
 * Hints back onto GLPI (issue 6): what managers wrote for this page or one of its elements, and the known issues of
 * open backlog items on it ("known problem, being fixed: 12 reports"), to every role. Known issues retire on their
 * own when the item is done or rejected (the server stops sending them). Friction known issues on an element are
 * shown by me-too-markers instead, with their "me too" button.
 */
export const hintsOverlay: Feature = {
	id: 'hints-overlay',
	include: [anyGlpiPage],
	exclude: [onPageKind('login')],
	deferred: true,
	async init(context) {
		const result = await sendMessage('getHints', { route: context.page.route, language: getLanguage(), interface: context.page.interface });
		if (!result.ok || context.signal.aborted) return false;
		// Known issues on an element are me-too-markers' (count and "me too"); the rest is ours.
		const hints = result.value.filter((hint) => hint.kind === 'manager' || !hint.selector);
		if (hints.length === 0) return false;
		mountShadowUi({ name: 'gx-hints-overlay', css: styles, signal: context.signal, ui: <HintsLayer hints={hints} doc={context.document} signal={context.signal} /> });
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html (a manager hint on
   #itil-form select[name="itilcategories_id"] once the main tab is in; page notes for hints without an element),
   10.0.17_selfservice_home.html (known issues of self-service items). */
