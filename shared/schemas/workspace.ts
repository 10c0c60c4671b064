import { z } from 'zod';
import { ServerIdSchema } from './common';

export const ROLES = ['reporter', 'technician', 'manager'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const WorkspaceInputSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const WorkspaceSchema = z.strictObject({ id: ServerIdSchema, name: z.string() });
export const WorkspaceCreatedSchema = z.strictObject({ workspace: WorkspaceSchema, token: z.string() });

export const TokenInputSchema = z.strictObject({ role: RoleSchema, label: z.string().trim().min(1).max(100).optional() });
export const TokenCreatedSchema = z.strictObject({ id: ServerIdSchema, role: RoleSchema, token: z.string() });
export const TokenIdParamSchema = z.strictObject({ id: ServerIdSchema });
/** POST /v1/workspaces/:id/tokens (added, admin): a manager token for a workspace that has lost all of its own. */
export const WorkspaceIdParamSchema = z.strictObject({ id: ServerIdSchema });
export const ManagerTokenInputSchema = z.strictObject({ label: z.string().trim().min(1).max(100).optional() });

/** Answer of GET /v1/me (added to the contract): who the token is, so the extension can check it when saved. */
export const WhoAmISchema = z.strictObject({
	workspace: WorkspaceSchema,
	role: RoleSchema,
	tokenId: ServerIdSchema,
	settings: z.strictObject({ shareText: z.boolean(), autoFriction: z.boolean() }),
});
export type WhoAmI = z.infer<typeof WhoAmISchema>;

export const WorkspaceSettingsSchema = z.strictObject({ shareText: z.boolean(), autoFriction: z.boolean() });
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

/** PATCH /v1/workspace (added, manager): the workspace's opt-ins. */
export const WorkspaceSettingsPatchSchema = z
	.strictObject({ shareText: z.boolean().optional(), autoFriction: z.boolean().optional() })
	.refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export const WorkspaceSettingsResultSchema = z.strictObject({ workspace: WorkspaceSchema, settings: WorkspaceSettingsSchema });

/** One token as GET /v1/tokens (added, manager) lists it; the token itself is never shown again. */
export const TokenInfoSchema = z.strictObject({
	id: ServerIdSchema,
	role: RoleSchema,
	label: z.string().nullable(),
	createdAt: z.string(),
	revokedAt: z.string().nullable(),
});
export const TokenListSchema = z.strictObject({ tokens: z.array(TokenInfoSchema) });
