import { useState } from 'preact/hooks';
import { sendManagerMessage } from '../../core/manager-messaging';
import { getLanguage, t } from '../../i18n';
import { NoticeLine, useNotice } from './use-notice';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

function save(name: string, type: string, text: string) {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The improvement plan of a period, for the service review (issue 17): a self-contained HTML page that prints, or
 * Markdown for a wiki, in the popup's language. The period defaults to the last 30 days.
 */
export function PlanExport() {
	const [from, setFrom] = useState(() => day(Date.now() - 30 * 86_400_000));
	const [to, setTo] = useState(() => day(Date.now()));
	const [format, setFormat] = useState<'html' | 'md'>('html');
	const [busy, setBusy] = useState(false);
	const [notice, notify] = useNotice();

	async function exportPlan(event: Event) {
		event.preventDefault();
		if (from > to) return notify(t('plan.export.badPeriod'), true);
		setBusy(true);
		const result = await sendManagerMessage('exportPlan', { from, to, format, lang: getLanguage() });
		setBusy(false);
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		save(result.value.name, result.value.type, result.value.text);
		notify(t('plan.export.done', { name: result.value.name }));
	}

	return (
		<form class="gx-plan-export" data-gx="plan-export" onSubmit={(event) => void exportPlan(event)}>
			<h3>{t('plan.export.title')}</h3>
			<label>
				{t('plan.export.from')} <input type="date" value={from} required onInput={(event) => setFrom(event.currentTarget.value)} />
			</label>
			<label>
				{t('plan.export.to')} <input type="date" value={to} required onInput={(event) => setTo(event.currentTarget.value)} />
			</label>
			<label>
				{t('plan.export.format')}{' '}
				<select value={format} onChange={(event) => setFormat(event.currentTarget.value as 'html' | 'md')}>
					<option value="html">{t('plan.export.html')}</option>
					<option value="md">{t('plan.export.markdown')}</option>
				</select>
			</label>
			<button type="submit" disabled={busy}>
				{t('plan.export.button')}
			</button>
			<NoticeLine notice={notice} />
		</form>
	);
}
