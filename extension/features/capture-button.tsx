import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type CaptureInput, type CaptureKind, CapturePanel } from '../components/capture-panel';
import styles from '../components/capture.css?inline';
import { anyGlpiPage, type Feature, type FeatureContext } from '../core/feature-manager';
import { onTabMessage } from '../core/content-messaging';
import { sendMessage } from '../core/messaging';
import { itilFieldsOf } from '../glpi/page-context';
import { peopleOnPage } from '../glpi/people';
import { t } from '../i18n';

type Toast = { text: string; error: boolean } | null;

/** Opens the panel when the keyboard shortcut or the context menu asks (through the background). */
const openRequests = new EventTarget();

function CaptureButton({ context }: { context: FeatureContext }) {
	const [open, setOpen] = useState<CaptureKind | null>(null);
	const [toast, setToast] = useState<Toast>(null);
	const [names, setNames] = useState<string[]>([]);

	useEffect(() => {
		const onOpen = (event: Event) => show((event as CustomEvent<CaptureKind>).detail);
		openRequests.addEventListener('open', onOpen, { signal: context.signal });
	}, []);

	useEffect(() => {
		if (!toast) return;
		const timer = setTimeout(() => setToast(null), toast.error ? 8000 : 2500);
		return () => clearTimeout(timer);
	}, [toast]);

	function show(kind: CaptureKind = 'idea') {
		// Names are read when the panel opens: GLPI fills the actors' fields by AJAX after the page loads.
		setNames(peopleOnPage(context.document));
		setOpen(kind);
	}

	function submit(input: CaptureInput) {
		// The panel closes at once; the background stores the signal locally and syncs it later, so nothing here waits
		// on the network. If the background refuses it, the words come back in an error toast, never lost silently.
		setOpen(null);
		const page = { ...context.page, ...itilFieldsOf(context.document) };
		void sendMessage('enqueueSignal', { ...input, page, names }).then(
			(result) => setToast(result.ok ? { text: t('capture.saved'), error: false } : { text: `${t('popup.error', { message: result.error })} — ${input.text}`, error: true }),
			(error: unknown) => setToast({ text: `${t('popup.error', { message: String(error) })} — ${input.text}`, error: true }),
		);
	}

	const where = [context.page.route, context.page.itemtype && context.page.itemId ? `${context.page.itemtype} #${context.page.itemId}` : ''].filter(Boolean).join(' · ');
	return (
		<div class="gx-root">
			<button type="button" class="gx-tab" data-gx="capture-button" title={t('capture.buttonTitle')} aria-expanded={open !== null} onClick={() => (open ? setOpen(null) : show())}>
				{t('capture.button')}
			</button>
			{open && <CapturePanel names={names} context={where} initialKind={open} onSubmit={submit} onCancel={() => setOpen(null)} />}
			{toast && (
				<div class={toast.error ? 'gx-toast gx-toast-error' : 'gx-toast'} role="status" data-gx="toast">
					{toast.text}
				</div>
			)}
		</div>
	);
}

export const captureButton: Feature = {
	id: 'capture-button',
	include: [anyGlpiPage],
	async init(context) {
		const ui = await createShadowRootUi(context.ctx, {
			name: 'gx-capture-button',
			position: 'inline',
			anchor: 'body',
			append: 'last',
			css: styles,
			isolateEvents: ['keydown', 'keyup', 'keypress'],
			onMount: (container) => render(<CaptureButton context={context} />, container),
			onRemove: (container) => container && render(null, container),
		});
		ui.mount();
		context.signal.addEventListener('abort', () => ui.remove(), { once: true });
		onTabMessage('openCapture', ({ data }) => {
			openRequests.dispatchEvent(new CustomEvent('open', { detail: data.kind ?? 'idea' }));
			return true;
		});
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html (central ticket),
   10.0.17_selfservice_home.html (self-service), 10.0.17_subfolder_ticket_form_id5.html (sub-folder). */
