import { PatternList, drawBadges, loadView } from '../components/pattern-list';
import styles from '../components/patterns.css?inline';
import { observe } from '../core/dom';
import type { Feature } from '../core/feature-manager';
import { type OverlayConfig, sendMessage } from '../core/messaging';
import type { PatternScope } from '../core/pattern-messages';
import { afterNextFrame } from '../core/next-frame';
import { boxIn, overlayLayer, whenMoved } from '../core/overlay-layer';
import { ON_DEMAND } from '../core/route-features';
import { mountShadowUi } from '../core/shadow-ui';
import { exportRequest, listSearchOf } from '../glpi/csv-export';
import { rootDocOf } from '../glpi/page-context';
import { peopleOnPage } from '../glpi/people';
import { GLPI } from '../glpi/selectors';
import { readTicketRows } from '../glpi/ticket-list';

/**
 * Test builds mark the time from reading the rows to the badges in the page and the frame that shows them
 * (scripts/bench-badges.js), then the summary's own mount and frame, which come after the badges' frame.
 */
function benchMarks(): { start(): void; painted(summaryLater?: boolean): void; summary(): void } {
	const none = () => undefined;
	if (!import.meta.env.GX_TEST_BUILD) return { start: none, painted: none, summary: none };
	// After the next frame: the style and layout the last change caused are done.
	const afterFrame = (name: string) => requestAnimationFrame(() => setTimeout(() => performance.mark(name)));
	return {
		start: () => performance.mark('gx-patterns-start'),
		painted: (summaryLater = false) => {
			performance.mark('gx-patterns-badged', { detail: { summaryLater } });
			afterFrame('gx-patterns-painted');
		},
		summary: () => {
			performance.mark('gx-patterns-summary');
			afterFrame('gx-patterns-summary-painted');
		},
	};
}

/**
 * Where the docked summary goes: the header's free right side, from the end of GLPI's own controls to 8 px inside the
 * header's right end, its middle on the header's. The summary keeps inside that room (its words give way), so it
 * never widens the page nor covers GLPI's controls (issue 14: it reached 214 px past the viewport).
 */
function dockOf(layer: Element, header: Element): { style: string; width: number } {
	const box = boxIn(layer, header);
	let start = box.left;
	for (const child of header.children) {
		if (child.tagName.startsWith('GX-')) continue;
		start = Math.max(start, boxIn(layer, child).right);
	}
	const left = Math.round(start + 8);
	const width = Math.max(0, Math.round(box.right - 8 - left));
	return { style: `--gx-x:${left}px;--gx-y:${Math.round(box.top + box.height / 2)}px;--gx-w:${width}px`, width };
}

/**
 * The docked chip does not fit its room: with its words gone, its label and buttons are still wider (a narrow window,
 * or a header GLPI's controls fill). It would run past the header's end, where nothing of the page scrolls to it (the
 * overlay layer keeps out of the page's scrollable area, core/overlay-layer.ts). Read after a layout (in whenMoved's
 * callback), so the read costs none.
 */
const overflowsDock = (host: HTMLElement) => {
	const chip = host.shadowRoot?.querySelector('.gx-chip');
	return chip !== null && chip !== undefined && chip.scrollWidth > chip.clientWidth + 1;
};

/**
 * Ticket patterns on a ticket list (central and self-service): a badge with the group's size next to the title of
 * every row that belongs to a group of near-duplicate tickets, a summary bar above the list (the largest groups, the
 * categories that spike, "Suggest a Problem" for technicians and managers) and a scope chooser that reads GLPI's CSV
 * export of the whole search. GLPI re-renders the list by AJAX when it is sorted or paged (fluid search): each new
 * results table is read again, in the scope chosen last. Lives in the ticket list's own script (glpi-ticket-list), which
 * the content script loads on ticket lists only (core/route-scripts.ts).
 */
export const patternHighlights: Feature = {
	id: 'pattern-highlights',
	...ON_DEMAND['pattern-highlights'],
	async init(context) {
		const config: OverlayConfig | undefined = await sendMessage('getOverlayConfig', undefined).catch(() => undefined);
		if (context.signal.aborted) return;
		const rootDoc = rootDocOf(context.document);
		const marks = benchMarks();
		let scope: PatternScope = 'page';
		let current: AbortController | undefined;
		observe<HTMLTableElement>(
			GLPI.searchTable,
			(table) => {
				current?.abort();
				const controller = new AbortController();
				current = controller;
				context.signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
				marks.start();
				const rows = readTicketRows(table);
				const pageUrl = new URL(context.document.URL);
				const request = exportRequest(listSearchOf(context.document, pageUrl), pageUrl, rootDoc);
				const shown = scope;
				// Nothing is added to the page until the patterns are known. Then the badges go in at once, in one task, and
				// the summary after the frame that shows them: the badges' frame lays out and paints our badges only, and
				// the summary's own frame follows (docs/BENCHMARKS.md, "Ticket-pattern badges").
				void loadView({ rows, request }, shown, controller.signal)
					.catch(() => undefined)
					.then(async (initialView) => {
						if (controller.signal.aborted) return;
						let initialBadges: AbortController | undefined;
						if (initialView) {
							initialBadges = new AbortController();
							const badges = initialBadges;
							controller.signal.addEventListener('abort', () => badges.abort(), { once: true, signal: badges.signal });
							drawBadges(table, rows, initialView, badges.signal);
							marks.painted(true);
							await afterNextFrame(context.document.defaultView);
							if (controller.signal.aborted) return;
						}
						marks.summary();
						const header = table.closest(GLPI.searchContainer)?.querySelector(GLPI.searchCardHeader);
						const layer = overlayLayer(context.document);
						// Read before anything of ours changes the page (then the read would cost a new layout). A header with no
						// free room at all gets the bar above the list instead.
						const firstDock = header ? dockOf(layer, header) : undefined;
						let dock = firstDock && firstDock.width > 0 ? firstDock.style : undefined;
						/** The summary as a bar above the list, in GLPI's flow: without a header, or with no room in it. */
						const asBar = (host: HTMLElement) => (table.closest('.table-responsive-lg') ?? table).before(host);
						const host = mountShadowUi({
							name: 'gx-pattern-highlights',
							css: styles,
							signal: controller.signal,
							document: context.document,
							// The summary's first render may draw badges (patterns the feature did not have), which read the rows'
							// boxes: before the summary is in the page, those reads cost no new layout.
							renderFirst: true,
							// Over the list's header, on its free right side, in the page's overlay layer: nothing in GLPI's flow
							// changes, so the page is neither laid out nor repainted whole (core/overlay-layer.ts). Without that
							// header, or without room in it, a bar above the table.
							place: (host) => {
								if (dock !== undefined) {
									host.setAttribute('data-gx-docked', '');
									host.setAttribute('style', dock);
									layer.append(host);
								} else asBar(host);
							},
							ui: (
								<PatternList
									table={table}
									rows={rows}
									request={request}
									config={config}
									scope={shown}
									{...(initialView ? { initialView } : {})}
									{...(initialBadges ? { initialBadges } : {})}
									onScope={(next) => (scope = next)}
									page={context.page}
									names={() => peopleOnPage(context.document)}
									onPainted={marks.painted}
								/>
							),
						});
						// GLPI moved the list (the summary follows its header) or took it away with no new one (the summary and
						// the badges go with it; a new list starts again through `observe`). A docked chip that does not fit its
						// room becomes the bar above the list, for good: it never runs past the header's end.
						whenMoved(
							header ?? table,
							() => {
								if (!table.isConnected) return controller.abort();
								if (dock === undefined || !header) return;
								if (overflowsDock(host)) {
									dock = undefined;
									host.removeAttribute('data-gx-docked');
									host.removeAttribute('style');
									return asBar(host);
								}
								const next = dockOf(layer, header).style;
								if (next !== dock) host.setAttribute('style', (dock = next));
							},
							controller.signal,
						);
					});
			},
			{ signal: context.signal },
		);
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_list_all_sorted_by_date.html (20 of 23 tickets; the
   export path finds the 6 VPN, 5 password and 3 printer tickets), 10.0.17_selfservice_ticket_list.html (no checkbox
   column), 10.0.17_subfolder_ticket_list.html (under /glpi); test/fixtures/glpi/11/ticket-list.html (GLPI 11 cells). */
