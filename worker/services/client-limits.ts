/** Shared by the limits on failures per client address: wrong enrollment codes and tokens that are not valid. */

/** A per-minute limit from a binding: an integer from 0 up ("0" turns it off); anything else gives the default. */
export function perMinute(text: string | undefined, fallback: number): number {
	const value = Number(text);
	return text !== undefined && text !== '' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * The counter key of a client address in one scope (each limit counts apart). Cloudflare names the client's address
 * in CF-Connecting-IP; locally there is none, and all callers share one count.
 */
export const clientOf = (scope: 'enroll' | 'auth', header: string | undefined) => `${scope}:${(header ?? 'local').slice(0, 64)}`;

/** Seconds to the start of the next minute, at least 1: the fixed windows all end there. */
export const retryAfterSeconds = (now: number, minute: number) => Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
