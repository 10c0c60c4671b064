import { type PackedReading, packReading } from '../../shared/improvement/packed-reading';
import { type WeeklyReading, knownFrom, weeklyFigures } from '../../shared/improvement/weekly-figures';
import { MAX_FIGURE_WEEKS } from '../../shared/limits';
import type { GlpiExport } from '../../shared/patterns/glpi-csv';
import { periodLabel } from '../../shared/patterns/periods';
import { ServiceFiguresInputSchema, ServiceFiguresReceiptSchema } from '../../shared/schemas/service-figures';
import { weekStart } from '../../shared/improvement/measures';
import { type ApiFailure, failureOf } from '../core/api-client';
import { figuresOutboxStorage, figuresStateStorage, settingsStorage, whoAmIStorage } from '../core/storage';
import { isTransient } from './transient';
import { wallClockNow } from './ticket-patterns';

/**
 * GLPI's service figures (issue 17, docs/IMPROVEMENT-PLAN.md): when the overlay reads a GLPI export with the user's
 * session, and the user opted in, its tickets become weekly counts per category (shared/improvement/weekly-figures.ts)
 * and are sent as one packed reading. Only category names and counts leave the browser: never a ticket's id, title,
 * text, requester or technician (docs/SECURITY.md, "GLPI's service figures").
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Readings of different searches waiting at once; past it the oldest goes (GLPI still holds the tickets). */
export const MAX_WAITING_READINGS = 8;

/**
 * The moment a reading describes: a day before the earlier of GLPI's wall clock and UTC. The week being read is then
 * never counted while it still runs on either clock (the worker refuses a week still running on its own clock).
 */
export const readingAsOf = (now = new Date()) => Math.min(wallClockNow(now), now.getTime()) - DAY_MS;

/** A reading cut to its last MAX_FIGURE_WEEKS weeks: the worker takes no longer span (an export of many years). */
export function lastWeeksOf(reading: WeeklyReading, weeks = MAX_FIGURE_WEEKS): WeeklyReading {
	if (!reading.from || !reading.to) return reading;
	const first = weekStart(reading.to) - (weeks - 1) * WEEK_MS;
	if (weekStart(reading.from) >= first) return reading;
	const from = periodLabel(first, 'week');
	return { ...reading, from, cells: reading.cells.filter((cell) => cell.week >= from) };
}

/** The user opted in, and the token may send them: a reporter's export holds only their own tickets. */
export async function mayShareFigures(): Promise<boolean> {
	const [settings, me] = await Promise.all([settingsStorage.getValue(), whoAmIStorage.getValue()]);
	return settings.serviceFigures === true && (me?.role === 'technician' || me?.role === 'manager');
}

/** The packed reading of an export, checked with the worker's own schema, or null when it covers no whole week. */
export function readingOfExport(parsed: Pick<GlpiExport, 'tickets' | 'columns'>, now = new Date()): PackedReading | null {
	const packed = packReading(lastWeeksOf(weeklyFigures(parsed.tickets, knownFrom(parsed.columns), readingAsOf(now))));
	return packed ? ServiceFiguresInputSchema.parse(packed) : null;
}

let chain: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
	const run = chain.then(work);
	chain = run.catch(() => undefined);
	return run;
}

/**
 * Queues the figures of an export the overlay read (`key`: its search), when the user opted in. True when queued. An
 * export cut at its download limit (`cut`) is not sent: it lacks the tickets last in the search's order, which may be
 * of any week, so a week it shows short would replace nothing better but could read as a drop. The options say so.
 */
export async function queueFigures(key: string, parsed: Pick<GlpiExport, 'tickets' | 'columns'>, now = new Date(), cut = false): Promise<boolean> {
	if (!(await mayShareFigures())) return false;
	if (cut) {
		await figuresStateStorage.setValue({ ...(await figuresStateStorage.getValue()), lastCut: { at: now.toISOString() } });
		return false;
	}
	const reading = readingOfExport(parsed, now);
	if (!reading) return false;
	const state = await figuresStateStorage.getValue();
	if (state.lastCut) await figuresStateStorage.setValue({ ...state, lastCut: null });
	await serial(async () => {
		const others = (await figuresOutboxStorage.getValue()).filter((entry) => entry.key !== key);
		await figuresOutboxStorage.setValue([...others, { key, reading, queuedAt: now.toISOString(), attempts: 0 }].slice(-MAX_WAITING_READINGS));
	});
	return true;
}

export const waitingFigures = async () => (await figuresOutboxStorage.getValue()).length;

async function gzip(text: string): Promise<ArrayBuffer> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Response(stream).arrayBuffer();
}

type Outcome = { ok: true; stored: number; kept: number } | { ok: false; failure: ApiFailure; retryAfterMs?: number };

/**
 * One reading, gzipped (two years of 200 categories is some 50 KB so, 300 KB not). A plain fetch rather than the
 * typed client: the route reads its body itself to inflate it, so the client has no JSON type for it.
 */
async function send(baseUrl: string, token: string, reading: PackedReading): Promise<Outcome> {
	try {
		const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/v1/service-figures`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
			body: await gzip(JSON.stringify(reading)),
		});
		if (response.ok) {
			const receipt = ServiceFiguresReceiptSchema.parse(await response.json());
			return { ok: true, stored: receipt.stored.length, kept: receipt.kept.length };
		}
		const failure = await failureOf(response);
		const retryAfter = Number(response.headers.get('retry-after'));
		return Number.isFinite(retryAfter) && retryAfter > 0 ? { ok: false, failure, retryAfterMs: retryAfter * 1000 } : { ok: false, failure };
	} catch (error) {
		return { ok: false, failure: { status: 0, code: 'network', message: error instanceof Error ? error.message : String(error) } };
	}
}

/** Replaces the waiting entry sent, unless a newer reading of the same search replaced it meanwhile. */
const settle = (sent: { key: string; queuedAt: string }, next: (entry: { attempts: number }) => { attempts: number } | null) =>
	serial(async () => {
		const outbox = await figuresOutboxStorage.getValue();
		await figuresOutboxStorage.setValue(
			outbox.flatMap((entry) => {
				if (entry.key !== sent.key || entry.queuedAt !== sent.queuedAt) return [entry];
				const changed = next(entry);
				return changed ? [{ ...entry, ...changed }] : [];
			}),
		);
	});

/**
 * Sends the waiting readings, oldest first. What the worker acknowledges leaves the outbox; a transient failure
 * (network, 5xx, 429, 401) stops here and is retried with the signals' backoff; a refusal for good (400, 403, 413) is
 * dropped with its reason shown in the options: the figures can be read again from GLPI, a bad reading cannot mend.
 */
export async function flushFigures(baseUrl: string, token: string, now = new Date()): Promise<{ failure?: ApiFailure; retryAfterMs?: number }> {
	for (let sent = 0; sent < MAX_WAITING_READINGS; sent++) {
		const [next] = await figuresOutboxStorage.getValue();
		if (!next) return {};
		const outcome = await send(baseUrl, token, next.reading);
		if (outcome.ok) {
			await settle(next, () => null);
			const lastSent = { at: now.toISOString(), from: next.reading.from, to: next.reading.to, categories: next.reading.categories.length, stored: outcome.stored, kept: outcome.kept };
			await figuresStateStorage.setValue({ ...(await figuresStateStorage.getValue()), lastSent });
			continue;
		}
		if (isTransient(outcome.failure.status)) {
			await settle(next, (entry) => ({ attempts: entry.attempts + 1 }));
			return outcome.retryAfterMs === undefined ? { failure: outcome.failure } : { failure: outcome.failure, retryAfterMs: outcome.retryAfterMs };
		}
		await settle(next, () => null);
		const message = `${outcome.failure.status} ${outcome.failure.code}: ${outcome.failure.message}`.slice(0, 500);
		await figuresStateStorage.setValue({ ...(await figuresStateStorage.getValue()), lastRefusal: { at: now.toISOString(), message } });
	}
	return {};
}
