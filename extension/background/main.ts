import { browser } from 'wxt/browser';
import { BacklogQuerySchema } from '../../shared/schemas/backlog';
import { WhoAmISchema } from '../../shared/schemas/workspace';
import { apiClient, failureOf } from '../core/api-client';
import { sendToTab } from '../core/content-messaging';
import { onMessage, type Result } from '../core/messaging';
import { backlogCacheStorage, queueStorage, settingsStorage, syncStateStorage, tokenStorage, whoAmIStorage } from '../core/storage';
import { registerManagerHandlers } from './manager-handlers';
import { buildSignal, enqueue } from './queue';
import { syncRegistrations } from './registration';
import { flush, status } from './sync';

const FLUSH_ALARM = 'gx-flush';
const PERIODIC_ALARM = 'gx-flush-periodic';

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Flushes soon, or at the backoff time when the last flush failed. */
async function scheduleFlush(): Promise<void> {
	const { nextAttemptAt } = await syncStateStorage.getValue();
	const when = nextAttemptAt ? Math.max(Date.parse(nextAttemptAt), Date.now() + 500) : Date.now() + 500;
	await browser.alarms.create(FLUSH_ALARM, { when });
}

async function updateBadge(): Promise<void> {
	const waiting = (await queueStorage.getValue()).length;
	await browser.action.setBadgeText({ text: waiting > 0 ? String(Math.min(waiting, 9999)) : '' });
	await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
}

export function startBackground(): void {
	registerManagerHandlers();
	onMessage('enqueueSignal', async ({ data }) => {
		try {
			const signal = await buildSignal(data);
			const waiting = await enqueue(signal);
			void scheduleFlush();
			return { ok: true, value: { id: signal.id, waiting } } as const;
		} catch (error) {
			return { ok: false, error: errorOf(error) } as const;
		}
	});
	onMessage('getSyncStatus', () => status());
	onMessage('syncNow', async () => {
		await syncStateStorage.setValue({ ...(await syncStateStorage.getValue()), nextAttemptAt: null });
		return flush();
	});
	onMessage('getBacklog', async ({ data }) => {
		const [{ backendUrl }, token] = await Promise.all([settingsStorage.getValue(), tokenStorage.getValue()]);
		if (!backendUrl || !token) return { ok: false, error: 'not-configured' } as const;
		const query = BacklogQuerySchema.parse(
			Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value === undefined ? undefined : String(value)])),
		);
		try {
			const response = await apiClient(backendUrl, token).v1.backlog.$get({
				query: {
					sort: query.sort,
					limit: String(query.limit),
					...(query.status ? { status: query.status.join(',') } : {}),
					...(query.kind ? { kind: query.kind.join(',') } : {}),
					...(query.route ? { route: query.route } : {}),
					...(query.q ? { q: query.q } : {}),
					...(query.cursor ? { cursor: query.cursor } : {}),
				},
			});
			if (!response.ok) {
				const failure = await failureOf(response as unknown as Response);
				return { ok: false, error: failure.message, status: failure.status } as const;
			}
			const page = await response.json();
			if (!query.cursor) await backlogCacheStorage.setValue({ items: page.items, at: new Date().toISOString() });
			return { ok: true, value: page } as const;
		} catch (error) {
			return { ok: false, error: errorOf(error), status: 0 } as const;
		}
	});
	onMessage('saveConnection', async ({ data }): Promise<Result<import('../../shared/schemas/workspace').WhoAmI>> => {
		const backendUrl = data.backendUrl.trim().replace(/\/+$/, '');
		await settingsStorage.setValue({ ...(await settingsStorage.getValue()), backendUrl });
		await tokenStorage.setValue(data.token.trim());
		try {
			const response = await apiClient(backendUrl, data.token.trim()).v1.me.$get();
			if (!response.ok) {
				const failure = await failureOf(response as unknown as Response);
				await whoAmIStorage.setValue(null);
				return { ok: false, error: failure.message, status: failure.status };
			}
			const me = WhoAmISchema.parse(await response.json());
			await whoAmIStorage.setValue(me);
			await backlogCacheStorage.setValue(null);
			void scheduleFlush();
			return { ok: true, value: me };
		} catch (error) {
			return { ok: false, error: errorOf(error), status: 0 };
		}
	});
	onMessage('registerGlpiUrls', async ({ data }) => {
		await settingsStorage.setValue({ ...(await settingsStorage.getValue()), glpiUrls: data });
		try {
			return { ok: true, value: await syncRegistrations(data) } as const;
		} catch (error) {
			return { ok: false, error: errorOf(error) } as const;
		}
	});

	browser.alarms.onAlarm.addListener((alarm) => {
		if (alarm.name === FLUSH_ALARM || alarm.name === PERIODIC_ALARM) {
			void flush().then((result) => (result.waiting > 0 && result.nextAttemptAt ? scheduleFlush() : undefined));
		}
	});
	browser.commands.onCommand.addListener((command, tab) => {
		if (command === 'open-capture' && tab?.id !== undefined) void sendToTab('openCapture', { kind: 'idea' }, tab.id).catch(() => undefined);
	});
	queueStorage.watch(() => void updateBadge());
	browser.permissions.onRemoved.addListener(() => void settingsStorage.getValue().then((settings) => syncRegistrations(settings.glpiUrls)));

	// Every start of the service worker (browser start, install, wake-up): re-register, show the badge, and send what
	// waits. The periodic alarm is the safety net if a wake-up is missed.
	void browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 1 });
	void settingsStorage.getValue().then((settings) => syncRegistrations(settings.glpiUrls)).catch((error: unknown) => console.error('[gx] registration', error));
	void updateBadge();
	void scheduleFlush();
}
