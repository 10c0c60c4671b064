/**
 * Links from a report to the tickets in GLPI (issue 16: ticket ids were plain text). GLPI's ticket form is
 * front/ticket.form.php?id=N under its root (GLPI 9.5 to 11), and GLPI often lives in a sub-folder
 * (https://example.org/glpi/), so the address is taken as a folder whatever the user typed after it.
 */

/** A host name or IP address (IPv6 in brackets), with an optional port. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * GLPI's root address from what the user gave (`--glpi-url`), ending with '/', or undefined when it is not an
 * http(s) address: a report must never hold a javascript: or data: link, whatever the command line said. The query,
 * fragment and any user name are dropped; characters a path cannot hold as they are are percent-encoded. Parsed by
 * hand: the engine runs where no URL class is typed (lib ES2023 only).
 */
export function glpiRoot(address: string): string | undefined {
	const match = /^(https?):\/\/(?:[^/?#@\s]*@)?([^/?#\s]+)([^?#\s]*)(?:[?#]\S*)?$/i.exec(address.trim());
	if (!match) return undefined;
	const [, scheme, host, path] = match as unknown as [string, string, string, string];
	if (!HOST.test(host)) return undefined;
	// A page of GLPI given instead of its root (…/front/ticket.php) stands for the root above it.
	const folder = `${path.replace(/\/front\/[^/]*$/, '').replace(/\/+$/, '')}/`;
	const encoded = folder.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c));
	return `${scheme.toLowerCase()}://${host.toLowerCase()}${encoded}`;
}

/** The address of ticket `id` in the GLPI at `root` (from glpiRoot); ids are integers, nothing else goes in. */
export const ticketUrl = (root: string, id: number) => `${root}front/ticket.form.php?id=${Math.trunc(id)}`;
