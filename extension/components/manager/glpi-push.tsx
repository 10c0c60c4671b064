import { useState } from 'preact/hooks';
import type { BacklogItem } from '../../../shared/schemas/backlog';
import type { GlpiItemtype } from '../../background/glpi-api';
import { type PushOutcome, sendManagerMessage } from '../../core/manager-messaging';
import { getLanguage, t } from '../../i18n';

/** Words for a push's outcome: what exists in GLPI now, what is missing, and why. */
function outcomeLines(outcome: PushOutcome): string[] {
	if (!outcome.ok) {
		const reason = t(`glpi.error.${outcome.reason}`, { detail: outcome.detail });
		return outcome.reason === 'not-configured' ? [reason] : [reason, t('glpi.nothingCreated')];
	}
	const itemtype = t(outcome.itemtype === 'Problem' ? 'glpi.problem' : 'glpi.change');
	const lines = [t('glpi.created', { itemtype, id: outcome.id })];
	if (outcome.linked.length) lines.push(t('glpi.linked', { count: outcome.linked.length }));
	if (outcome.notLinked.length) lines.push(t('glpi.notLinked', { tickets: outcome.notLinked.map((entry) => `#${entry.ticketId} (${entry.message})`).join(', ') }));
	if (outcome.saveError) lines.push(t('glpi.notSaved', { message: outcome.saveError }));
	return lines;
}

/** "Create a GLPI Problem / Change" from the item, through GLPI's REST API with the user's own token. */
export function GlpiPush({ item, onPushed }: { item: BacklogItem; onPushed(link: NonNullable<BacklogItem['glpi']>): void }) {
	const [busy, setBusy] = useState(false);
	const [outcome, setOutcome] = useState<PushOutcome | null>(null);

	async function push(itemtype: GlpiItemtype) {
		setBusy(true);
		const result = await sendManagerMessage('pushToGlpi', { itemId: item.id, itemtype, language: getLanguage() });
		setBusy(false);
		setOutcome(result);
		if (result.ok && !result.saveError) onPushed({ itemtype: result.itemtype, id: result.id, url: result.url });
	}

	return (
		<section class="gx-glpi" data-gx="glpi-push">
			{item.glpi && (
				<p>
					<a href={item.glpi.url} target="_blank" rel="noreferrer noopener" data-gx="glpi-link">
						{t('item.glpiLink', { itemtype: t(item.glpi.itemtype === 'Problem' ? 'glpi.problem' : 'glpi.change'), id: item.glpi.id })}
					</a>
				</p>
			)}
			<div class="gx-actions">
				<button type="button" disabled={busy} onClick={() => void push('Problem')}>
					{t('glpi.create', { itemtype: t('glpi.problem') })}
				</button>
				<button type="button" disabled={busy} onClick={() => void push('Change')}>
					{t('glpi.create', { itemtype: t('glpi.change') })}
				</button>
			</div>
			{busy && <p class="gx-muted">{t('glpi.creating')}</p>}
			{outcome && (
				<div class={outcome.ok ? 'gx-notice' : 'gx-notice gx-error'} role={outcome.ok ? 'status' : 'alert'} data-gx="glpi-outcome">
					{outcomeLines(outcome).map((line) => (
						<p key={line}>{line}</p>
					))}
					{outcome.ok && (
						<a href={outcome.url} target="_blank" rel="noreferrer noopener">
							{t('glpi.open')}
						</a>
					)}
				</div>
			)}
		</section>
	);
}
