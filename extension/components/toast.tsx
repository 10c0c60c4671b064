import { useEffect, useState } from 'preact/hooks';

export type ToastMessage = { text: string; error: boolean } | null;

/** A message that goes away by itself: 2.5 s, or 8 s for an error (which carries the user's words back). */
export function useToast(): [ToastMessage, (toast: ToastMessage) => void] {
	const [toast, setToast] = useState<ToastMessage>(null);
	useEffect(() => {
		if (!toast) return;
		const timer = setTimeout(() => setToast(null), toast.error ? 8000 : 2500);
		return () => clearTimeout(timer);
	}, [toast]);
	return [toast, setToast];
}

export function Toast({ toast }: { toast: ToastMessage }) {
	if (!toast) return null;
	return (
		<div class={toast.error ? 'gx-toast gx-toast-error' : 'gx-toast'} role="status" data-gx="toast">
			{toast.text}
		</div>
	);
}
