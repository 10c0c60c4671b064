import { browser } from 'wxt/browser';

/** Who sent a runtime message, as the browser tells the background (never what the message itself claims). */
export interface Sender {
	id?: string;
	url?: string;
}

/**
 * Whether a message comes from one of the extension's own pages (the popup, the options page), not from a content
 * script in a GLPI page: the browser gives a content script's messages the page's URL. A GLPI page's scripts cannot
 * message the background at all, but a content script runs in the page's renderer: if that renderer were taken over,
 * it could send any message. So what sets the backend address or the token, or acts with them as a manager (backlog,
 * hints, metrics, export, push to GLPI), and what clears refused signals, is answered only for the extension's pages
 * (issue 15, item 14).
 */
export function fromOwnPage(sender: Sender | undefined): boolean {
	return sender?.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

export const NOT_OWN_PAGE = "refused: this message is answered only for the extension's own pages";

/** Wraps a message handler so that it runs only for the extension's own pages; any other sender gets an error. */
export function ownPagesOnly<M extends { sender: Sender }, R>(handler: (message: M) => R): (message: M) => R {
	return (message) => {
		if (!fromOwnPage(message.sender)) throw new Error(NOT_OWN_PAGE);
		return handler(message);
	};
}
