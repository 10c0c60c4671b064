import type { OverlayConfig } from '../core/messaging';
import { settingsStorage, whoAmIStorage } from '../core/storage';

/**
 * The user's and the workspace's choices as they apply to the GLPI overlay. Automatic friction needs both opt-ins
 * (the workspace's comes from GET /v1/me). Names are always redacted unless the workspace shares text: a user
 * switch alone never lets more out than the workspace allows.
 */
export async function overlayConfig(): Promise<OverlayConfig> {
	const [settings, me] = await Promise.all([settingsStorage.getValue(), whoAmIStorage.getValue()]);
	return {
		autoFriction: settings.autoFriction && me?.settings.autoFriction === true,
		slowPageMs: settings.slowPageMs,
		privacy: { ...settings.privacy, redactNames: settings.privacy.redactNames || me?.settings.shareText !== true },
		...(me ? { role: me.role } : {}),
		shareText: me?.settings.shareText === true,
	};
}
