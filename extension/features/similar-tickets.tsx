import styles from '../components/patterns.css?inline';
import { SimilarPanel } from '../components/similar-panel';
import { observe } from '../core/dom';
import type { Feature } from '../core/feature-manager';
import { type OverlayConfig, sendMessage } from '../core/messaging';
import { ON_DEMAND } from '../core/route-features';
import { mountShadowUi } from '../core/shadow-ui';
import { exportRequest } from '../glpi/csv-export';
import { rootDocOf } from '../glpi/page-context';
import { peopleOnPage } from '../glpi/people';
import { GLPI } from '../glpi/selectors';
import { formTicketOf } from '../glpi/ticket-form';

/**
 * "Similar tickets" on a ticket form: a collapsible panel under the fields accordion (in GLPI's flow, so it covers
 * none of GLPI's fields) with the five most similar tickets of GLPI's export of the user's current ticket search,
 * and "Suggest a Problem" for the group of near-duplicates the ticket belongs to. GLPI 10 loads the form's main tab
 * by AJAX, and loads it again after some actions: each new fields accordion gets the panel. Lives in the ticket form's
 * own script (glpi-ticket-form), which the content script loads on ticket forms only (core/route-scripts.ts).
 */
export const similarTickets: Feature = {
	id: 'similar-tickets',
	...ON_DEMAND['similar-tickets'],
	async init(context) {
		const id = context.page.itemId;
		if (id === undefined) return false;
		const config: OverlayConfig | undefined = await sendMessage('getOverlayConfig', undefined).catch(() => undefined);
		if (context.signal.aborted) return;
		const rootDoc = rootDocOf(context.document);
		let current: AbortController | undefined;
		observe(
			GLPI.itilData,
			(accordion) => {
				const ticket = formTicketOf(context.document, id);
				if (!ticket) return;
				current?.abort();
				const controller = new AbortController();
				current = controller;
				context.signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
				// A form page has no search of its own: the export is of the search GLPI keeps for the user.
				const request = exportRequest(undefined, new URL(context.document.URL), rootDoc);
				mountShadowUi({
					name: 'gx-similar-tickets',
					css: styles,
					signal: controller.signal,
					document: context.document,
					place: (host) => accordion.after(host),
					ui: <SimilarPanel ticket={ticket} request={request} config={config} page={context.page} rootDoc={rootDoc} names={() => peopleOnPage(context.document)} />,
				});
			},
			{ signal: context.signal },
		);
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html with its main tab
   (10.0.17_ajax_tab_ticket5_Ticket_main.html: the VPN tickets come first), 10.0.17_subfolder_ticket_form_id5.html
   (links under /glpi), 10.0.17_selfservice_ticket_form_id4.html; test/fixtures/glpi/10/ticket-form.html. */
