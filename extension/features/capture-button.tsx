import { render } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { type CaptureInput, type CaptureKind, CapturePanel } from '../components/capture-panel';
import panelStyles from '../components/capture.css?inline';
import tabStyles from '../components/capture-tab.css?inline';
import { Toast, useToast } from '../components/toast';
import { useLanguage } from '../components/use-language';
import { onTabMessage } from '../core/content-messaging';
import { anyGlpiPage, type Feature, type FeatureContext } from '../core/feature-manager';
import { sendMessage } from '../core/messaging';
import { hasListener, request } from '../core/overlay-bus';
import { mountShadowUi } from '../core/shadow-ui';
import { DEFAULT_SETTINGS, type PrivacySettings } from '../core/settings';
import { itilFieldsOf } from '../glpi/page-context';
import { GLPI } from '../glpi/selectors';
import { peopleOnPage } from '../glpi/people';
import { t } from '../i18n';
import { refusalWords } from '../core/refusal-words';
import { plainCaptureTab } from '../components/capture-tab';

/** Opens the panel when the keyboard shortcut asks (through the background). */
const openRequests = new EventTarget();

interface OpenPanel {
	kind: CaptureKind;
	page: Page;
	names: string[];
}

/** The panel's context, read when it opens: GLPI fills the main tab (category, status, actors) by AJAX after the page loads. */
const panelOf = (kind: CaptureKind, context: FeatureContext): OpenPanel => ({ kind, page: { ...context.page, ...itilFieldsOf(context.document) }, names: peopleOnPage(context.document) });

/** `opening`: the panel opens at once, with that kind (the plain tab was pressed, or the shortcut asked, before). */
function CaptureButton({ context, opening }: { context: FeatureContext; opening?: CaptureKind }) {
	useLanguage();
	const [open, setOpen] = useState<OpenPanel | null>(() => (opening ? panelOf(opening, context) : null));
	const [toast, setToast] = useToast();
	// Until the background answers, the default switches; the draft carries the ones its preview used, and the
	// background sends no more than the stricter of those and the real ones.
	const [privacy, setPrivacy] = useState<PrivacySettings>(DEFAULT_SETTINGS.privacy);

	// A layout effect: listening from the hand-over's own task, so a shortcut in the frame after it is not lost between
	// the plain tab's listener and this one.
	useLayoutEffect(() => {
		const onOpen = (event: Event) => show((event as CustomEvent<CaptureKind>).detail);
		openRequests.addEventListener('open', onOpen, { signal: context.signal });
	}, []);
	useEffect(() => {
		void sendMessage('getOverlayConfig', undefined).then((config) => setPrivacy(config.privacy), () => undefined);
	}, []);

	function show(kind: CaptureKind = 'idea') {
		setOpen(panelOf(kind, context));
	}

	// GLPI loads an item's main tab (category, status, actors) by AJAX after the page, and our button comes first: a
	// panel opened before the form arrives reads it when it does, so the preview and the signal get the category (seen
	// on a live GLPI: an idea captured in that second had none) and the actors' names are redacted.
	const waitingForForm = open !== null && open.page.itemtype !== undefined && !context.document.querySelector(GLPI.itilForm);
	useEffect(() => {
		if (!waitingForForm) return;
		const observer = new MutationObserver(() => {
			if (!context.document.querySelector(GLPI.itilForm)) return;
			observer.disconnect();
			setOpen((now) => now && { ...now, page: { ...now.page, ...itilFieldsOf(context.document) }, names: peopleOnPage(context.document) });
		});
		observer.observe(context.document.documentElement, { childList: true, subtree: true });
		return () => observer.disconnect();
	}, [waitingForForm]);

	function submit(input: CaptureInput) {
		if (!open) return;
		// The panel closes at once; the background stores the signal locally and syncs it later, so nothing here waits
		// on the network. If the background refuses it, the words come back in an error toast, never lost silently.
		setOpen(null);
		void sendMessage('enqueueSignal', { ...input, page: open.page, names: open.names, privacy }).then(
			(result) => setToast(result.ok ? { text: t('capture.saved'), error: false } : { text: `${refusalWords(result.error)} — ${input.text}`, error: true }),
			(error: unknown) => setToast({ text: `${t('popup.error', { message: String(error) })} — ${input.text}`, error: true }),
		);
	}

	function tagElement() {
		setOpen(null);
		request('start-tagging');
	}

	return (
		<div class="gx-root">
			<button type="button" class="gx-tab" data-gx="capture-button" title={t('capture.buttonTitle')} aria-expanded={open !== null} onClick={() => (open ? setOpen(null) : show())}>
				{t('capture.button')}
			</button>
			{open && (
				<CapturePanel
					names={open.names}
					page={open.page}
					privacy={privacy}
					initialKind={open.kind}
					onSubmit={submit}
					onCancel={() => setOpen(null)}
					{...(hasListener('start-tagging') ? { onTagElement: tagElement } : {})}
				/>
			)}
			<Toast toast={toast} />
		</div>
	);
}

/**
 * The plain tab first (capture-tab.ts) with its own rules only, CaptureButton and the panel's rules in its place on the
 * first press, the first shortcut, or the page's first idle moment, whichever comes first: in one task, so nothing is
 * painted in between, and the focus stays on the tab.
 */
function handOverWhenNeeded(container: HTMLElement, context: FeatureContext) {
	const view = context.document.defaultView;
	const waiting = new AbortController();
	context.signal.addEventListener('abort', () => waiting.abort(), { once: true, signal: waiting.signal });
	const handOver = (opening?: CaptureKind) => {
		if (waiting.signal.aborted) return;
		waiting.abort();
		// Test builds: when the first render's cost lands (idle time; on a long list, at times inside the badges' wait).
		if (import.meta.env.GX_TEST_BUILD) performance.mark('gx-capture-handover');
		const hadFocus = tab.remove();
		// The panel's and the toast's rules, parsed only now: the page's first frame had the tab's alone.
		const sheet = container.ownerDocument.createElement('style');
		sheet.textContent = panelStyles;
		container.before(sheet);
		render(<CaptureButton context={context} {...(opening ? { opening } : {})} />, container);
		if (hadFocus) container.querySelector<HTMLElement>('[data-gx="capture-button"]')?.focus();
	};
	const tab = plainCaptureTab(container, () => handOver('idea'), waiting.signal);
	openRequests.addEventListener('open', (event) => handOver((event as CustomEvent<CaptureKind>).detail), { signal: waiting.signal });
	if (view?.requestIdleCallback) {
		const idle = view.requestIdleCallback(() => handOver(), { timeout: IDLE_TIMEOUT_MS });
		waiting.signal.addEventListener('abort', () => view.cancelIdleCallback(idle), { once: true });
	} else {
		const timer = setTimeout(() => handOver(), 0);
		waiting.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
	}
}

/** A page busy for longer still gets the real button then: its toast and its panel are ready before the user is. */
const IDLE_TIMEOUT_MS = 1000;

export const captureButton: Feature = {
	id: 'capture-button',
	include: [anyGlpiPage],
	init(context) {
		mountShadowUi({ name: 'gx-capture-button', css: tabStyles, signal: context.signal, mount: (container) => handOverWhenNeeded(container, context) });
		// The benchmark reads the time from document idle to here (scripts/bench-extension.js); test builds only.
		if (import.meta.env.GX_TEST_BUILD) performance.mark('gx-button');
		const stop = onTabMessage('openCapture', ({ data }) => {
			openRequests.dispatchEvent(new CustomEvent('open', { detail: data.kind ?? 'idea' }));
			return true;
		});
		context.signal.addEventListener('abort', stop, { once: true });
	},
};

/* Test pages: ../shared/glpi/pages/10.0.17/html/10.0.17_ticket_form_open_id5.html (central ticket),
   10.0.17_selfservice_home.html (self-service), 10.0.17_subfolder_ticket_form_id5.html (sub-folder). */
