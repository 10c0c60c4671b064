import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { defineRouteFeatures } from '../../core/route-host';
import { similarTickets } from '../../features/similar-tickets';

// The ticket form's per-route script (core/route-script-names.ts): injected by the background when the content script
// of a GLPI ticket form asks for it, never registered for any page. Returns nothing: executeScript reads no result.
export default defineUnlistedScript({
	// No global variable of ours, even in our own isolated world.
	globalName: false,
	main() {
		defineRouteFeatures([similarTickets]);
	},
});
