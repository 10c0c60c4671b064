import type { AuditEntry } from '../../../shared/schemas/backlog';
import { relativeTime, t } from '../../i18n';

/** Every change of the item: who (the token's label), when, which field, from what to what. */
export function AuditList({ audit }: { audit: AuditEntry[] }) {
	return (
		<section>
			<h3>{t('item.audit')}</h3>
			{audit.length === 0 ? (
				<p class="gx-muted">{t('item.noAudit')}</p>
			) : (
				<ul class="gx-audit" data-gx="audit">
					{audit.map((entry, index) => (
						<li key={`${entry.at}-${index}`}>
							{t('item.auditEntry', { when: relativeTime(entry.at), actor: entry.actor, field: entry.field, from: entry.from ?? '∅', to: entry.to ?? '∅' })}
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
