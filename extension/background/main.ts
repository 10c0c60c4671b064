import { browser } from 'wxt/browser';
import { sendToTab } from '../core/content-messaging';
import { type Result, onMessage } from '../core/messaging';
import { patternDraft, strictest } from '../core/outgoing';
import { queueStorage, settingsStorage, syncStateStorage } from '../core/storage';
import { refreshWhoAmI, saveConnection } from './connection';
import { listenToContextMenu, syncContextMenu } from './context-menu';
import { enrollWithCode } from './enrollment';
import { forgetSetAside, recordFriction } from './friction';
import { dismissHint, forgetHints, hintsFor, rememberMeToo } from './hints';
import { applyManagedPolicy, readPolicyLocks } from './managed';
import { registerManagerHandlers } from './manager-handlers';
import { overlayConfig } from './overlay-config';
import { ownPagesOnly } from './own-pages';
import { registerPatternHandlers } from './pattern-handlers';
import { buildSignal, discardRefused, enqueue, forgetDropped, retryRefused, waitingCount } from './queue';
import { syncRegistrations } from './registration';
import { registerRouteScriptHandler } from './route-scripts';
import { FLUSH_ALARM, flushWithWatchdog, scheduleFlush } from './flush-schedule';
import { flush, status } from './sync';

const PERIODIC_ALARM = 'gx-flush-periodic';

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs `work` and turns a thrown error into a failed Result, so a content script always gets an answer. */
async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
	try {
		return { ok: true, value: await work() };
	} catch (error) {
		return { ok: false, error: errorOf(error) };
	}
}

async function updateBadge(): Promise<void> {
	const waiting = await waitingCount();
	await browser.action.setBadgeText({ text: waiting > 0 ? String(Math.min(waiting, 9999)) : '' });
	await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
}

/** The content script and the context menu follow the granted GLPI addresses. */
async function registerEverywhere(glpiUrls: readonly string[]): Promise<string[]> {
	const matches = await syncRegistrations(glpiUrls);
	await syncContextMenu(matches);
	return matches;
}

/** Queues a draft built under the privacy switches that apply; the flush comes soon, nothing waits on it. */
async function queueDraft(draft: Parameters<typeof buildSignal>[0]) {
	const config = await overlayConfig();
	const signal = await buildSignal(patternDraft(draft, config.shareText), new Date(), strictest(config.privacy, draft.privacy));
	const waiting = await enqueue(signal);
	// The page's hints may change with this signal (a new known issue): the next load asks the backend again.
	forgetHints(signal.page.route);
	void scheduleFlush();
	return { id: signal.id, waiting };
}

export function startBackground(): void {
	registerManagerHandlers();
	registerPatternHandlers(() => void scheduleFlush());
	registerRouteScriptHandler();
	onMessage('enqueueSignal', ({ data }) => attempt(() => queueDraft(data)));
	onMessage('getSyncStatus', () => status());
	onMessage('syncNow', async () => {
		await syncStateStorage.setValue({ ...(await syncStateStorage.getValue()), nextAttemptAt: null });
		return flushWithWatchdog();
	});
	// The notices of what was set aside (invalid counters) and dropped (the queue's cap) are cleared together.
	// What only the user may do, from the popup or the options page (background/own-pages.ts).
	onMessage(
		'clearSetAside',
		ownPagesOnly(async () => {
			await Promise.all([forgetSetAside(), forgetDropped()]);
			return status();
		}),
	);
	onMessage(
		'retryRefused',
		ownPagesOnly(async ({ data }) => {
			await retryRefused(new Set(data));
			await syncStateStorage.setValue({ ...(await syncStateStorage.getValue()), nextAttemptAt: null });
			return flush();
		}),
	);
	onMessage(
		'discardRefused',
		ownPagesOnly(async ({ data }) => {
			await discardRefused(new Set(data));
			return status();
		}),
	);
	onMessage(
		'saveConnection',
		ownPagesOnly(async ({ data }) => {
			const result = await saveConnection(data);
			void scheduleFlush();
			return result;
		}),
	);
	onMessage(
		'enroll',
		ownPagesOnly(async ({ data }) => {
			const result = await enrollWithCode(data);
			void scheduleFlush();
			return result;
		}),
	);
	onMessage(
		'registerGlpiUrls',
		ownPagesOnly(async ({ data }) => {
			await settingsStorage.setValue({ ...(await settingsStorage.getValue()), glpiUrls: data });
			return attempt(() => registerEverywhere(data));
		}),
	);
	onMessage(
		'getPolicyLocks',
		ownPagesOnly(() => readPolicyLocks()),
	);
	onMessage('getOverlayConfig', () => overlayConfig());
	onMessage('recordFriction', ({ data }) => attempt(async () => ({ count: await recordFriction(data) })));
	onMessage('getHints', ({ data }) => hintsFor(data.route, data.language, data.interface));
	onMessage('dismissHint', ({ data }) => dismissHint(data));
	onMessage('meToo', ({ data }) =>
		attempt(async () => {
			const { id } = await queueDraft(data.draft);
			await rememberMeToo(data.key);
			return { id };
		}),
	);

	browser.alarms.onAlarm.addListener((alarm) => {
		if (alarm.name === FLUSH_ALARM || alarm.name === PERIODIC_ALARM) {
			void flushWithWatchdog();
		}
	});
	browser.commands.onCommand.addListener((command, tab) => {
		if (command === 'open-capture' && tab?.id !== undefined) void sendToTab('openCapture', { kind: 'idea' }, tab.id).catch(() => undefined);
	});
	listenToContextMenu();
	queueStorage.watch(() => void updateBadge());
	browser.permissions.onRemoved.addListener(() => void settingsStorage.getValue().then((settings) => registerEverywhere(settings.glpiUrls)));
	// The menu's title follows the language setting at once.
	settingsStorage.watch((next, previous) => {
		if (next.language !== previous?.language) void registerEverywhere(next.glpiUrls);
	});
	// A browser start is a new chance for the network: retry at once instead of waiting out the last backoff, and ask
	// the server again about the workspace's opt-ins.
	browser.runtime.onStartup.addListener(() => {
		void syncStateStorage
			.getValue()
			.then((state) => syncStateStorage.setValue({ ...state, failures: 0, nextAttemptAt: null }))
			.then(() => scheduleFlush());
		void refreshWhoAmI();
	});

	// Every start of the service worker (browser start, install, wake-up): re-register, show the badge, and send what
	// waits. The periodic alarm is the safety net if a wake-up is missed.
	void browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 1 });
	// The GLPI addresses known now are registered at once: reading the organisation's policy (docs/DEPLOY.md) can take
	// seconds after a browser start, and GLPI's pages must not wait for it. The policy then adds its addresses.
	void settingsStorage
		.getValue()
		.then(async (before) => {
			await registerEverywhere(before.glpiUrls).catch((error: unknown) => console.error('[gx] registration', error));
			const after = await applyManagedPolicy().catch((error: unknown) => {
				console.error('[gx] policy', error);
				return before;
			});
			if (after.glpiUrls.join('\n') !== before.glpiUrls.join('\n')) await registerEverywhere(after.glpiUrls);
		})
		.then(() => scheduleFlush())
		.catch((error: unknown) => console.error('[gx] registration', error));
	browser.storage.onChanged.addListener((_changes, area) => {
		if (area === 'managed') void applyManagedPolicy().then((settings) => registerEverywhere(settings.glpiUrls));
	});
	void updateBadge();
	void scheduleFlush();
}
