import type { Role } from '../shared/schemas/workspace';

/** Bindings of the worker (wrangler.toml and secrets). */
export interface Bindings {
	/** The D1 database; every query is scoped by workspace. */
	DB: D1Database;
	/** Secret: creates workspaces, nothing else. `.dev.vars` locally, `wrangler secret put ADMIN_TOKEN` deployed. */
	ADMIN_TOKEN?: string;
	/** Comma-separated extension origins allowed by CORS; `chrome-extension://*` allows any id of that scheme. */
	ALLOWED_ORIGINS?: string;
	/** Writes (POST, PATCH, DELETE) a token may make per minute; default 120, "0" turns the limit off. */
	RATE_LIMIT_PER_MINUTE?: string;
	/** Reads (GET) a token may make per minute; default 600, "0" turns the limit off. */
	RATE_LIMIT_READS_PER_MINUTE?: string;
	/** Wrong enrollment codes a client address may try per minute (POST /v1/enroll); default 10, "0" turns the limit off. */
	ENROLL_FAILURES_PER_MINUTE?: string;
	/** Unknown or revoked tokens a client address may send per minute before they get 429; default 30, "0" turns the limit off. */
	AUTH_FAILURES_PER_MINUTE?: string;
}

/** Who is calling, set by the auth middleware. */
export type Caller =
	| { kind: 'admin' }
	| {
			kind: 'token';
			tokenId: string;
			workspaceId: string;
			role: Role;
			label: string | null;
			/** Made from an enrollment code: one installation, so its id is the reporter of what it sends. */
			enrolled: boolean;
	  };

export interface AppEnv {
	Bindings: Bindings;
	Variables: { caller: Caller };
}
