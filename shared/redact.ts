/**
 * Redaction of personal data before anything leaves the browser (DESIGN.md, step 3). The same function runs in the
 * capture panel, so the preview shows exactly what is sent, and again in the background before queueing.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4})?\b/gi;
// International (+33 6 12 34 56 78), French (06 12 34 56 78, 01.23.45.67.89) and North American (555-123-4567)
// numbers: at least 9 digits in groups. Ticket ids (#1234) and dates are too short or shaped otherwise.
const PHONE = /(?<![\w#])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){2,5}(?!\w)|(?<![\w#])\+?\d{10,14}(?!\w)/g;

export const REDACTED = {
	email: '[email]',
	phone: '[phone]',
	ip: '[ip]',
	name: '[name]',
} as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function countDigits(text: string): number {
	let digits = 0;
	for (const char of text) if (char >= '0' && char <= '9') digits++;
	return digits;
}

/**
 * Replaces e-mail addresses, IP addresses, phone numbers and the given names (people GLPI shows as requester,
 * technician or observer) with placeholders. Names match whole words, case-insensitively, in either
 * order ("Martin Alice" and "Alice Martin"), and each part of a name of two or more parts on its own.
 */
export function redact(text: string, names: readonly string[] = []): string {
	let out = text.replace(EMAIL, REDACTED.email).replace(IPV4, REDACTED.ip).replace(IPV6, (match) => (match.length >= 6 ? REDACTED.ip : match));
	out = out.replace(PHONE, (match) => (countDigits(match) >= 9 ? REDACTED.phone : match));
	const parts = new Set<string>();
	for (const name of names) {
		const words = name.trim().split(/\s+/).filter((word) => word.length >= 2);
		if (words.length === 0) continue;
		parts.add(words.join(' '));
		if (words.length > 1) {
			parts.add([...words].reverse().join(' '));
			for (const word of words) if (word.length >= 3) parts.add(word);
		}
	}
	// Longest first, so "Alice Martin" is replaced whole before "Alice" alone.
	for (const part of [...parts].sort((a, b) => b.length - a.length)) {
		const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(part).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
		out = out.replace(pattern, REDACTED.name);
	}
	return out;
}
