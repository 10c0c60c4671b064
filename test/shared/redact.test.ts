import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../../shared/redact';

describe('redact', () => {
	it.each([
		['mail alice.martin@example.org please', `mail ${REDACTED.email} please`],
		['Écrivez à jean-pierre.durand@mairie-lyon.fr', `Écrivez à ${REDACTED.email}`],
		['server 10.12.0.254 is down', `server ${REDACTED.ip} is down`],
		['v6 fe80::1ff:fe23:4567:890a here', `v6 ${REDACTED.ip} here`],
		['call 06 12 34 56 78', `call ${REDACTED.phone}`],
		['call +33 1 23 45 67 89 now', `call ${REDACTED.phone} now`],
		['call 01.23.45.67.89', `call ${REDACTED.phone}`],
		['call (555) 123-4567', `call ${REDACTED.phone}`],
	])('%s', (input, expected) => {
		expect(redact(input)).toBe(expected);
	});

	it('keeps ticket ids, dates, versions and times', () => {
		const text = 'Ticket #12345 since 2026-11-03 at 09:30, GLPI 10.0.17, 3 users';
		expect(redact(text)).toBe(text);
	});

	it('removes the names GLPI shows, in either order and alone', () => {
		const names = ['Martin Alice', 'tech'];
		expect(redact('Alice Martin says the VPN drops; martin alice again; ask Alice', names)).toBe(
			`${REDACTED.name} says the VPN drops; ${REDACTED.name} again; ask ${REDACTED.name}`,
		);
		expect(redact('the technician said', names)).toBe('the technician said');
		expect(redact('ask tech now', names)).toBe(`ask ${REDACTED.name} now`);
	});
});
