/** Random tokens and ids, and the hash under which a token is stored. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function randomString(length: number): string {
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	let out = '';
	for (const byte of bytes) out += ALPHABET[byte & 63];
	return out;
}

/** 43 characters of 6 bits: 258 bits of randomness, well over the 128 the contract asks. */
export const newToken = () => `gxi_${randomString(43)}`;

const ALPHANUMERIC = ALPHABET.slice(0, 62);

/**
 * Server-made ids: 16 letters or digits, 95 bits. No - or _, so an id never starts like a spreadsheet formula
 * (the CSV export would have to alter it) and a double-click selects all of it.
 */
export function newId(): string {
	let out = '';
	while (out.length < 16) {
		// Rejection sampling keeps the 62 characters equally likely: 248 is the largest multiple of 62 below 256.
		for (const byte of crypto.getRandomValues(new Uint8Array(24))) if (byte < 248 && out.length < 16) out += ALPHANUMERIC[byte % 62];
	}
	return out;
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Constant-time equality of two strings of the same length (hex hashes). */
export function timingSafeEqualText(a: string, b: string): boolean {
	const left = new TextEncoder().encode(a);
	const right = new TextEncoder().encode(b);
	if (left.byteLength !== right.byteLength) return false;
	return crypto.subtle.timingSafeEqual(left, right);
}
