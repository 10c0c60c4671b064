import { useEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../../shared/schemas/signal';
import { startPicking } from '../core/element-picker';
import { sendMessage } from '../core/messaging';
import { DEFAULT_SETTINGS, type PrivacySettings } from '../core/settings';
import { targetOf, visibleElementOf } from '../glpi/element-target';
import { itilFieldsOf } from '../glpi/page-context';
import { peopleOnPage } from '../glpi/people';
import { t } from '../i18n';
import { type FrictionInput, FrictionForm } from './friction-form';
import { Toast, useToast } from './toast';
import { useLanguage } from './use-language';
import { refusalWords } from '../core/refusal-words';

/** How the feature drives the layer: start picking, or open the form on a known element (context menu). */
export interface TaggingControls {
	pick?: () => void;
	openFor?: (element: Element) => void;
}

type Box = { top: number; left: number; width: number; height: number };
type Mode =
	| { step: 'idle' }
	| { step: 'picking'; box: Box | null }
	| { step: 'form'; box: Box | null; target: { selector: string; label?: string } | undefined; page: Page; names: string[] };

const boxOf = (element: Element | null): Box | null => {
	if (!element) return null;
	const rect = visibleElementOf(element).getBoundingClientRect();
	return rect.width || rect.height ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height } : null;
};

interface Props {
	controls: TaggingControls;
	page: Page;
	doc: Document;
	signal: AbortSignal;
}

export function TaggingLayer({ controls, page, doc, signal }: Props) {
	useLanguage();
	const [mode, setMode] = useState<Mode>({ step: 'idle' });
	const [privacy, setPrivacy] = useState<PrivacySettings>(DEFAULT_SETTINGS.privacy);
	const [toast, setToast] = useToast();

	function openFor(element: Element) {
		// Read now: GLPI fills the main tab (category, status, actors) by AJAX after the page loads.
		setMode({ step: 'form', box: boxOf(element), target: targetOf(element), page: { ...page, ...itilFieldsOf(doc) }, names: peopleOnPage(doc) });
	}

	const picking = useRef<(() => void) | undefined>(undefined);
	// Set while rendering, not in an effect: the feature mounts this layer on first use and calls it right away.
	controls.pick = () => {
		picking.current?.();
		setMode({ step: 'picking', box: null });
		picking.current = startPicking(doc, { onHover: (element) => setMode({ step: 'picking', box: boxOf(element) }), onPick: openFor, onCancel: () => setMode({ step: 'idle' }) }, signal);
	};
	controls.openFor = (element) => {
		picking.current?.();
		openFor(element);
	};

	useEffect(() => {
		void sendMessage('getOverlayConfig', undefined).then((config) => setPrivacy(config.privacy), () => undefined);
		return () => picking.current?.();
	}, []);

	function submit(input: FrictionInput) {
		if (mode.step !== 'form') return;
		const { target, page: context, names } = mode;
		// Closes at once; the background queues the signal and syncs it later.
		setMode({ step: 'idle' });
		const draft = { kind: 'friction' as const, page: context, tags: input.tags, text: input.text, names, privacy, ...(target ? { target } : {}) };
		void sendMessage('enqueueSignal', draft).then(
			(result) => setToast(result.ok ? { text: t('capture.saved'), error: false } : { text: refusalWords(result.error), error: true }),
			(error: unknown) => setToast({ text: t('popup.error', { message: String(error) }), error: true }),
		);
	}

	const box = mode.step === 'idle' ? null : mode.box;
	return (
		<div class="gx-root">
			{box && <div class="gx-highlight" data-gx="highlight" style={{ top: `${box.top - 3}px`, left: `${box.left - 3}px`, width: `${box.width + 6}px`, height: `${box.height + 6}px` }} />}
			{mode.step === 'picking' && (
				<div class="gx-banner" role="status" data-gx="tagging-banner">
					{t('friction.pickHelp')}
				</div>
			)}
			{mode.step === 'form' && <FrictionForm target={mode.target} page={mode.page} names={mode.names} privacy={privacy} onSubmit={submit} onCancel={() => setMode({ step: 'idle' })} />}
			<Toast toast={toast} />
		</div>
	);
}
