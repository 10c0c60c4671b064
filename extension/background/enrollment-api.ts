import { type EnrollmentInput, EnrollmentCreatedSchema, EnrollmentListSchema, InstallationListSchema } from '../../shared/schemas/enrollment';
import { call } from './manager-api';

/** The manager's side of enrollment, with the stored token; answers checked with the shared schemas. */
export const listEnrollments = () =>
	call((client) => client.v1.enrollments.$get(), async (response) => EnrollmentListSchema.parse(await response.json()).enrollments);

export const createEnrollment = (input: EnrollmentInput) =>
	call((client) => client.v1.enrollments.$post({ json: input }), async (response) => EnrollmentCreatedSchema.parse(await response.json()));

export const revokeEnrollment = (id: string) => call((client) => client.v1.enrollments[':id'].$delete({ param: { id } }), async () => true as const);

export const listInstallations = () =>
	call((client) => client.v1.enrollments.installations.$get(), async (response) => InstallationListSchema.parse(await response.json()).installations);

/** An installation is a token: revoked by DELETE /v1/tokens/:id, alone. */
export const revokeInstallation = (id: string) => call((client) => client.v1.tokens[':id'].$delete({ param: { id } }), async () => true as const);
