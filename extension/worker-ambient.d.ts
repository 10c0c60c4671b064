/**
 * The Workers globals that the worker's code names, declared loosely for the extension's type-check only: the
 * extension imports the worker's AppType (types only) for the typed Hono client, and DOM types have no D1.
 */
type D1Database = import('./worker-d1-shim').D1DatabaseShim;
interface SubtleCrypto {
	timingSafeEqual(a: ArrayBuffer | ArrayBufferView, b: ArrayBuffer | ArrayBufferView): boolean;
}
