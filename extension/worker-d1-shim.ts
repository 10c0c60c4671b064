/**
 * The part of D1's types that the worker's code uses, for the extension's type-check only (see worker-ambient.d.ts).
 * The worker itself is checked against the real @cloudflare/workers-types.
 */
export interface D1ResultShim<T> {
	results: T[];
	success: boolean;
	meta: { changes: number; [key: string]: unknown };
}

export interface D1PreparedStatementShim {
	bind(...values: unknown[]): D1PreparedStatementShim;
	first<T = Record<string, unknown>>(column?: string): Promise<T | null>;
	all<T = Record<string, unknown>>(): Promise<D1ResultShim<T>>;
	run<T = Record<string, unknown>>(): Promise<D1ResultShim<T>>;
	raw<T = unknown[]>(): Promise<T[]>;
}

export interface D1DatabaseShim {
	prepare(sql: string): D1PreparedStatementShim;
	batch<T = unknown>(statements: D1PreparedStatementShim[]): Promise<D1ResultShim<T>[]>;
	exec(sql: string): Promise<unknown>;
}
