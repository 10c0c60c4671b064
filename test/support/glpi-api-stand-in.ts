import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A STAND-IN for GLPI's legacy REST API (apirest.php), for tests only: no GLPI can run on these machines, so this
 * small server answers as the real GLPI 10.0.17 did in the exchanges captured in ../shared/glpi/pages/10.0.17/api
 * (status codes, ["ERROR_CODE", "message"] bodies, 201 + location on add, 207 ERROR_GLPI_PARTIAL_ADD on a partial
 * bulk add, Access-Control-Allow-Origin: * when an Origin is sent). A contract test replays those exchanges against it.
 * It implements what "push to GLPI" uses: initSession, killSession, adding Problem, Change, Problem_Ticket,
 * Change_Ticket and ITILFollowup, reading a Ticket, and the error cases around them.
 */
export interface StandInOptions {
	/** Where GLPI lives on the server ("" or "/glpi"). */
	rootDoc?: string;
	userToken?: string;
	appToken?: string;
	login?: { user: string; password: string };
	/** Setup > General > API > "Enable Rest API". */
	apiEnabled?: boolean;
	/** Whether an API client matches the caller's IP. */
	ipAllowed?: boolean;
	/** Whether the user's profile may create problems and changes. */
	canCreate?: boolean;
	/** Tickets that exist (links to others fail as in the 207 capture). */
	tickets?: number[];
	/** GLPI's "no permission" message in the API user's language (GLPI translates it). */
	noPermission?: string;
	/** A message GLPI gives when it refuses the item itself (a rule, a mandatory field); none by default. */
	refuseAdd?: string;
}

export interface StandInItem {
	itemtype: string;
	id: number;
	input: Record<string, unknown>;
}

export interface GlpiApiStandIn {
	url: string;
	/** Everything added, in order. */
	items: StandInItem[];
	sessions: Set<string>;
	requests: { method: string; path: string }[];
	options: Required<StandInOptions>;
	close(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'content-type, content-range, accept-range' };
const DOC = (base: string, code: string) => `; view documentation in your browser at ${base}/apirest.php/#${code}`;

export async function startGlpiApiStandIn(options: StandInOptions = {}): Promise<GlpiApiStandIn> {
	const settings: Required<StandInOptions> = {
		rootDoc: '',
		userToken: 'stand-in-user-token',
		appToken: '',
		login: { user: 'glpi', password: 'glpi' },
		apiEnabled: true,
		ipAllowed: true,
		canCreate: true,
		tickets: Array.from({ length: 23 }, (_, i) => i + 1),
		noPermission: "You don't have permission to perform this action.",
		refuseAdd: '',
		...options,
	};
	const state = { items: [] as StandInItem[], sessions: new Set<string>(), requests: [] as { method: string; path: string }[], nextId: { Problem: 3, Change: 2, Problem_Ticket: 9, Change_Ticket: 4, ITILFollowup: 22 } as Record<string, number> };
	let base = '';

	const handle = (method: string, path: string, headers: IncomingMessage['headers'], body: unknown): { status: number; body: unknown; headers?: Record<string, string> } => {
		const error = (status: number, code: string, message: string, doc = true) => ({ status, body: [code, doc ? `${message}${DOC(base, code)}` : message] });
		if (method === 'OPTIONS') return { status: 200, body: null };
		if (!settings.apiEnabled) return error(400, 'ERROR', 'API disabled', false);
		if (!settings.ipAllowed) return error(400, 'ERROR_NOT_ALLOWED_IP', "There isn't an active API client matching your IP address in the configuration (127.0.0.1).");
		if (settings.appToken && headers['app-token'] !== settings.appToken) {
			return headers['app-token'] ? error(400, 'ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong') : error(400, 'ERROR_APP_TOKEN_PARAMETERS_MISSING', 'missing parameter app_token');
		}
		const route = path.replace(/^\/apirest\.php/, '').replace(/\/+$/, '') || '/';
		if (route === '/initSession') {
			const auth = String(headers.authorization ?? '');
			if (auth.startsWith('user_token ')) {
				if (auth.slice('user_token '.length) !== settings.userToken) return error(401, 'ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid', false);
			} else if (auth.startsWith('Basic ')) {
				const [user, password] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
				if (user !== settings.login.user || password !== settings.login.password) return error(401, 'ERROR_GLPI_LOGIN', 'Incorrect username or password', false);
			} else return error(400, 'ERROR_LOGIN_PARAMETERS_MISSING', 'parameter(s) login, password or user_token are missing');
			const token = crypto.randomUUID().replace(/-/g, '');
			state.sessions.add(token);
			return { status: 200, body: { session_token: token } };
		}
		const session = String(headers['session-token'] ?? '');
		if (!session) return error(400, 'ERROR_SESSION_TOKEN_MISSING', 'parameter session_token is missing or empty');
		if (!state.sessions.has(session)) return error(401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid', false);
		if (route === '/killSession') {
			state.sessions.delete(session);
			return { status: 200, body: true };
		}
		const [, itemtype, id] = /^\/(\w+)(?:\/(\d+))?$/.exec(route) ?? [];
		if (!itemtype || !(itemtype in state.nextId || itemtype === 'Ticket')) {
			return error(400, 'ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found or not an instance of CommonDBTM');
		}
		if (method === 'GET' && itemtype === 'Ticket' && id) {
			if (body !== undefined && body !== null && body !== '') return error(400, 'ERROR_JSON_PAYLOAD_FORBIDDEN', 'GET Request should not have json payload (http body)');
			return settings.tickets.includes(Number(id)) ? { status: 200, body: { id: Number(id), name: `Ticket ${id}` } } : error(404, 'ERROR_ITEM_NOT_FOUND', 'Item not found', false);
		}
		if (method !== 'POST' || id) return error(405, 'ERROR_METHOD_NOT_ALLOWED', 'Method Not Allowed');
		const input = (body as { input?: unknown } | null)?.input;
		if (!input || typeof input !== 'object') return error(400, 'ERROR_BAD_ARRAY', 'input parameter must be an array of objects');
		const add = (fields: Record<string, unknown>): { id: number | false; message: string } => {
			if (!settings.canCreate) return { id: false, message: settings.noPermission };
			if (settings.refuseAdd && !itemtype.endsWith('_Ticket')) return { id: false, message: settings.refuseAdd };
			const ticket = Number(fields.tickets_id ?? fields.items_id ?? 0);
			if ((itemtype.endsWith('_Ticket') || itemtype === 'ITILFollowup') && !settings.tickets.includes(ticket)) {
				return { id: false, message: settings.noPermission };
			}
			const newId = state.nextId[itemtype] ?? 1;
			state.nextId[itemtype] = newId + 1;
			state.items.push({ itemtype, id: newId, input: fields });
			const label = itemtype === 'Problem_Ticket' ? `Link Ticket/Problem - ID ${newId}` : itemtype === 'Change_Ticket' ? `Link Ticket/Change - ID ${newId}` : itemtype === 'ITILFollowup' ? '' : `${String(fields.name ?? '')} (${newId})`;
			return { id: newId, message: label && itemtype !== 'ITILFollowup' ? `Item successfully added: ${label}` : '' };
		};
		if (Array.isArray(input)) {
			const results = input.map((fields) => add(fields as Record<string, unknown>));
			if (results.every((row) => row.id === false)) return { status: 400, body: ['ERROR_GLPI_ADD', results] };
			if (results.some((row) => row.id === false)) return { status: 207, body: ['ERROR_GLPI_PARTIAL_ADD', results] };
			return { status: 201, body: results };
		}
		// A single add the profile may not make is refused like any failed add (400 ERROR_GLPI_ADD with GLPI's message),
		// as a live GLPI 10.0.17 answers a Technician pushing a Problem; ERROR_RIGHT_MISSING is for reads.
		const result = add(input as Record<string, unknown>);
		if (result.id === false) return error(400, 'ERROR_GLPI_ADD', result.message, false);
		return { status: 201, body: result, headers: { location: `${base}/apirest.php/${itemtype}/${result.id}` } };
	};

	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		let raw = '';
		request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
		request.on('end', () => {
			const url = new URL(request.url ?? '/', 'http://x');
			const path = url.pathname.startsWith(settings.rootDoc) ? url.pathname.slice(settings.rootDoc.length) : url.pathname;
			state.requests.push({ method: request.method ?? 'GET', path });
			if (!path.startsWith('/apirest.php')) {
				response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
				return;
			}
			let body: unknown = raw;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = raw;
			}
			const answer = handle(request.method ?? 'GET', path, request.headers, body);
			const headers = { ...(request.headers.origin ? CORS : {}), 'content-type': 'application/json; charset=UTF-8', ...(answer.headers ?? {}) };
			response.writeHead(answer.status, headers).end(answer.body === null ? '' : JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	base = `http://127.0.0.1:${port}${settings.rootDoc}`;
	return {
		url: base,
		items: state.items,
		sessions: state.sessions,
		requests: state.requests,
		options: settings,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
