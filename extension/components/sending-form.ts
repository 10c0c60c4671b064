import { useState } from 'preact/hooks';
import { userSubmit, userTyped } from '../core/user-input';
import { t } from '../i18n';

/**
 * What every sending form of the overlay does, as props of its <form>. Keys: Escape cancels, Ctrl+Enter (Cmd+Enter on
 * a Mac) sends from any field, as in GLPI's own followup editor and most feedback widgets, so a technician can capture
 * without the mouse. `send` runs only for the user's own Send click or keys, never for a script of the page, and only
 * while every text box holds what the user's own input left there (core/user-input.ts). Otherwise `showError` tells
 * the user and the form stays open with the text, to check: their next own edit makes the text theirs.
 */
export function useSendingForm(send: () => void, onCancel: () => void, showError: (message: string) => void) {
	const [sending] = useState(userSubmit);
	const [typed] = useState(userTyped);
	return {
		onSubmit(event: Event) {
			event.preventDefault();
			if (!sending.take()) return;
			const changed = typed.changedBox(event.currentTarget as HTMLFormElement);
			if (!changed) return send();
			showError(t('capture.notTyped'));
			changed.focus();
		},
		onInputCapture: typed.record,
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
