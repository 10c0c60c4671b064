import type { Outgoing } from '../core/outgoing';
import { t } from '../i18n';

/**
 * "What leaves your browser": every field of the signal as it will be sent (outgoingOf, the same function the
 * background builds it with), so the user sees exactly that, redacted, before sending.
 */
export function OutgoingPreview({ outgoing }: { outgoing: Outgoing }) {
	const { page, target } = outgoing;
	const rows: [string, string | undefined][] = [
		[t('preview.kind'), t(`kind.${outgoing.kind}`)],
		[t('preview.tags'), outgoing.tags?.map((tag) => `#${tag}`).join(' ')],
		[t('preview.severity'), outgoing.severity?.toString()],
		[t('preview.element'), target ? [target.label, target.selector].filter(Boolean).join(' — ') : undefined],
		[t('preview.route'), page.route],
		[t('preview.pageKind'), page.kind],
		[t('preview.item'), page.itemtype ? [page.itemtype, page.itemId === undefined ? '' : `#${page.itemId}`].join(' ').trim() : undefined],
		[t('preview.interface'), page.interface],
		[t('preview.version'), page.glpiVersion],
		[t('preview.category'), page.category],
		[t('preview.status'), page.status],
	];
	return (
		<details class="gx-preview" open>
			<summary>{t('capture.preview')}</summary>
			<p class="gx-preview-text" data-gx="preview">
				{outgoing.text ?? '…'}
			</p>
			<dl class="gx-fields" data-gx="preview-fields">
				{rows
					.filter((row): row is [string, string] => Boolean(row[1]))
					.map(([name, value]) => (
						<div key={name}>
							<dt>{name}</dt>
							<dd>{value}</dd>
						</div>
					))}
			</dl>
			<p class="gx-context">{t('preview.also')}</p>
		</details>
	);
}

/** The end of every form that sends a signal: what leaves the browser, the error if any, Cancel and Send. */
export function SendFooter({ outgoing, error, onCancel }: { outgoing: Outgoing; error: string; onCancel(): void }) {
	return (
		<>
			<OutgoingPreview outgoing={outgoing} />
			{error && (
				<p class="gx-error" role="alert">
					{error}
				</p>
			)}
			<div class="gx-actions">
				<button type="button" onClick={onCancel}>
					{t('capture.cancel')}
				</button>
				<button type="submit" class="gx-primary" data-gx="send" title={t('capture.sendShortcut')}>
					{t('capture.send')}
				</button>
			</div>
		</>
	);
}
