import { GLPI } from './selectors';

/**
 * Names of people a GLPI page shows, so that redaction can remove them from what a user writes
 * (requester, observer and technician actors, authors, list cells). Sources: [real] GLPI 10.0.17 pages.
 */
export function peopleOnPage(doc: Document = document): string[] {
	const names = new Set<string>();
	const add = (text: string | null | undefined) => {
		const name = text?.replace(/\s+/g, ' ').trim();
		if (name && name.length >= 2 && name.length <= 80) names.add(name);
	};
	// Ticket form actors: <select data-actor-type="requester|observer|assign"><option data-itemtype="User" data-text="…">
	for (const option of doc.querySelectorAll(GLPI.actorUserOption)) {
		add(option.getAttribute('data-text') ?? option.textContent);
	}
	// Links to user forms: author badges in the timeline (<a href="/front/user.form.php?id=4">tech</a>) and the
	// title attribute of avatars.
	for (const link of doc.querySelectorAll<HTMLAnchorElement>(GLPI.userLink)) {
		add(link.getAttribute('title'));
		if (!link.classList.contains('dropdown_tooltip')) add(link.textContent);
		// Lists print "Martin Alice <a class='dropdown_tooltip' …>": the name is the text before the link.
		if (link.classList.contains('dropdown_tooltip')) add(link.previousSibling?.textContent);
	}
	return [...names];
}
