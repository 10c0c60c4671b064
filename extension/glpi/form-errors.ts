import { observe } from '../core/dom';
import { fromUser } from '../core/user-input';
import { targetOf } from './element-target';
import { GLPI } from './selectors';

type Target = ReturnType<typeof targetOf>;

/** GLPI posts a form, then redirects back with its messages: the submit and the error toast are two page loads. */
const SUBMIT_KEY = 'gx-last-submit';
export const FORM_ERROR_WINDOW_MS = 60_000;

interface LastSubmit {
	target: Target;
	at: number;
}

function readStoredSubmit(storage: Storage | undefined): LastSubmit | undefined {
	try {
		const stored = storage?.getItem(SUBMIT_KEY);
		storage?.removeItem(SUBMIT_KEY);
		return stored ? (JSON.parse(stored) as LastSubmit) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * GLPI form errors shown after a submit: the browser's validation of a required field (an `invalid` event per field),
 * and GLPI's red error toast (`#messages_after_redirect`, 10 and 11) within a minute of a submit, on this page load
 * (AJAX) or the next one (POST, then redirect). The submitted form is kept in the tab's sessionStorage under a gx-
 * key for that redirect.
 */
export function watchFormErrors(doc: Document, signal: AbortSignal, report: (target: Target) => void, now = () => Date.now()): void {
	const storage = doc.defaultView?.sessionStorage;
	let lastSubmit = readStoredSubmit(storage);
	// A page script's dispatched `invalid` and `submit` are not trusted and count for nothing. What it can still do (call
	// checkValidity(), requestSubmit(), or show a toast of its own) is said in docs/SECURITY.md.
	doc.addEventListener('invalid', (event) => fromUser(event) && event.target instanceof Element && report(targetOf(event.target)), { capture: true, signal });
	doc.addEventListener(
		'submit',
		(event) => {
			if (!fromUser(event) || !(event.target instanceof Element)) return;
			lastSubmit = { target: targetOf(event.target), at: now() };
			try {
				storage?.setItem(SUBMIT_KEY, JSON.stringify(lastSubmit));
			} catch {
				// Storage full or refused: the AJAX case still works.
			}
		},
		{ capture: true, signal },
	);
	observe(
		GLPI.errorToast,
		() => {
			if (lastSubmit && now() - lastSubmit.at < FORM_ERROR_WINDOW_MS) report(lastSubmit.target);
		},
		{ signal, root: doc },
	);
}
