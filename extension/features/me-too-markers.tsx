import styles from '../components/capture.css?inline';
import { MeTooLayer } from '../components/me-too-layer';
import { type Feature, anyGlpiPage, onPageKind } from '../core/feature-manager';
import { sendMessage } from '../core/messaging';
import { mountShadowUi } from '../core/shadow-ui';
import { getLanguage } from '../i18n';

/**
 * "Me too" markers on the elements that already carry friction in this workspace, from the hints of the page's
 * route (GET /v1/hints through the background: the page never calls the backend). Nothing shows when the backend is
 * unreachable or the page has no such element.
 */
export const meTooMarkers: Feature = {
	id: 'me-too-markers',
	include: [anyGlpiPage],
	exclude: [onPageKind('login')],
	deferred: true,
	async init(context) {
		const result = await sendMessage('getHints', { route: context.page.route, language: getLanguage(), interface: context.page.interface });
		if (!result.ok || context.signal.aborted) return false;
		const hints = result.value.filter((hint) => hint.selector && hint.signalCount > 0);
		if (hints.length === 0) return false;
		mountShadowUi({ name: 'gx-me-too-markers', css: styles, signal: context.signal, ui: <MeTooLayer hints={hints} page={context.page} doc={context.document} signal={context.signal} /> });
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html (a marker on
   #itil-form select[name="itilcategories_id"] once the main tab is in), 10.0.17_ticket_list_default.html (a marker on a
   column header). */
