import type { WhoAmI } from '../../../shared/schemas/workspace';
import { FEATURE_IDS } from '../../core/feature-ids';
import type { PrivacySettings, Settings } from '../../core/storage';
import { type LanguageSetting, t } from '../../i18n';
import { PolicyNote } from './policy-note';
import { ServiceFiguresOption } from './service-figures-option';

interface Props {
	settings: Settings;
	me: WhoAmI | null;
	/** What the organisation set (core/managed-policy.ts): disabled here, with a note. */
	locked: Set<string>;
	onChange(change: Partial<Settings>): void;
}

/** Preferences that apply at once: language, privacy switches, automatic friction, GLPI's figures, and each overlay feature. */
export function PreferencesSection({ settings, me, locked, onChange }: Props) {
	const privacy = (key: keyof PrivacySettings, value: boolean) => onChange({ privacy: { ...settings.privacy, [key]: value } });
	const feature = (id: string, on: boolean) =>
		onChange({ disabledFeatures: on ? settings.disabledFeatures.filter((other) => other !== id) : [...new Set([...settings.disabledFeatures, id])] });
	const workspaceAutoFriction = me?.settings.autoFriction === true;

	return (
		<section class="gx-section">
			<h2>{t('options.preferences')}</h2>
			<label>
				{t('options.language')}
				<select name="language" disabled={locked.has('language')} value={settings.language} onChange={(event) => onChange({ language: event.currentTarget.value as LanguageSetting })}>
					<option value="auto">{t('options.language.auto')}</option>
					<option value="en">{t('options.language.en')}</option>
					<option value="fr">{t('options.language.fr')}</option>
				</select>
				<PolicyNote on={locked.has('language')} />
			</label>

			<fieldset>
				<legend>{t('options.privacy')}</legend>
				<label class="gx-check">
					<input type="checkbox" name="redactNames" disabled={locked.has('privacy.redactNames')} checked={settings.privacy.redactNames} onChange={(event) => privacy('redactNames', event.currentTarget.checked)} />
					{t('options.redactNames')}
					<PolicyNote on={locked.has('privacy.redactNames')} />
				</label>
				<small>{me?.settings.shareText ? t('options.redactNamesShared') : t('options.redactNamesAlways')}</small>
				<label class="gx-check">
					<input type="checkbox" name="includeCategory" disabled={locked.has('privacy.includeCategory')} checked={settings.privacy.includeCategory} onChange={(event) => privacy('includeCategory', event.currentTarget.checked)} />
					{t('options.includeCategory')}
					<PolicyNote on={locked.has('privacy.includeCategory')} />
				</label>
				<label class="gx-check">
					<input type="checkbox" name="includeItemId" disabled={locked.has('privacy.includeItemId')} checked={settings.privacy.includeItemId} onChange={(event) => privacy('includeItemId', event.currentTarget.checked)} />
					{t('options.includeItemId')}
					<PolicyNote on={locked.has('privacy.includeItemId')} />
				</label>
			</fieldset>

			<fieldset>
				<legend>{t('options.autoFriction')}</legend>
				<label class="gx-check">
					<input type="checkbox" name="autoFriction" disabled={locked.has('autoFriction')} checked={settings.autoFriction} onChange={(event) => onChange({ autoFriction: event.currentTarget.checked })} />
					{t('options.autoFrictionMine')}
					<PolicyNote on={locked.has('autoFriction')} />
				</label>
				<small data-gx="workspace-auto-friction">{workspaceAutoFriction ? t('options.autoFrictionWorkspaceOn') : t('options.autoFrictionWorkspaceOff')}</small>
				<label>
					{t('options.slowPage')}
					<input
						name="slowPageSeconds"
						disabled={locked.has('slowPageMs')}
						type="number"
						min={1}
						max={60}
						step={0.5}
						value={settings.slowPageMs / 1000}
						onChange={(event) => {
							const seconds = Number(event.currentTarget.value);
							if (Number.isFinite(seconds) && seconds >= 1 && seconds <= 60) onChange({ slowPageMs: Math.round(seconds * 1000) });
						}}
					/>
				</label>
			</fieldset>

			<ServiceFiguresOption on={settings.serviceFigures === true} me={me} locked={locked.has('serviceFigures')} onChange={(on) => onChange({ serviceFigures: on })} />

			<fieldset>
				<legend>{t('options.features')}</legend>
				{FEATURE_IDS.map((id) => (
					<label class="gx-check" key={id}>
						<input type="checkbox" name={`feature-${id}`} disabled={locked.has(`feature.${id}`)} checked={!settings.disabledFeatures.includes(id)} onChange={(event) => feature(id, event.currentTarget.checked)} />
						{t(`feature.${id}`)}
						<PolicyNote on={locked.has(`feature.${id}`)} />
					</label>
				))}
				<small>{t('options.featuresHelp')}</small>
			</fieldset>
		</section>
	);
}
