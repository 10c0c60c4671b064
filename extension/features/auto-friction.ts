import { type Feature, anyGlpiPage, onPageKind } from '../core/feature-manager';
import { watchDeadClicks, watchRageClicks, watchSlowLoad } from '../core/friction-detectors';
import { sendMessage } from '../core/messaging';
import type { FrictionKind } from '../core/settings';
import { targetOf } from '../glpi/element-target';
import { watchFormErrors } from '../glpi/form-errors';
import { itilFieldsOf } from '../glpi/page-context';

/**
 * Automatic friction signals, only when both the workspace and the user opted in: rage clicks, dead clicks, GLPI
 * form errors after a submit, and slow page loads. Each event goes to the background, which counts it and sends one
 * auto-friction signal per element and kind per period with the count, never one per click.
 */
export const autoFriction: Feature = {
	id: 'auto-friction',
	include: [anyGlpiPage],
	// The login page is anonymous: nothing there belongs to a workspace's user yet.
	exclude: [onPageKind('login')],
	deferred: true,
	async init({ signal, page, document }) {
		const config = await sendMessage('getOverlayConfig', undefined);
		if (!config.autoFriction || signal.aborted) return false;
		const report = (kind: FrictionKind, target: ReturnType<typeof targetOf>) => {
			const event = { kind, page: { ...page, ...itilFieldsOf(document) }, ...(target ? { target } : {}) };
			void sendMessage('recordFriction', event).catch(() => undefined);
		};
		watchRageClicks(document, signal, (element) => report('rage-click', targetOf(element)));
		watchDeadClicks(document, signal, (element) => report('dead-click', targetOf(element)));
		watchFormErrors(document, signal, (target) => report('form-error', target));
		watchSlowLoad(document.defaultView ?? window, config.slowPageMs, signal, () => report('slow-page', undefined));
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html (rage and dead clicks on the
   ticket form's buttons), 10.0.17_selfservice_create_ticket.html (required fields of the self-service form),
   10.0.17_central_home.html (the #messages_after_redirect toast container). */
