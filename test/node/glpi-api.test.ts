import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GlpiApiError, pushToGlpi } from '../../extension/background/glpi-api';
import { type GlpiApiStandIn, startGlpiApiStandIn } from '../support/glpi-api-stand-in';
import { SHARED, hasCapturedPages } from '../support/glpi-pages';

let standIn: GlpiApiStandIn | undefined;
afterEach(async () => {
	await standIn?.close();
	standIn = undefined;
});

const push = (url: string, userToken = 'stand-in-user-token', appToken?: string, ticketIds = [12, 13, 14]) =>
	pushToGlpi(appToken ? { glpiUrl: url, userToken, appToken } : { glpiUrl: url, userToken }, { itemtype: 'Problem', name: 'Printer jams on floor 2', content: '<p>3 tickets</p>', ticketIds, categoryId: 5 });

describe('push to GLPI through apirest.php (against the stand-in)', () => {
	it('creates the Problem, links every ticket and closes its session', async () => {
		standIn = await startGlpiApiStandIn({ rootDoc: '/glpi' });
		const result = await push(standIn.url);
		expect(result).toEqual({ id: 3, url: `${standIn.url}/front/problem.form.php?id=3`, linked: [12, 13, 14], notLinked: [] });
		expect(standIn.items.map((item) => [item.itemtype, item.input])).toEqual([
			['Problem', { name: 'Printer jams on floor 2', content: '<p>3 tickets</p>', urgency: 3, impact: 3, itilcategories_id: 5 }],
			['Problem_Ticket', { problems_id: 3, tickets_id: 12 }],
			['Problem_Ticket', { problems_id: 3, tickets_id: 13 }],
			['Problem_Ticket', { problems_id: 3, tickets_id: 14 }],
		]);
		expect(standIn.sessions.size).toBe(0);
		expect(standIn.requests.at(-1)?.path).toBe('/apirest.php/killSession');
	});

	it('creates a Change with Change_Ticket links', async () => {
		standIn = await startGlpiApiStandIn();
		const result = await pushToGlpi({ glpiUrl: `${standIn.url}/`, userToken: 'stand-in-user-token' }, { itemtype: 'Change', name: 'Roll out the new VPN client', content: '<p>x</p>', ticketIds: [1] });
		expect(result.url).toBe(`${standIn.url}/front/change.form.php?id=2`);
		expect(standIn.items.map((item) => item.itemtype)).toEqual(['Change', 'Change_Ticket']);
	});

	it('says which tickets were not linked when GLPI links only some (207), and keeps the item', async () => {
		standIn = await startGlpiApiStandIn({ tickets: [12, 14] });
		const result = await push(standIn.url);
		expect(result.linked).toEqual([12, 14]);
		expect(result.notLinked).toEqual([{ ticketId: 13, message: "You don't have permission to perform this action." }]);
		expect(standIn.sessions.size).toBe(0);
	});

	it.each([
		['the API is disabled', { apiEnabled: false }, 'api-disabled'],
		['no API client matches the IP', { ipAllowed: false }, 'ip-not-allowed'],
		['the App-Token is wrong', { appToken: 'right-app-token' }, 'bad-app-token'],
		['the profile may not create problems', { canCreate: false }, 'no-right'],
		['the profile may not create problems, in French', { canCreate: false, noPermission: "Vous n'avez pas les droits requis pour réaliser cette action." }, 'no-right'],
		['GLPI refuses the problem itself', { refuseAdd: 'Mandatory fields are not filled. Please correct: Description' }, 'refused'],
	] as const)('fails in words when %s, creating nothing', async (_case, options, reason) => {
		standIn = await startGlpiApiStandIn(options);
		const error = await push(standIn.url, 'stand-in-user-token', 'options' in options ? undefined : 'wrong-app-token').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(GlpiApiError);
		expect((error as GlpiApiError).reason).toBe(reason);
		expect(standIn.items).toEqual([]);
		expect(standIn.sessions.size).toBe(0);
	});

	it('fails with bad-user-token for an unknown API token, and unreachable when nothing listens', async () => {
		standIn = await startGlpiApiStandIn();
		await expect(push(standIn.url, 'not-the-token')).rejects.toMatchObject({ reason: 'bad-user-token', detail: expect.stringContaining('ERROR_GLPI_LOGIN_USER_TOKEN') });
		const url = standIn.url;
		await standIn.close();
		standIn = undefined;
		await expect(push(url)).rejects.toMatchObject({ reason: 'unreachable' });
	});
});

describe.skipIf(!hasCapturedPages)('the stand-in answers as the captured GLPI 10.0.17 exchanges', () => {
	const dir = join(SHARED, 'glpi/pages/10.0.17/api');
	const exchanges = hasCapturedPages
		? readdirSync(dir)
				.filter((file) => file.endsWith('.json'))
				.map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as { request: { method: string; path: string; headers: Record<string, string>; body: unknown }; response: { status: number; body: unknown } }) }))
		: [];
	// What the stand-in implements: sessions, adds and their errors (reads of tickets, searches and sessions' details are not
	// used by the product). 35 (a GET with a body) cannot be sent by fetch.
	const covered = ['01_', '02_', '03_', '21_', '22_', '23_', '24_', '30_', '31_', '32_', '33_', '36_', '39_', '40_'];

	it.each(exchanges.filter((exchange) => covered.some((prefix) => exchange.file.startsWith(prefix))).map((exchange) => [exchange.file, exchange]))('%s', async (_file, exchange) => {
		standIn = await startGlpiApiStandIn({ tickets: [1, 5, 6, 14] });
		const headers: Record<string, string> = { ...exchange.request.headers };
		// Redacted credentials and the capture's session: replaced by what this stand-in knows.
		if (headers.Authorization === '<redacted>') headers.Authorization = exchange.file.startsWith('02_') ? `Basic ${Buffer.from('glpi:wrong').toString('base64')}` : 'user_token stand-in-user-token';
		if (headers['Session-Token'] && !exchange.file.startsWith('32_') && !exchange.file.startsWith('40_')) {
			const session = (await (await fetch(`${standIn.url}/apirest.php/initSession`, { headers: { authorization: 'user_token stand-in-user-token' } })).json()) as { session_token: string };
			headers['Session-Token'] = session.session_token;
		}
		const response = await fetch(`${standIn.url}${exchange.request.path}`, {
			method: exchange.request.method,
			headers,
			...(exchange.request.body === null ? {} : { body: JSON.stringify(exchange.request.body) }),
		});
		expect(response.status).toBe(exchange.response.status);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const text = await response.text();
		const body = text ? (JSON.parse(text) as unknown) : null;
		const expected = exchange.response.body;
		if (Array.isArray(expected) && typeof expected[0] === 'string') {
			expect((body as unknown[])[0]).toBe(expected[0]);
		} else if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
			expect(Object.keys(body as object).sort()).toEqual(Object.keys(expected).sort());
		} else {
			expect(body).toEqual(expected);
		}
	});
});
