/**
 * Redaction of personal data before anything leaves the browser (DESIGN.md, step 3). The same function runs in the
 * capture panel, so the preview shows exactly what is sent, and again in the background before queueing.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Not preceded or followed by another dotted number, so "01.23.45.67.89" stays a phone number.
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![.\d])/g;
// Full form, or compressed with "::"; times such as 10:30 have neither.
const IPV6 =
	/(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{0,4}::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![\w:])/gi;
// A run of digits with spaces, dots, dashes or brackets, optionally starting with + or (: kept as a phone number when
// it holds 9 to 15 digits (French 06 12 34 56 78, +33 1 23 45 67 89, 01.23.45.67.89, (555) 123-4567). Ticket ids
// (#1234), versions and dates are shorter or shaped otherwise.
const PHONE = /(?<![\w#.])[+(]?\d[\d\s.()-]{7,22}\d(?![\w.])/g;
const DATE_LIKE = /\d{4}-\d{2}-\d{2}|\d{2}[/.]\d{2}[/.]\d{4}/;

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
	let out = text.replace(EMAIL, REDACTED.email).replace(IPV4, REDACTED.ip).replace(IPV6, REDACTED.ip);
	out = out.replace(PHONE, (match) => {
		const digits = countDigits(match);
		return digits >= 9 && digits <= 15 && !DATE_LIKE.test(match) ? REDACTED.phone : match;
	});
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
