import { useEffect, useState } from 'preact/hooks';
import { type HintView, sendMessage } from '../core/messaging';
import { t } from '../i18n';
import { byElement, useAnchors } from './use-anchors';
import { useLanguage } from './use-language';

/** A hint's words, its link, and a way to hide it for good; shown next to its marker or in the page notes. */
function HintCard({ hint, onDismiss, onClose }: { hint: HintView; onDismiss(): void; onClose?(): void }) {
	return (
		<div class={`gx-hint-card gx-hint-${hint.kind}`} role="note" data-gx="hint-card" data-gx-hint={hint.id}>
			<p class="gx-hint-source">{hint.kind === 'manager' ? t('hints.fromManager') : t('hints.knownIssue')}</p>
			<p class="gx-hint-text">{hint.text}</p>
			<div class="gx-hint-actions">
				{hint.link && (
					<a href={hint.link} target="_blank" rel="noreferrer noopener">
						{t('hints.readMore')}
					</a>
				)}
				<button type="button" data-gx="hint-dismiss" onClick={onDismiss}>
					{t('hints.dismiss')}
				</button>
				{onClose && (
					<button type="button" onClick={onClose}>
						{t('hints.close')}
					</button>
				)}
			</div>
		</div>
	);
}

/**
 * Hints on a GLPI page, never in the way: a small "i" on each element a hint is about (its text on hover, focus or
 * click), and the hints about the whole page folded into one "notes" pill above the capture tab. Closing a hint
 * hides it for good in this browser (until a manager changes its words).
 */
export function HintsLayer({ hints, doc, signal }: { hints: HintView[]; doc: Document; signal: AbortSignal }) {
	useLanguage();
	const [visible, setVisible] = useState(hints.filter((hint) => !hint.dismissed));
	const [placed] = useAnchors(hints, { selectorOf: (hint) => hint.selector, keyOf: (hint) => hint.id, corner: 'left', doc, signal });
	const [open, setOpen] = useState<string | null>(null);
	const [notesOpen, setNotesOpen] = useState(false);
	useEffect(() => doc.addEventListener('keydown', (event) => event.key === 'Escape' && setOpen(null), { signal }), []);

	const dismiss = (hint: HintView) => {
		setVisible((current) => current.filter((entry) => entry.id !== hint.id));
		setOpen(null);
		void sendMessage('dismissHint', hint.id);
	};
	const isVisible = (hint: HintView) => visible.some((entry) => entry.id === hint.id);
	// The hints of one element share one "i" (issue 14, item 9: two at one spot hid each other), its card shows them all.
	const onElements = byElement(placed.filter((entry) => isVisible(entry.item)));
	// Hints whose element is not on this page (or that have none) are not lost: they join the page notes.
	const pageNotes = visible.filter((hint) => !placed.some((entry) => entry.item.id === hint.id));

	return (
		<div class="gx-root">
			{onElements.map(({ box, entries }) => {
				const hints = entries.map((entry) => entry.item);
				const [first] = hints;
				if (!first) return null;
				return (
					// The card opens towards the middle of the window, so it stays in it (issue 14: it ran 77 px off a 1440 px one).
					<span key={first.id} class={`gx-hint-anchor gx-side-${box.side}${box.left > doc.documentElement.clientWidth / 2 ? ' gx-card-start' : ''}`} style={{ top: `${box.top}px`, left: `${box.left}px` }}>
						<button
							type="button"
							class={`gx-hint-marker gx-hint-${hints.some((hint) => hint.kind === 'manager') ? 'manager' : first.kind}`}
							data-gx="hint-marker"
							data-gx-selector={first.selector}
							aria-label={t('hints.marker')}
							aria-expanded={open === first.id}
							title={hints.map((hint) => hint.text).join('\n')}
							onClick={() => setOpen(open === first.id ? null : first.id)}
						>
							i
						</button>
						{open === first.id && (
							<div class="gx-hint-cards">
								{hints.map((hint) => (
									<HintCard key={hint.id} hint={hint} onDismiss={() => dismiss(hint)} onClose={() => setOpen(null)} />
								))}
							</div>
						)}
					</span>
				);
			})}
			{pageNotes.length > 0 && (
				<div class="gx-page-notes" data-gx="page-notes">
					<button type="button" class="gx-notes-pill" aria-expanded={notesOpen} onClick={() => setNotesOpen(!notesOpen)}>
						{t('hints.pageNotes', { count: pageNotes.length })}
					</button>
					{notesOpen && (
						<div class="gx-notes-list">
							{pageNotes.map((hint) => (
								<HintCard key={hint.id} hint={hint} onDismiss={() => dismiss(hint)} />
							))}
						</div>
					)}
				</div>
			)}
		</div>
	);
}
