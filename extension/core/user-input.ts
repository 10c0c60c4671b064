/**
 * Our overlay's shadow roots are open, so a script of the GLPI page can reach our buttons and forms: without a check
 * it could click Send, "me too" or "Suggest a Problem" and queue signals in the user's name (docs/SECURITY.md). The
 * events such a script makes are not trusted; those of the user's own mouse and keyboard are.
 */
export const fromUser = (event: Event): boolean => event.isTrusted;

/**
 * For a form that sends: its submit goes through only in the task of the user's own Send click or send keys. The
 * submit event alone proves nothing: `form.requestSubmit()`, which a page's script may call, fires a trusted one.
 * Armed for one task only, so a click the browser's validation stopped short of a submit arms nothing later.
 */
export function userSubmit(): { arm(event: Event): void; armOnSend(event: Event): void; take(): boolean } {
	let armed = false;
	const arm = (event: Event) => {
		armed = fromUser(event);
		if (armed) setTimeout(() => (armed = false));
	};
	return {
		/** On the form's send keys. */
		arm,
		/** On every click in the form (capture phase): a click of its submit button. */
		armOnSend(event) {
			if (event.target instanceof Element && event.target.closest('button[type="submit"]')) arm(event);
		},
		/** In the submit handler: whether the user asked for this submit. */
		take() {
			const asked = armed;
			armed = false;
			return asked;
		},
	};
}

/** The boxes of our sending forms that hold the user's words. */
const TEXT_BOXES = 'textarea, input:not([type]), input[type="text"]';

/**
 * For a form that sends the user's words: what the user's own input events (typing, paste, drop, IME, undo) left in
 * each text box. A script of the page can set a box's `.value` or fire an `input` event of its own between the user's
 * typing and their Send click, and that click is trusted (issue 15, item 6); comparing the box with the text the user's
 * input left there tells the two apart. Boxes start empty, so one the user never typed in must still be empty.
 */
export function userTyped(): { record(event: Event): void; changedBox(form: HTMLFormElement): HTMLElement | undefined } {
	const typed = new WeakMap<Element, string>();
	return {
		/** On every `input` event of the form (capture phase). */
		record(event) {
			const box = event.target;
			if (fromUser(event) && box instanceof Element && box.matches(TEXT_BOXES)) typed.set(box, (box as HTMLInputElement).value);
		},
		/** At Send: the first text box whose value is not the one the user's own input left, if any. */
		changedBox(form) {
			return [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_BOXES)].find((box) => box.value !== (typed.get(box) ?? ''));
		},
	};
}
