import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';

/**
 * A view whose code loads the first time it is shown: the popup's first paint is the backlog, and every view it
 * does not show (an item with its PLAN, CHECK and ACT, the dashboard with its charts and the plan export, the hints,
 * enrollment) stays out of the scripts the browser fetches and evaluates before that paint. Its code comes from the
 * extension's own files in a few milliseconds, and an item's view then waits for the backend anyway, so nothing is
 * fetched ahead: that would compete with the fresh list. `preload` starts the load once for every showing; a view
 * already loaded shows at once, without a "Loading" first.
 */
export function lazyView<Props extends object>(load: () => Promise<ComponentType<Props>>) {
	let loaded: ComponentType<Props> | undefined;
	let loading: Promise<ComponentType<Props>> | undefined;
	const preload = () =>
		(loading ??= load().then(
			(view) => (loaded = view),
			(error: unknown) => {
				// A failed load (the extension updated under an open popup) is tried again on the next showing.
				loading = undefined;
				throw error;
			},
		));
	function LazyView(props: Props) {
		const [View, setView] = useState<ComponentType<Props> | undefined>(() => loaded);
		const [failed, setFailed] = useState(false);
		useEffect(() => {
			if (!View) void preload().then((view) => setView(() => view), () => setFailed(true));
		}, []);
		if (View) return <View {...props} />;
		return <p class={failed ? 'gx-error' : 'gx-muted'}>{failed ? t('popup.viewFailed') : t('popup.loading')}</p>;
	}
	return Object.assign(LazyView, { preload });
}
