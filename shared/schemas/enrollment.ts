import { z } from 'zod';
import { ENROLLMENT_ROLES } from '../vocabulary';
import { IsoDateTimeSchema, ServerIdSchema } from './common';

/**
 * Enrollment (added to the contract): a manager makes a code; a browser exchanges it once for a token of its own.
 * Codes are 16 characters of Crockford's base 32 (80 bits), shown in groups of four: GXE-ABCD-EFGH-JKMN-PQRS.
 */
export { ENROLLMENT_ROLES };
export const EnrollmentRoleSchema = z.enum(ENROLLMENT_ROLES);

export const ENROLLMENT_CODE_CHARACTERS = 16;
/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The code as typed, normalised: case, spaces, dashes and the GXE prefix do not matter, and the letters people
 * mistake for digits are read as those digits (O as 0, I and L as 1), as Crockford's base 32 says.
 */
export function normaliseEnrollmentCode(typed: string): string {
	const compact = typed.toUpperCase().replace(/[\s-]+/g, '');
	const body = compact.startsWith('GXE') && compact.length === ENROLLMENT_CODE_CHARACTERS + 3 ? compact.slice(3) : compact;
	return body.replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const EnrollmentCodeSchema = z
	.string()
	.max(64)
	.transform(normaliseEnrollmentCode)
	.pipe(z.string().regex(new RegExp(`^[${CROCKFORD_ALPHABET}]{${ENROLLMENT_CODE_CHARACTERS}}$`), 'an enrollment code is 16 letters and digits'));

/** POST /v1/enrollments (manager): a new code. */
export const EnrollmentInputSchema = z.strictObject({
	role: EnrollmentRoleSchema,
	/** How many browsers may enroll with it. */
	maxUses: z.number().int().min(1).max(10_000),
	/** Hours until it stops working: one hour to 90 days. */
	expiresInHours: z.number().int().min(1).max(24 * 90),
	label: z.string().trim().min(1).max(100).optional(),
});
export type EnrollmentInput = z.infer<typeof EnrollmentInputSchema>;

export const EnrollmentSchema = z.strictObject({
	id: ServerIdSchema,
	role: EnrollmentRoleSchema,
	label: z.string().nullable(),
	maxUses: z.number().int(),
	uses: z.number().int(),
	expiresAt: IsoDateTimeSchema,
	createdAt: IsoDateTimeSchema,
	revokedAt: IsoDateTimeSchema.nullable(),
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

/** The answer of POST /v1/enrollments: the code, shown this once. */
export const EnrollmentCreatedSchema = z.strictObject({ enrollment: EnrollmentSchema, code: z.string() });
export const EnrollmentListSchema = z.strictObject({ enrollments: z.array(EnrollmentSchema) });
export const EnrollmentIdParamSchema = z.strictObject({ id: ServerIdSchema });

/** POST /v1/enroll (no token): a code and the label the user gives this browser. */
export const EnrollRequestSchema = z.strictObject({ code: EnrollmentCodeSchema, label: z.string().trim().min(1).max(100) });
export type EnrollRequest = z.input<typeof EnrollRequestSchema>;

export const EnrolledSchema = z.strictObject({
	id: ServerIdSchema,
	role: EnrollmentRoleSchema,
	token: z.string(),
	workspace: z.strictObject({ id: ServerIdSchema, name: z.string() }),
});
export type Enrolled = z.infer<typeof EnrolledSchema>;

/** One enrolled installation, as GET /v1/enrollments/installations lists it (never its token). */
export const InstallationSchema = z.strictObject({
	id: ServerIdSchema,
	role: EnrollmentRoleSchema,
	label: z.string().nullable(),
	enrollmentId: ServerIdSchema,
	createdAt: IsoDateTimeSchema,
	lastSeenAt: IsoDateTimeSchema.nullable(),
	revokedAt: IsoDateTimeSchema.nullable(),
});
export type Installation = z.infer<typeof InstallationSchema>;
export const InstallationListSchema = z.strictObject({ installations: z.array(InstallationSchema) });
