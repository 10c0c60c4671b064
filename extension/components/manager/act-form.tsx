import { useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import type { Plan } from '../../../shared/schemas/plan';
import { sendManagerMessage } from '../../core/manager-messaging';
import { t } from '../../i18n';

interface Props {
	itemId: string;
	onActed(result: { plan: Plan; item: BacklogItem }): void;
	onError(message: string): void;
}

/**
 * ACT after a Check that was not met: the cause found, and the next step: back to PLAN with a new objective, or done
 * with the reason. The worker writes it to the item's history and moves its status.
 */
export function ActForm({ itemId, onActed, onError }: Props) {
	const [cause, setCause] = useState('');
	const [next, setNext] = useState<'plan' | 'done'>('plan');
	const [reason, setReason] = useState('');
	const [busy, setBusy] = useState(false);

	async function act(event: Event) {
		event.preventDefault();
		if (next === 'done' && !reason.trim()) return onError(t('plan.act.needReason'));
		setBusy(true);
		const result = await sendManagerMessage('actOnPlan', { itemId, act: { cause: cause.trim(), next, ...(reason.trim() ? { reason: reason.trim() } : {}) } });
		setBusy(false);
		if (!result.ok) return onError(result.error);
		onActed(result.value);
	}

	return (
		<form class="gx-act-form" data-gx="act-form" onSubmit={(event) => void act(event)}>
			<h4>{t('plan.act.title')}</h4>
			<label>
				{t('plan.act.cause')}
				<textarea name="act-cause" required maxLength={1000} rows={2} value={cause} onInput={(event) => setCause(event.currentTarget.value)} />
			</label>
			<fieldset>
				<legend>{t('plan.act.next')}</legend>
				{(['plan', 'done'] as const).map((step) => (
					<label key={step} class="gx-check">
						<input type="radio" name="act-next" value={step} checked={next === step} onChange={() => setNext(step)} /> {t(`plan.act.next.${step}`)}
					</label>
				))}
			</fieldset>
			<label>
				{t('plan.act.reason')}
				<textarea name="act-reason" maxLength={1000} rows={2} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
			</label>
			<button type="submit" disabled={busy}>
				{t('plan.act.save')}
			</button>
		</form>
	);
}
