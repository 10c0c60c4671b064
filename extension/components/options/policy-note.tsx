import { t } from '../../i18n';

/** The note beside a value the organisation set by policy: it cannot be changed here. */
export function PolicyNote({ on }: { on: boolean }) {
	return on ? (
		<small class="gx-policy" data-gx="set-by-policy">
			{t('managed.set')}
		</small>
	) : null;
}
