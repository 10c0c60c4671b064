import { liveGlpi } from './site';

/**
 * GLPI's REST API on a live GLPI (apirest.php, FACTS.md §3.1), for what "push to GLPI" needs to be checked there: the
 * user's API token (GLPI: My settings > Remote access keys) in GLPI_USER_TOKEN, and the App-Token in GLPI_APP_TOKEN
 * when the GLPI's API client asks for one. GLPI's API must be enabled and allow this machine's address (Setup >
 * General > API). The checks read what the push made, and purge it afterwards.
 */
export interface LiveGlpiApi {
	url: string;
	userToken: string;
	appToken: string;
	/** Opens a session, runs `work` with it, and closes it. */
	withSession<T>(work: (call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>) => Promise<T>): Promise<T>;
}

export const WHY_NO_LIVE_API = 'live GLPI: the push to GLPI needs its REST API; set GLPI_USER_TOKEN (and GLPI_APP_TOKEN if its API client has one)';

export function liveGlpiApi(): LiveGlpiApi | undefined {
	const live = liveGlpi();
	const userToken = process.env.GLPI_USER_TOKEN ?? '';
	if (!live || !userToken) return undefined;
	const appToken = process.env.GLPI_APP_TOKEN ?? '';
	const base = `${live.url}/apirest.php`;
	const headers = (extra: Record<string, string>) => ({ 'content-type': 'application/json', ...(appToken ? { 'app-token': appToken } : {}), ...extra });
	return {
		url: live.url,
		userToken,
		appToken,
		async withSession(work) {
			const opened = await fetch(`${base}/initSession`, { headers: headers({ authorization: `user_token ${userToken}` }) });
			const { session_token: session } = (await opened.json()) as { session_token?: string };
			if (!session) throw new Error(`GLPI at ${live.url} refused GLPI_USER_TOKEN: initSession answered ${opened.status}`);
			const call = async (method: string, path: string, body?: unknown) => {
				const response = await fetch(`${base}${path}`, { method, headers: headers({ 'session-token': session }), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
				const text = await response.text();
				return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
			};
			try {
				return await work(call);
			} finally {
				await call('GET', '/killSession');
			}
		},
	};
}
