import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import styles from '../components/capture.css?inline';
import { type TaggingControls, TaggingLayer } from '../components/tagging-layer';
import { onTabMessage } from '../core/content-messaging';
import { anyGlpiPage, type Feature } from '../core/feature-manager';
import { onRequest } from '../core/overlay-bus';

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
	async init(context) {
		const controls: TaggingControls = {};
		let lastRightClick: { element: Element; at: number } | undefined;
		context.document.addEventListener(
			'contextmenu',
			(event) => {
				if (event.target instanceof Element) lastRightClick = { element: event.target, at: Date.now() };
			},
			{ capture: true, passive: true, signal: context.signal },
		);
		const ui = await createShadowRootUi(context.ctx, {
			name: 'gx-friction-tagging',
			position: 'inline',
			anchor: 'body',
			append: 'last',
			css: styles,
			isolateEvents: ['keydown', 'keyup', 'keypress'],
			onMount: (container) => render(<TaggingLayer controls={controls} page={context.page} doc={context.document} signal={context.signal} />, container),
			onRemove: (container) => container && render(null, container),
		});
		ui.mount();
		context.signal.addEventListener('abort', () => ui.remove(), { once: true });
		onRequest('start-tagging', () => controls.pick?.(), context.signal);
		const stop = onTabMessage('openFriction', () => {
			const recent = lastRightClick && Date.now() - lastRightClick.at < CONTEXT_MENU_WINDOW_MS ? lastRightClick.element : undefined;
			if (recent) controls.openFor?.(recent);
			else controls.pick?.();
			return true;
		});
		context.signal.addEventListener('abort', stop, { once: true });
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html and 10.0.17_ticket_form_closed_id1.html
   (the same field on an open and a closed ticket), 10.0.17_subfolder_ticket_form_id5.html (sub-folder),
   10.0.17_ticket_list_default.html (list columns), 10.0.17_selfservice_ticket_form_id4.html (self-service). */
