/**
 * GLPI's legacy REST API (apirest.php, GLPI 10 and 11) for "push to GLPI": open a session with the user's API token
 * (and the App-Token when the API client has one), create a Problem or Change, link the pattern's tickets, close the
 * session. Shapes from the real GLPI 10.0.17 exchanges in ../shared/glpi/pages/10.0.17/api (FACTS.md §3.1).
 * Runs in the background only: it holds the user's GLPI token. Uses plain fetch, so tests run it in Node.
 */

export interface GlpiApiConfig {
	/** GLPI's address with its root_doc: "https://glpi.example.org" or "https://example.org/glpi". */
	glpiUrl: string;
	/** The user's "Remote access key" (Preferences > Remote access keys > API token). */
	userToken: string;
	/** The App-Token of the API client, when Setup > General > API asks for one. */
	appToken?: string;
}

export type GlpiItemtype = 'Problem' | 'Change';

/** Every way a push can fail, in words a user can act on (the popup shows `reason` translated). */
export type GlpiFailureReason = 'unreachable' | 'api-disabled' | 'ip-not-allowed' | 'bad-app-token' | 'bad-user-token' | 'no-right' | 'refused' | 'unexpected';

export class GlpiApiError extends Error {
	constructor(
		readonly reason: GlpiFailureReason,
		/** GLPI's own code and message, e.g. ERROR_GLPI_LOGIN_USER_TOKEN. */
		readonly detail: string,
		readonly status: number,
	) {
		super(`${reason}: ${detail}`);
		this.name = 'GlpiApiError';
	}
}

const REASONS: Record<string, GlpiFailureReason> = {
	ERROR_NOT_ALLOWED_IP: 'ip-not-allowed',
	ERROR_WRONG_APP_TOKEN_PARAMETER: 'bad-app-token',
	ERROR_APP_TOKEN_PARAMETERS_MISSING: 'bad-app-token',
	ERROR_GLPI_LOGIN_USER_TOKEN: 'bad-user-token',
	ERROR_GLPI_LOGIN: 'bad-user-token',
	ERROR_LOGIN_PARAMETERS_MISSING: 'bad-user-token',
	ERROR_LOGIN_WITH_CREDENTIALS_DISABLED: 'bad-user-token',
	ERROR_SESSION_TOKEN_INVALID: 'bad-user-token',
	ERROR_RIGHT_MISSING: 'no-right',
	ERROR_GLPI_ADD: 'refused',
	ERROR_GLPI_PARTIAL_ADD: 'refused',
	ERROR_BAD_ARRAY: 'refused',
};

/**
 * GLPI's API answers a single add its profile may not make with 400 ERROR_GLPI_ADD and this message, in the user's
 * language (API::createItems in GLPI 10.0.17; seen on a live GLPI with the default Technician profile, which may not
 * create problems). The code alone cannot tell a missing right from a refused input: the message does. Taken from
 * GLPI's own catalogues for the languages our users most run it in.
 */
const NO_PERMISSION_MESSAGES = new Set([
	"You don't have permission to perform this action.",
	"Vous n'avez pas les droits requis pour réaliser cette action.",
	'No tiene permisos para realizar esta acción.',
	'Sie haben keine ausreichenden Rechte für diese Aktion.',
	'Non hai diritti sufficienti per eseguire questa azione.',
	'Você não tem permissão para executar essa ação.',
	'U heeft niet de bevoegdheid voor het uitvoeren van deze actie.',
	'No tens permisos per a realitzar aquesta acció.',
	'Brak uprawnień do wykonania tej akcji.',
]);

const apiBase = (glpiUrl: string) => `${glpiUrl.replace(/\/+$/, '')}/apirest.php`;

/** GLPI answers errors as ["ERROR_CODE", "message; view documentation…"] (API::returnError). */
function failureOf(status: number, body: unknown): GlpiApiError {
	if (Array.isArray(body) && typeof body[0] === 'string') {
		const [code, message] = body as [string, unknown];
		const text = typeof message === 'string' ? message.replace(/; view documentation in your browser at .*$/, '') : '';
		// A disabled API answers ["ERROR", "API disabled"] (API::__construct, GLPI 10).
		const reason =
			code === 'ERROR' && /api/i.test(text)
				? 'api-disabled'
				: code === 'ERROR_GLPI_ADD' && NO_PERMISSION_MESSAGES.has(text.trim())
					? 'no-right'
					: (REASONS[code] ?? 'unexpected');
		return new GlpiApiError(reason, `${code}${text ? `: ${text}` : ''}`, status);
	}
	return new GlpiApiError(status === 404 ? 'api-disabled' : 'unexpected', `HTTP ${status}`, status);
}

async function request(config: GlpiApiConfig, path: string, init: { method?: string; session?: string; body?: unknown; auth?: boolean }): Promise<{ status: number; body: unknown }> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (config.appToken) headers['app-token'] = config.appToken;
	if (init.session) headers['session-token'] = init.session;
	if (init.auth) headers.authorization = `user_token ${config.userToken}`;
	let response: Response;
	try {
		response = await fetch(`${apiBase(config.glpiUrl)}${path}`, {
			method: init.method ?? 'GET',
			headers,
			...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
			credentials: 'omit',
		});
	} catch (error) {
		throw new GlpiApiError('unreachable', error instanceof Error ? error.message : String(error), 0);
	}
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : null;
	} catch {
		// An HTML page (a proxy, or GLPI without the API route): handled as unexpected below.
	}
	if (!response.ok && response.status !== 207) throw failureOf(response.status, body);
	return { status: response.status, body };
}

export interface PushInput {
	itemtype: GlpiItemtype;
	name: string;
	/** HTML, already escaped (see glpi-push-content.ts). */
	content: string;
	ticketIds: readonly number[];
	categoryId?: number;
}

export interface PushResult {
	id: number;
	url: string;
	linked: number[];
	/** Tickets GLPI refused to link, with its reason: the item exists, and the popup says which links are missing. */
	notLinked: { ticketId: number; message: string }[];
}

/** Opens and closes a session: proves the address, the tokens and the API settings work, creating nothing. */
export async function checkGlpiApi(config: GlpiApiConfig): Promise<void> {
	const session = await request(config, '/initSession', { auth: true });
	const token = (session.body as { session_token?: unknown } | null)?.session_token;
	if (typeof token !== 'string') throw new GlpiApiError('unexpected', 'initSession gave no session_token', session.status);
	await request(config, '/killSession', { session: token }).catch(() => undefined);
}

/** Creates the Problem or Change, links the tickets, and always closes the session it opened. */
export async function pushToGlpi(config: GlpiApiConfig, input: PushInput): Promise<PushResult> {
	const session = await request(config, '/initSession', { auth: true });
	const token = (session.body as { session_token?: unknown } | null)?.session_token;
	if (typeof token !== 'string') throw new GlpiApiError('unexpected', 'initSession gave no session_token', session.status);
	try {
		const fields: Record<string, unknown> = { name: input.name, content: input.content, urgency: 3, impact: 3 };
		if (input.categoryId) fields.itilcategories_id = input.categoryId;
		const created = await request(config, `/${input.itemtype}/?session_write=true`, { method: 'POST', session: token, body: { input: fields } });
		const id = (created.body as { id?: unknown } | null)?.id;
		if (typeof id !== 'number') throw failureOf(created.status, created.body);
		const url = `${config.glpiUrl.replace(/\/+$/, '')}/front/${input.itemtype.toLowerCase()}.form.php?id=${id}`;
		const result: PushResult = { id, url, linked: [], notLinked: [] };
		if (input.ticketIds.length === 0) return result;

		const link = input.itemtype === 'Problem' ? 'Problem_Ticket' : 'Change_Ticket';
		const key = input.itemtype === 'Problem' ? 'problems_id' : 'changes_id';
		let links: { status: number; body: unknown };
		try {
			links = await request(config, `/${link}/?session_write=true`, {
				method: 'POST',
				session: token,
				body: { input: input.ticketIds.map((ticketId) => ({ [key]: id, tickets_id: ticketId })) },
			});
		} catch (error) {
			// The item exists: say so, with the reason the links failed.
			const message = error instanceof GlpiApiError ? error.detail : String(error);
			return { ...result, notLinked: input.ticketIds.map((ticketId) => ({ ticketId, message })) };
		}
		// 201 with [{id, message}, …]; 207 with ["ERROR_GLPI_PARTIAL_ADD", [{id | false, message}, …]] in the same order.
		const rows = Array.isArray(links.body) && links.body[0] === 'ERROR_GLPI_PARTIAL_ADD' ? links.body[1] : links.body;
		const list = Array.isArray(rows) ? (rows as { id?: unknown; message?: unknown }[]) : [];
		input.ticketIds.forEach((ticketId, index) => {
			const row = list[index];
			if (row && typeof row.id === 'number') result.linked.push(ticketId);
			else result.notLinked.push({ ticketId, message: typeof row?.message === 'string' && row.message ? row.message : 'not linked' });
		});
		return result;
	} finally {
		await request(config, '/killSession', { session: token }).catch(() => undefined);
	}
}
