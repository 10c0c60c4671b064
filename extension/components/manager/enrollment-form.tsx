import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ENROLLMENT_ROLES } from '../../../shared/vocabulary';
import { sendManagerMessage } from '../../core/manager-messaging';
import { t } from '../../i18n';
import { NoticeLine, useNotice } from './use-notice';

/** The link a user opens in this browser: the options page with the code and the backend filled in. */
const linkOf = (code: string, backendUrl: string) => `${browser.runtime.getURL('/options.html')}#${new URLSearchParams({ enroll: code, backend: backendUrl })}`;

/** A new enrollment code: role, how many browsers, how many days. The code shows here once, with its link. */
export function EnrollmentForm({ backendUrl, onCreated }: { backendUrl: string; onCreated: () => void }) {
	const [role, setRole] = useState<(typeof ENROLLMENT_ROLES)[number]>('reporter');
	const [uses, setUses] = useState(50);
	const [days, setDays] = useState(7);
	const [label, setLabel] = useState('');
	const [created, setCreated] = useState<string | null>(null);
	const [notice, notify] = useNotice();

	async function create(event: Event) {
		event.preventDefault();
		const result = await sendManagerMessage('createEnrollment', { role, maxUses: uses, expiresInHours: days * 24, ...(label.trim() ? { label: label.trim() } : {}) });
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		setCreated(result.value.code);
		setLabel('');
		onCreated();
	}

	return (
		<form class="gx-enrollment-form" data-gx="enrollment-form" onSubmit={(event) => void create(event)}>
			<h3>{t('enrollment.new')}</h3>
			<label>
				{t('enrollment.role')}
				<span role="group">
					{ENROLLMENT_ROLES.map((name) => (
						<button key={name} type="button" aria-pressed={role === name} data-gx-role={name} onClick={() => setRole(name)}>
							{t(`enrollment.role.${name}`)}
						</button>
					))}
				</span>
			</label>
			<label>
				{t('enrollment.uses')}
				<input name="maxUses" type="number" min={1} max={10000} required value={uses} onInput={(event) => setUses(Number(event.currentTarget.value))} />
			</label>
			<label>
				{t('enrollment.days')}
				<input name="days" type="number" min={1} max={90} required value={days} onInput={(event) => setDays(Number(event.currentTarget.value))} />
			</label>
			<label>
				{t('enrollment.label')}
				<input name="label" maxLength={100} value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
			</label>
			<button type="submit" data-gx="create-enrollment">
				{t('enrollment.create')}
			</button>
			<NoticeLine notice={notice} />
			{created && (
				<div class="gx-created-code" role="status">
					<p>{t('enrollment.created')}</p>
					<output data-gx="enrollment-code">{created}</output>
					<p>{t('enrollment.link')}</p>
					<output data-gx="enrollment-link">{linkOf(created, backendUrl)}</output>
				</div>
			)}
		</form>
	);
}
