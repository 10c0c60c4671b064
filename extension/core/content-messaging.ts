import { defineExtensionMessaging } from '@webext-core/messaging';

/** Messages from the background to the GLPI content script of a tab (keyboard shortcut, context menu). */
interface ContentProtocolMap {
	openCapture(input: { kind?: 'idea' | 'friction' }): boolean;
	/** "Report friction on this element" from the context menu: the element is the last one right-clicked. */
	openFriction(input: Record<string, never>): boolean;
}

export const { sendMessage: sendToTab, onMessage: onTabMessage } = defineExtensionMessaging<ContentProtocolMap>();
