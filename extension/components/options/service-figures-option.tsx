import { useEffect, useState } from 'preact/hooks';
import type { WhoAmI } from '../../../shared/schemas/workspace';
import { type FiguresSyncState, figuresStateStorage } from '../../core/storage';
import { t } from '../../i18n';
import { PolicyNote } from './policy-note';

interface Props {
	on: boolean;
	me: WhoAmI | null;
	/** Set by the organisation's policy: shown, not changeable. */
	locked: boolean;
	onChange(on: boolean): void;
}

/**
 * The opt-in to GLPI's service figures (issue 17): off by default, and its words say exactly what leaves the browser.
 * Reporters cannot switch it on: their GLPI export holds only their own tickets, and the worker refuses their readings.
 */
export function ServiceFiguresOption({ on, me, locked, onChange }: Props) {
	const [state, setState] = useState<FiguresSyncState | null>(null);
	useEffect(() => {
		void figuresStateStorage.getValue().then(setState);
		return figuresStateStorage.watch(setState);
	}, []);
	const allowed = me?.role === 'technician' || me?.role === 'manager';
	const sent = state?.lastSent;
	return (
		<fieldset data-gx="service-figures-option">
			<legend>{t('options.serviceFigures')}</legend>
			<label class="gx-check">
				<input type="checkbox" name="serviceFigures" disabled={!allowed || locked} checked={on && allowed} onChange={(event) => onChange(event.currentTarget.checked)} />
				{t('options.serviceFiguresMine')}
			</label>
			<PolicyNote on={locked} />
			<small>{t('options.serviceFiguresWhat')}</small>
			{!allowed && <small>{t('options.serviceFiguresRole')}</small>}
			{sent && (
				<small data-gx="service-figures-sent">
					{t('options.serviceFiguresSent', { from: sent.from, to: sent.to, categories: sent.categories, stored: sent.stored, kept: sent.kept })}
				</small>
			)}
			{state?.lastCut && <small class="gx-error" data-gx="service-figures-cut">{t('options.serviceFiguresCut')}</small>}
			{state?.lastRefusal && <small class="gx-error">{t('options.serviceFiguresRefused', { message: state.lastRefusal.message })}</small>}
		</fieldset>
	);
}
