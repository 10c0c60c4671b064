import { useEffect, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { observe } from '../core/dom';
import { type HintView, sendMessage } from '../core/messaging';
import { labelFor, visibleElementOf } from '../glpi/element-target';
import { itilFieldsOf } from '../glpi/page-context';
import { peopleOnPage } from '../glpi/people';
import { t } from '../i18n';
import { Toast, useToast } from './toast';
import { useLanguage } from './use-language';

interface Marker {
	hint: HintView;
	element: Element;
	count: number;
	mine: boolean;
	box: { top: number; left: number } | null;
}

/** Where a marker sits: the top right corner of the element's visible box, in the viewport; null when not shown. */
function boxOf(element: Element): Marker['box'] {
	const rect = visibleElementOf(element).getBoundingClientRect();
	if (!element.isConnected || (rect.width === 0 && rect.height === 0)) return null;
	return { top: Math.max(0, rect.top - 8), left: Math.max(0, rect.right - 12) };
}

interface Props {
	hints: HintView[];
	page: Page;
	doc: Document;
	signal: AbortSignal;
}

/**
 * "Me too" markers: a small count on each element that already carries friction in this workspace. One click adds
 * the user's own friction signal on the same element (and its item's tags), once per element.
 */
export function MeTooLayer({ hints, page, doc, signal }: Props) {
	useLanguage();
	const [markers, setMarkers] = useState<Marker[]>([]);
	const [toast, setToast] = useToast();

	useEffect(() => {
		const view = doc.defaultView ?? window;
		let frame = 0;
		// One layout per frame, whatever asked for it (scroll, resize, GLPI re-rendering a tab).
		const layout = () => {
			cancelAnimationFrame(frame);
			frame = requestAnimationFrame(() => setMarkers((current) => current.map((marker) => ({ ...marker, box: boxOf(marker.element) }))));
		};
		for (const hint of hints) {
			const selector = hint.selector ?? '';
			try {
				observe(
					selector,
					(element) => {
						// A selector that no longer finds exactly one element says nothing reliable: no marker.
						if (doc.querySelectorAll(selector).length !== 1) return;
						setMarkers((current) => [...current.filter((marker) => marker.hint.key !== hint.key), { hint, element, count: hint.signalCount, mine: hint.mine, box: boxOf(element) }]);
					},
					{ signal, root: doc },
				);
			} catch {
				// A selector the browser cannot parse (written by hand in a hint): skipped.
			}
		}
		const options = { capture: true, passive: true, signal };
		doc.addEventListener('scroll', layout, options);
		view.addEventListener('resize', layout, options);
		const resized = new ResizeObserver(layout);
		resized.observe(doc.body);
		signal.addEventListener('abort', () => {
			resized.disconnect();
			cancelAnimationFrame(frame);
		}, { once: true });
	}, []);

	function meToo(marker: Marker) {
		if (marker.mine || !marker.hint.selector) return;
		setMarkers((current) => current.map((other) => (other === marker ? { ...other, mine: true, count: other.count + 1 } : other)));
		const label = labelFor(marker.element);
		const draft = {
			kind: 'friction' as const,
			page: { ...page, ...itilFieldsOf(doc) },
			target: label ? { selector: marker.hint.selector, label } : { selector: marker.hint.selector },
			tags: marker.hint.tags.length > 0 ? marker.hint.tags : ['me-too'],
			names: peopleOnPage(doc),
		};
		void sendMessage('meToo', { key: marker.hint.key, draft }).then(
			(result) => setToast(result.ok ? { text: t('metoo.saved'), error: false } : { text: t('popup.error', { message: result.error }), error: true }),
			(error: unknown) => setToast({ text: t('popup.error', { message: String(error) }), error: true }),
		);
	}

	return (
		<div class="gx-root">
			{markers.map(
				(marker) =>
					marker.box && (
						<button
							key={marker.hint.key}
							type="button"
							class={marker.mine ? 'gx-metoo gx-metoo-mine' : 'gx-metoo'}
							data-gx="me-too"
							data-gx-selector={marker.hint.selector}
							style={{ top: `${marker.box.top}px`, left: `${marker.box.left}px` }}
							title={`${marker.hint.text}\n${marker.mine ? t('metoo.given') : t('metoo.add')}`}
							aria-label={marker.mine ? t('metoo.given') : t('metoo.add')}
							aria-pressed={marker.mine}
							onClick={() => meToo(marker)}
						>
							{marker.mine ? '✓' : '+1'} {marker.count}
						</button>
					),
			)}
			<Toast toast={toast} />
		</div>
	);
}
