import { z } from 'zod';
import type { LanguageSetting } from '../i18n';
import { FEATURE_IDS } from './feature-ids';
import type { PrivacySettings, Settings } from './settings';

/**
 * What an organisation may set by policy (Chrome and Edge: the extension's managed storage, schema in
 * public/managed-schema.json; Firefox: policies.json "3rdparty"). What it sets wins and is locked in the options;
 * what it leaves unset stays the user's. docs/DEPLOY.md has worked examples.
 */
export interface ManagedPolicy {
	backendUrl?: string;
	/** Exchanged once for this browser's own token (POST /v1/enroll): no token to hand out. */
	enrollmentCode?: string;
	/** A workspace token, for desks that do not use enrollment (every browser then shares it). */
	token?: string;
	/** The start of the name this browser enrolls under; a short id of the installation is added. */
	installationLabel?: string;
	glpiUrls?: string[];
	language?: LanguageSetting;
	autoFriction?: boolean;
	slowPageMs?: number;
	/**
	 * GLPI's weekly service figures (issue 17): true turns the opt-in on for technicians and managers, false keeps it
	 * off. Reporters' browsers never send them, whatever the policy says.
	 */
	serviceFigures?: boolean;
	privacy?: Partial<PrivacySettings>;
	/** Overlay features by id: true forces one on, false off; ids left out stay the user's choice. */
	features?: Partial<Record<(typeof FEATURE_IDS)[number], boolean>>;
}

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

/** Each field is checked on its own: one mistyped value in a policy drops that value, not the whole policy. */
const FIELDS: { [K in keyof ManagedPolicy]-?: z.ZodType<ManagedPolicy[K]> } = {
	backendUrl: httpUrl,
	enrollmentCode: z.string().trim().min(1).max(64),
	token: z.string().trim().min(1).max(200),
	installationLabel: z.string().trim().min(1).max(80),
	glpiUrls: z.array(httpUrl).max(20),
	language: z.enum(['auto', 'en', 'fr']),
	autoFriction: z.boolean(),
	slowPageMs: z.number().int().min(1000).max(60_000),
	serviceFigures: z.boolean(),
	privacy: z.strictObject({ redactNames: z.boolean().optional(), includeCategory: z.boolean().optional(), includeItemId: z.boolean().optional() }),
	features: z.partialRecord(z.enum(FEATURE_IDS), z.boolean()),
};

/** The policy as read from managed storage: valid fields kept, the others named in `ignored` (shown to admins in the console). */
export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; ignored: string[] } {
	const policy: Record<string, unknown> = {};
	const ignored: string[] = [];
	if (raw && typeof raw === 'object') {
		for (const [key, value] of Object.entries(raw)) {
			const schema = (FIELDS as Record<string, z.ZodType | undefined>)[key];
			const parsed = schema?.safeParse(value);
			if (parsed?.success) policy[key] = parsed.data;
			else ignored.push(key);
		}
	}
	return { policy: policy as ManagedPolicy, ignored };
}

/** The settings with the policy's values in force. GLPI addresses of the policy come first; the user's own stay. */
export function withPolicy(settings: Settings, policy: ManagedPolicy): Settings {
	const forcedOn = Object.entries(policy.features ?? {}).filter(([, on]) => on).map(([id]) => id);
	const forcedOff = Object.entries(policy.features ?? {}).filter(([, on]) => !on).map(([id]) => id);
	const policyUrls = policy.glpiUrls ?? [];
	return {
		...settings,
		...(policy.backendUrl !== undefined ? { backendUrl: policy.backendUrl.replace(/\/+$/, '') } : {}),
		...(policy.language !== undefined ? { language: policy.language } : {}),
		...(policy.autoFriction !== undefined ? { autoFriction: policy.autoFriction } : {}),
		...(policy.slowPageMs !== undefined ? { slowPageMs: policy.slowPageMs } : {}),
		...(policy.serviceFigures !== undefined ? { serviceFigures: policy.serviceFigures } : {}),
		glpiUrls: [...policyUrls, ...settings.glpiUrls.filter((url) => !policyUrls.includes(url))],
		privacy: { ...settings.privacy, ...policy.privacy },
		disabledFeatures: [...new Set([...settings.disabledFeatures.filter((id) => !forcedOn.includes(id)), ...forcedOff])],
	};
}

/**
 * What the options page shows of the policy, as the background answers it (getPolicyLocks): never the policy's token
 * or enrollment code, and parsed by the background, so the options page loads no zod.
 */
export interface PolicyLocks {
	/** lockedByPolicy's names. */
	locked: string[];
	/** The policy's GLPI addresses, which the options cannot remove. */
	glpiUrls: string[];
	/** Whether the policy gives an enrollment code (the options then show the server's refusal of it, if any). */
	enrollmentCode: boolean;
}

export const policyLocksOf = (policy: ManagedPolicy): PolicyLocks => ({ locked: [...lockedByPolicy(policy)], glpiUrls: policy.glpiUrls ?? [], enrollmentCode: policy.enrollmentCode !== undefined });

/** What the options must show as set by the organisation: setting names, `privacy.<switch>`, `feature.<id>`, `glpi.<url>`. */
export function lockedByPolicy(policy: ManagedPolicy): Set<string> {
	const locked = new Set<string>();
	for (const key of ['backendUrl', 'language', 'autoFriction', 'slowPageMs', 'serviceFigures'] as const) if (policy[key] !== undefined) locked.add(key);
	if (policy.token !== undefined || policy.enrollmentCode !== undefined) locked.add('connection');
	for (const key of Object.keys(policy.privacy ?? {})) locked.add(`privacy.${key}`);
	for (const id of Object.keys(policy.features ?? {})) locked.add(`feature.${id}`);
	for (const url of policy.glpiUrls ?? []) locked.add(`glpi.${url}`);
	return locked;
}
