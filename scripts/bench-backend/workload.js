// A deterministic, realistic mix of signals for the backend benchmark: a few thousand subjects (ideas, bugs and praise
// in near-identical wordings, friction on page elements, ticket patterns) chosen with a skew, so that 100,000 signals
// make a few thousand backlog items, as a busy GLPI installation would, not one item and not 100,000.

/** mulberry32: a small seeded PRNG, so every run sends the same signals. */
export function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ROUTES = [
	'/front/ticket.form.php', '/front/ticket.php', '/front/central.php', '/front/helpdesk.public.php', '/front/tracking.injector.php',
	'/front/problem.form.php', '/front/change.form.php', '/front/knowbaseitem.php', '/front/computer.form.php', '/front/user.form.php',
	'/front/reservation.php', '/front/reminder.form.php', '/front/planning.php', '/front/stat.php', '/front/report.dynamic.php',
	'/front/preference.php', '/front/document.form.php', '/front/itilcategory.form.php', '/front/group.form.php', '/front/entity.form.php',
];
const PAGE_KINDS = ['ticket-form', 'ticket-list', 'central', 'helpdesk-home', 'helpdesk-create', 'problem-form', 'change-form', 'knowbase', 'other'];
const SELECTORS = ['#itil_category', '#urgency', '#impact', '[name="content"]', '#actors', '.timeline-item', '#search-input', 'button[name="add"]',
	'.massive-action', '#tab-solution', '.search-results tr', '#kb-search', '#planning-view', 'select[name="type"]', '#attachments'];
const TAGS = ['confusing', 'slow', 'too-many-steps', 'missing-option', 'error', 'hidden', 'unclear-label', 'broken-layout'];
const PATTERN_TYPES = ['duplicates', 'spike', 'reopen'];

/** Pronounceable pseudo-words: a vocabulary large enough that two subjects rarely share more than a word. */
function vocabulary(next, size) {
	const consonants = 'bcdfglmnprstvz';
	const vowels = 'aeiou';
	const words = new Set();
	while (words.size < size) {
		let word = '';
		const syllables = 2 + Math.floor(next() * 3);
		for (let i = 0; i < syllables; i++) word += consonants[Math.floor(next() * consonants.length)] + vowels[Math.floor(next() * vowels.length)];
		words.add(word);
	}
	return [...words];
}

/** Another wording of the same subject: case, punctuation, word order and small edits, as people write. */
function reword(words, next) {
	const out = [...words];
	const edits = Math.floor(next() * 3);
	for (let e = 0; e < edits; e++) {
		const choice = next();
		const i = Math.floor(next() * out.length);
		if (choice < 0.3 && out.length > 8) out.splice(i, 1);
		else if (choice < 0.6 && i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1], out[i]];
		else if (out[i] && out[i].length > 4) out[i] = out[i].slice(0, 2) + out[i][3] + out[i][2] + out[i].slice(4);
	}
	let text = out.join(' ');
	if (next() < 0.3) text = text[0].toUpperCase() + text.slice(1);
	if (next() < 0.2) text = text.toUpperCase();
	return text + ['', '.', '!', ' ?', '!!!'][Math.floor(next() * 5)];
}

/** The workload: `signal(i)` is the i-th signal, the same in every run. */
export function workload({ seed = 7, textSubjects = 2400, frictionSubjects = 500, patternSubjects = 120, reporters = 300, now = Date.now() } = {}) {
	const next = random(seed);
	const vocab = vocabulary(next, 4000);
	const texts = Array.from({ length: textSubjects }, () => {
		const length = 8 + Math.floor(next() * 30);
		return {
			words: Array.from({ length }, () => vocab[Math.floor(next() * vocab.length)]),
			kind: next() < 0.7 ? 'idea' : next() < 0.8 ? 'bug' : 'praise',
			route: ROUTES[Math.floor(next() * ROUTES.length)],
			pageKind: PAGE_KINDS[Math.floor(next() * PAGE_KINDS.length)],
		};
	});
	const frictions = Array.from({ length: frictionSubjects }, () => ({
		route: ROUTES[Math.floor(next() * ROUTES.length)],
		selector: SELECTORS[Math.floor(next() * SELECTORS.length)],
		tag: TAGS[Math.floor(next() * TAGS.length)],
	}));
	const patterns = Array.from({ length: patternSubjects }, (_, i) => ({
		type: PATTERN_TYPES[i % 3],
		signature: `${vocab[i * 7]} ${vocab[i * 7 + 1]}`,
		firstTicket: 1000 + i * 100,
	}));
	// Skewed choice: a few subjects are reported often, most rarely, as in any backlog.
	const pick = (list, r) => list[Math.floor(list.length * r * r)];

	return function signal(i) {
		const r = random(seed * 1_000_003 + i);
		const choice = r();
		const createdAt = new Date(now - Math.floor(r() * 90 * 86_400_000)).toISOString();
		const reporter = `inst-${String(Math.floor(r() * reporters)).padStart(5, '0')}`;
		const id = uuidOf(seed, i);
		if (choice < 0.65) {
			const subject = pick(texts, r());
			const body = { id, kind: subject.kind, createdAt, reporter, page: { route: subject.route, kind: subject.pageKind }, text: reword(subject.words, r) };
			if (subject.kind === 'bug') body.severity = 1 + Math.floor(r() * 5);
			return body;
		}
		if (choice < 0.95) {
			const subject = pick(frictions, r());
			const auto = choice >= 0.85;
			const body = {
				id,
				kind: auto ? 'auto-friction' : 'friction',
				createdAt,
				reporter,
				page: { route: subject.route, kind: 'other' },
				target: { selector: subject.selector },
				tags: r() < 0.3 ? [subject.tag, TAGS[Math.floor(r() * TAGS.length)]] : [subject.tag],
			};
			if (auto) body.count = 1 + Math.floor(r() * 40);
			return body;
		}
		const subject = pick(patterns, r());
		const size = 3 + Math.floor(r() * 6);
		const start = subject.firstTicket + Math.floor(r() * 20);
		return {
			id,
			kind: 'pattern',
			createdAt,
			reporter,
			page: { route: '/front/ticket.php', kind: 'ticket-list' },
			pattern: { type: subject.type, size, signature: subject.signature, ticketIds: Array.from({ length: size }, (_, k) => start + k) },
		};
	};
}

/** A valid version-4 UUID made from the signal's number, so replays of a run send the same ids. */
function uuidOf(seed, i) {
	const hex = (n, width) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);
	const r = random(seed ^ (i * 2654435761));
	return `${hex(i, 8)}-${hex(r() * 0xffff, 4)}-4${hex(r() * 0xfff, 3)}-${hex(0x8000 | (r() * 0x3fff), 4)}-${hex(r() * 0xffffffff, 8)}${hex(r() * 0xffff, 4)}`;
}
