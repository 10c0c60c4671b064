/** A hidden tab paints no frame: what waits for one waits this long at most. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the page has produced its next frame (a task after that frame's animation callbacks), or after
 * FRAME_WAIT_MS. For work that should not share a frame with what was just changed: the deferred features after the
 * capture button, the ticket patterns' summary after the badges.
 */
export function afterNextFrame(view: Window | null): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, FRAME_WAIT_MS);
		const done = () => {
			clearTimeout(timer);
			resolve();
		};
		if (view) view.requestAnimationFrame(() => setTimeout(done, 0));
		else setTimeout(done, 0);
	});
}
