import { useState } from 'preact/hooks';
import { userSubmit } from '../core/user-input';

/**
 * What every sending form of the overlay does, as props of its <form>. Keys: Escape cancels, Ctrl+Enter (Cmd+Enter on
 * a Mac) sends from any field, as in GLPI's own followup editor and most feedback widgets, so a technician can capture
 * without the mouse. `send` runs only for the user's own Send click or keys, never for a script of the page
 * (core/user-input.ts).
 */
export function useSendingForm(send: () => void, onCancel: () => void) {
	const [sending] = useState(userSubmit);
	return {
		onSubmit(event: Event) {
			event.preventDefault();
			if (sending.take()) send();
		},
		onClickCapture: sending.armOnSend,
		onKeyDown(event: KeyboardEvent) {
			if (event.key === 'Escape') onCancel();
			else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				sending.arm(event);
				(event.currentTarget as HTMLFormElement).requestSubmit();
			}
		},
	};
}
