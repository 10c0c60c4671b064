import { useEffect, useState } from 'preact/hooks';

export type Notice = { text: string; error: boolean } | null;

/** A short message under an action; errors stay until replaced, confirmations fade after a few seconds. */
export function useNotice(): [Notice, (text: string, error?: boolean) => void] {
	const [notice, setNotice] = useState<Notice>(null);
	useEffect(() => {
		if (!notice || notice.error) return;
		const timer = setTimeout(() => setNotice(null), 4000);
		return () => clearTimeout(timer);
	}, [notice]);
	return [notice, (text, error = false) => setNotice({ text, error })];
}

export function NoticeLine({ notice }: { notice: Notice }) {
	if (!notice) return null;
	return (
		<p class={notice.error ? 'gx-notice gx-error' : 'gx-notice'} role={notice.error ? 'alert' : 'status'} data-gx="notice">
			{notice.text}
		</p>
	);
}
