import { useEffect, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { type HintView, sendMessage } from '../core/messaging';
import { fromUser } from '../core/user-input';
import { labelFor } from '../glpi/element-target';
import { itilFieldsOf } from '../glpi/page-context';
import { peopleOnPage } from '../glpi/people';
import { t } from '../i18n';
import { Toast, useToast } from './toast';
import { type Anchored, byElement, useAnchors } from './use-anchors';
import { useLanguage } from './use-language';
import { refusalWords } from '../core/refusal-words';

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
	const [anchored] = useAnchors(hints, { selectorOf: (hint) => hint.selector, keyOf: (hint) => hint.key, corner: 'right', need: widthOf, doc, signal });
	// What the user did here: a "me too" adds one to the count and marks the element as given.
	const [given, setGiven] = useState<Record<string, boolean>>(Object.fromEntries(hints.map((hint) => [hint.key, hint.mine])));
	const [toast, setToast] = useToast();
	// The folded "me too" whose list is open (a field's key), closed by Escape.
	const [open, setOpen] = useState<string | null>(null);
	useEffect(() => doc.addEventListener('keydown', (event) => event.key === 'Escape' && setOpen(null), { signal }), []);

	function meToo({ item: hint, element }: Anchored<HintView>) {
		if (given[hint.key] || !hint.selector) return;
		setGiven({ ...given, [hint.key]: true });
		const label = labelFor(element);
		const draft = {
			kind: 'friction' as const,
			page: { ...page, ...itilFieldsOf(doc) },
			target: label ? { selector: hint.selector, label } : { selector: hint.selector },
			tags: hint.tags.length > 0 ? hint.tags : ['me-too'],
			names: peopleOnPage(doc),
		};
		void sendMessage('meToo', { key: hint.key, draft }).then(
			(result) => setToast(result.ok ? { text: t('metoo.saved'), error: false } : { text: refusalWords(result.error), error: true }),
			(error: unknown) => setToast({ text: t('popup.error', { message: String(error) }), error: true }),
		);
	}

	return (
		<div class="gx-root">
			{byElement(anchored).map(({ box, entries }) => {
				// The items of one element side by side, the largest first (issue 14, item 9), in one place beside it; in rows
				// within the room there, or folded into one "+1 ▾" that lists them when they do not fit (GLPI's labels
				// leave about 30 px left of "Category" at 1440 px).
				const sorted = [...entries].sort((a, b) => b.item.signalCount - a.item.signalCount);
				const first = sorted[0]?.item;
				if (!first) return null;
				const folded = sorted.length > 1 && box.room !== undefined && box.room < widthOf(sorted.map((entry) => entry.item));
				const markers = sorted.map((marker) => {
					const hint = marker.item;
					const mine = given[hint.key] ?? false;
					// The server's count, plus the user's own "me too" given here and not yet counted by it.
					const count = hint.signalCount + (mine && !hint.mine ? 1 : 0);
					const button = (
						<button
							key={hint.key}
							type="button"
							class={mine ? 'gx-metoo gx-metoo-mine' : 'gx-metoo'}
							data-gx="me-too"
							data-gx-selector={hint.selector}
							title={`${hint.text}\n${mine ? t('metoo.given') : t('metoo.add')}`}
							aria-label={mine ? t('metoo.given') : t('metoo.add')}
							aria-pressed={mine}
							// The user's own click only, never a script of the page (core/user-input.ts).
							onClick={(event) => fromUser(event) && meToo(marker)}
						>
							{mine ? '✓' : '+1'} {count}
						</button>
					);
					// In the folded list, each with its words: the user picks the one they have too.
					return folded ? (
						<span key={hint.key}>
							{button} {hint.text}
						</span>
					) : (
						button
					);
				});
				return (
					<span key={first.key} class={`gx-metoo-group gx-side-${box.side}`} style={{ top: `${box.top}px`, left: `${box.left}px`, ...(box.room ? { maxWidth: `${box.room}px` } : {}) }}>
						{folded ? (
							<>
								<button
									type="button"
									class="gx-metoo gx-metoo-fold"
									data-gx="me-too-fold"
									data-gx-selector={first.selector}
									aria-expanded={open === first.key}
									aria-label={t('metoo.several', { count: sorted.length })}
									title={t('metoo.several', { count: sorted.length })}
									onClick={() => setOpen(open === first.key ? null : first.key)}
								>
									+1 ▾
								</button>
								{open === first.key && <span class="gx-hint-card gx-metoo-list">{markers}</span>}
							</>
						) : (
							markers
						)}
					</span>
				);
			})}
			<Toast toast={toast} />
		</div>
	);
}

/** About the width the "me too" of one element take side by side: a count in GLPI's 11 px font, padding and gaps. */
function widthOf(hints: HintView[]): number {
	return hints.reduce((sum, hint) => sum + 18 + 6 * String(hint.signalCount + 1).length + 14, 0);
}
