/**
 * Keys every sending form of the overlay answers: Escape cancels, Ctrl+Enter (Cmd+Enter on a Mac) sends from any
 * field, as in GLPI's own followup editor and most feedback widgets, so a technician can capture without the mouse.
 */
export function formKeys(onCancel: () => void, onSendKeys: (event: KeyboardEvent) => void = () => undefined) {
	return (event: KeyboardEvent) => {
		if (event.key === 'Escape') onCancel();
		else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
			event.preventDefault();
			onSendKeys(event);
			(event.currentTarget as HTMLFormElement).requestSubmit();
		}
	};
}
