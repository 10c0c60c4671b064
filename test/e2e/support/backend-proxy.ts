import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy saw of one request that reached the worker. */
export interface ProxiedExchange {
	method: string;
	path: string;
	status: number;
	/** The worker's answer, as text. */
	body: string;
}

export interface BackendProxy {
	/** The address to give the extension as its backend. */
	url: string;
	/** Every request the worker answered, in order. */
	exchanges: ProxiedExchange[];
	/**
	 * Called after the worker answered and before the answer goes back to the browser: the test can hold an answer
	 * (a slow network) and act in between, e.g. kill the extension's service worker while its batch is committed
	 * but not yet acknowledged.
	 */
	beforeAnswer?: (exchange: ProxiedExchange) => Promise<void> | void;
	close(): Promise<void>;
}

/**
 * A loopback proxy in front of the worker, for the end-to-end tests that need to see or delay the extension's
 * traffic. When the worker is down, the browser's connection is dropped, exactly as if it were talking to the worker
 * itself (a network error, not a 502).
 */
export async function startBackendProxy(target: string): Promise<BackendProxy> {
	const proxy: BackendProxy = { url: '', exchanges: [], close: async () => undefined };
	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				const headers = new Headers();
				for (const [name, value] of Object.entries(request.headers)) {
					if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
				}
				const method = request.method ?? 'GET';
				let upstream: Response;
				try {
					upstream = await fetch(`${target}${request.url ?? '/'}`, { method, headers, body: ['GET', 'HEAD'].includes(method) ? undefined : Buffer.concat(chunks) });
				} catch {
					request.socket.destroy();
					return;
				}
				const exchange: ProxiedExchange = { method, path: request.url ?? '/', status: upstream.status, body: await upstream.text() };
				proxy.exchanges.push(exchange);
				await proxy.beforeAnswer?.(exchange);
				if (response.destroyed || request.socket.destroyed) return;
				const answerHeaders: Record<string, string> = {};
				upstream.headers.forEach((value, name) => {
					if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) answerHeaders[name] = value;
				});
				response.writeHead(upstream.status, answerHeaders).end(exchange.body);
			})().catch(() => request.socket.destroy());
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	proxy.close = () =>
		new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return proxy;
}
