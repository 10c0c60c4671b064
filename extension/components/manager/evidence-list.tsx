import type { Signal } from '../../../shared/schemas/signal';
import { relativeTime, t } from '../../i18n';

/** A link into the user's own GLPI, when its address is known. */
const ticketUrl = (glpiUrl: string, id: number) => `${glpiUrl.replace(/\/+$/, '')}/front/ticket.form.php?id=${id}`;

/** The signals behind an item, newest first: who-less (reporters are anonymous ids), what, where, and pattern tickets. */
export function EvidenceList({ evidence, glpiUrl }: { evidence: Signal[]; glpiUrl: string }) {
	const tickets = [...new Set(evidence.flatMap((signal) => signal.pattern?.ticketIds ?? []))].sort((a, b) => a - b);
	return (
		<section>
			<h3>{t('item.evidence', { count: evidence.length })}</h3>
			{tickets.length > 0 && (
				<p class="gx-tickets" data-gx="pattern-tickets">
					{t('item.tickets')}:{' '}
					{tickets.map((id) =>
						glpiUrl ? (
							<a key={id} href={ticketUrl(glpiUrl, id)} target="_blank" rel="noreferrer noopener">
								#{id}
							</a>
						) : (
							<span key={id}>#{id}</span>
						),
					)}
				</p>
			)}
			<ul class="gx-evidence" data-gx="evidence">
				{evidence.map((signal) => (
					<li key={signal.id}>
						<span class="gx-meta">
							<span class="gx-kind-badge">{t(`kind.${signal.kind}`)}</span>
							<span>{relativeTime(signal.createdAt)}</span>
							<span class="gx-route">
								{signal.page.route}
								{signal.target ? ` — ${signal.target.label ?? signal.target.selector}` : ''}
							</span>
							{signal.tags?.length ? <span>{signal.tags.map((tag) => `#${tag}`).join(' ')}</span> : null}
							{signal.count && signal.count > 1 ? <span>×{signal.count}</span> : null}
						</span>
						{signal.text && <span class="gx-text">{signal.text}</span>}
					</li>
				))}
			</ul>
		</section>
	);
}
