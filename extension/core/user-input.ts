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
