import { useEffect, useState } from 'preact/hooks';
import type { Enrollment, Installation } from '../../../shared/schemas/enrollment';
import { sendManagerMessage } from '../../core/manager-messaging';
import { relativeTime, t } from '../../i18n';
import { EnrollmentForm } from './enrollment-form';
import { NoticeLine, useNotice } from './use-notice';

/** Enrollment for managers: make a code, see the codes and the browsers enrolled with them, revoke either. */
export function EnrollmentView({ backendUrl }: { backendUrl: string }) {
	const [codes, setCodes] = useState<Enrollment[] | null>(null);
	const [installations, setInstallations] = useState<Installation[] | null>(null);
	const [notice, notify] = useNotice();
	const load = () => {
		void sendManagerMessage('listEnrollments', undefined).then((result) => (result.ok ? setCodes(result.value) : notify(t('popup.error', { message: result.error }), true)));
		void sendManagerMessage('listInstallations', undefined).then((result) =>
			result.ok ? setInstallations(result.value) : notify(t('popup.error', { message: result.error }), true),
		);
	};
	useEffect(load, []);

	async function revoke(message: 'revokeEnrollment' | 'revokeInstallation', id: string) {
		const result = await sendManagerMessage(message, id);
		if (!result.ok) return notify(t('popup.error', { message: result.error }), true);
		notify(t('enrollment.revoked'));
		load();
	}

	return (
		<section data-gx="enrollment">
			<NoticeLine notice={notice} />
			<EnrollmentForm backendUrl={backendUrl} onCreated={load} />
			<h3>{t('enrollment.codes')}</h3>
			{codes === null ? (
				<p>{t('popup.loading')}</p>
			) : codes.length === 0 ? (
				<p class="gx-muted">{t('enrollment.none')}</p>
			) : (
				<ul class="gx-enrollments">
					{codes.map((code) => (
						<li key={code.id} data-gx="enrollment-row">
							<span>
								{code.label ?? t(`enrollment.role.${code.role}`)} ({t(`enrollment.role.${code.role}`)})
							</span>
							<span class="gx-muted">
								{code.revokedAt
									? t('enrollment.revokedAt', { when: relativeTime(code.revokedAt) })
									: t('enrollment.usage', { uses: code.uses, max: code.maxUses, expires: relativeTime(code.expiresAt) })}
							</span>
							{!code.revokedAt && (
								<button type="button" data-gx="revoke-enrollment" onClick={() => void revoke('revokeEnrollment', code.id)}>
									{t('enrollment.revoke')}
								</button>
							)}
						</li>
					))}
				</ul>
			)}
			<h3>{t('enrollment.installations')}</h3>
			{installations === null ? (
				<p>{t('popup.loading')}</p>
			) : installations.length === 0 ? (
				<p class="gx-muted">{t('enrollment.noInstallations')}</p>
			) : (
				<ul class="gx-installations">
					{installations.map((installation) => (
						<li key={installation.id} data-gx="installation-row">
							<span>
								{installation.label} ({t(`enrollment.role.${installation.role}`)})
							</span>
							<span class="gx-muted">
								{installation.revokedAt
									? t('enrollment.revokedAt', { when: relativeTime(installation.revokedAt) })
									: t('enrollment.seen', { created: relativeTime(installation.createdAt), seen: installation.lastSeenAt ? relativeTime(installation.lastSeenAt) : '—' })}
							</span>
							{!installation.revokedAt && (
								<button
									type="button"
									data-gx="revoke-installation"
									aria-label={t('enrollment.revokeInstallation', { label: installation.label ?? installation.id })}
									onClick={() => void revoke('revokeInstallation', installation.id)}
								>
									{t('enrollment.revoke')}
								</button>
							)}
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
