/**
 * happy-dom makes no trusted event: every event there reads as a script's, as if GLPI's page had made it. The overlay
 * acts only on the user's own input (extension/core/user-input.ts), so the tests of what a user does stand in for the
 * user: until the returned function is called, every event reads as trusted. The real check runs in Chromium, end to
 * end (test/e2e/hostile-content.test.ts).
 */
export function asTheUser(): () => void {
	const own = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
	Object.defineProperty(Event.prototype, 'isTrusted', { configurable: true, get: () => true });
	return () => {
		if (own) Object.defineProperty(Event.prototype, 'isTrusted', own);
		else Reflect.deleteProperty(Event.prototype, 'isTrusted');
	};
}
