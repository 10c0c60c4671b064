/**
 * Requests between overlay features inside one GLPI page (one content script), e.g. the capture panel asking
 * friction tagging to start. A feature that is switched off has no listener, and `has()` lets the asker hide the
 * button that would lead nowhere.
 */
export type OverlayRequest = 'start-tagging';

const listeners = new Map<OverlayRequest, Set<() => void>>();

export function onRequest(name: OverlayRequest, listener: () => void, signal: AbortSignal): void {
	const set = listeners.get(name) ?? new Set();
	listeners.set(name, set);
	set.add(listener);
	signal.addEventListener('abort', () => set.delete(listener), { once: true });
}

export const hasListener = (name: OverlayRequest) => (listeners.get(name)?.size ?? 0) > 0;

export function request(name: OverlayRequest): void {
	for (const listener of listeners.get(name) ?? []) listener();
}
