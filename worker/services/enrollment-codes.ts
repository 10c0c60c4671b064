import { CROCKFORD_ALPHABET, ENROLLMENT_CODE_CHARACTERS } from '../../shared/schemas/enrollment';

/**
 * A new enrollment code: 16 characters of Crockford's base 32 (80 random bits; 32 divides 256, so `& 31` keeps every
 * character equally likely), shown as GXE-ABCD-EFGH-JKMN-PQRS. 80 bits are beyond guessing at the exchange's rate
 * limit for the code's whole life; the code is short enough to read over the phone.
 */
export function newEnrollmentCode(): { code: string; normalised: string } {
	let normalised = '';
	for (const byte of crypto.getRandomValues(new Uint8Array(ENROLLMENT_CODE_CHARACTERS))) normalised += CROCKFORD_ALPHABET[byte & 31];
	const groups = normalised.match(/.{4}/g) ?? [];
	return { code: ['GXE', ...groups].join('-'), normalised };
}
