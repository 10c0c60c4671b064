import styles from '../components/capture.css?inline';
import { type TaggingControls, TaggingLayer } from '../components/tagging-layer';
import { onTabMessage } from '../core/content-messaging';
import { anyGlpiPage, type Feature } from '../core/feature-manager';
import { onRequest } from '../core/overlay-bus';
import { mountShadowUi } from '../core/shadow-ui';

/** A right-click older than this is not what the context menu's "report friction on this element" is about. */
const CONTEXT_MENU_WINDOW_MS = 30_000;

/**
 * Friction tagging: the capture panel's "tag an element" (or the context menu) starts a mode where hovering
 * highlights an element and a click picks it; then tags and an optional word. The element travels as a selector that
 * survives (glpi/element-selector.ts), so the same field on any ticket groups into one backlog item.
 */
export const frictionTagging: Feature = {
	id: 'friction-tagging',
	include: [anyGlpiPage],
	deferred: true,
	init(context) {
		const controls: TaggingControls = {};
		let lastRightClick: { element: Element; at: number } | undefined;
		context.document.addEventListener(
			'contextmenu',
			(event) => {
				if (event.target instanceof Element) lastRightClick = { element: event.target, at: Date.now() };
			},
			{ capture: true, passive: true, signal: context.signal },
		);
		// The layer is made on first use: most page loads never tag anything, and the capture button comes first.
		let mounted = false;
		const layer = () => {
			if (!mounted) {
				mounted = true;
				mountShadowUi({ name: 'gx-friction-tagging', css: styles, signal: context.signal, ui: <TaggingLayer controls={controls} page={context.page} doc={context.document} signal={context.signal} /> });
			}
			return controls;
		};
		onRequest('start-tagging', () => layer().pick?.(), context.signal);
		const stop = onTabMessage('openFriction', () => {
			const recent = lastRightClick && Date.now() - lastRightClick.at < CONTEXT_MENU_WINDOW_MS ? lastRightClick.element : undefined;
			const ready = layer();
			if (recent) ready.openFor?.(recent);
			else ready.pick?.();
			return true;
		});
		context.signal.addEventListener('abort', stop, { once: true });
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html and 10.0.17_ticket_form_closed_id1.html
   (the same field on an open and a closed ticket), 10.0.17_subfolder_ticket_form_id5.html (sub-folder),
   10.0.17_ticket_list_default.html (list columns), 10.0.17_selfservice_ticket_form_id4.html (self-service). */
