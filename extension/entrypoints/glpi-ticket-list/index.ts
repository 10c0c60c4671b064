import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { defineRouteFeatures } from '../../core/route-host';
import { patternHighlights } from '../../features/pattern-highlights';

// The ticket list's per-route script (core/route-script-names.ts): injected by the background when the content script
// of a GLPI ticket list asks for it, never registered for any page. Returns nothing: executeScript reads no result.
export default defineUnlistedScript({
	// No global variable of ours, even in our own isolated world.
	globalName: false,
	main() {
		defineRouteFeatures([patternHighlights]);
	},
});
