import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { lockedByPolicy, parseManagedPolicy } from '../../core/managed-policy';
import { managedEnrollmentStorage } from '../../core/storage';

export interface PolicyView {
	/** What the organisation set (core/managed-policy.ts, lockedByPolicy): shown as set by it, not editable. */
	locked: Set<string>;
	/** The policy's GLPI addresses, which the options cannot remove. */
	glpiUrls: string[];
	/** The server's refusal of the policy's enrollment code, if any. */
	enrollmentError: string | null;
}

/** The organisation's policy as the options show it; empty without one (and in Firefox without policies.json). */
export function usePolicy(): PolicyView {
	const [view, setView] = useState<PolicyView>({ locked: new Set(), glpiUrls: [], enrollmentError: null });
	useEffect(() => {
		const read = async () => {
			const { policy } = parseManagedPolicy(await browser.storage.managed.get().catch(() => ({})));
			const state = await managedEnrollmentStorage.getValue();
			setView({ locked: lockedByPolicy(policy), glpiUrls: policy.glpiUrls ?? [], enrollmentError: policy.enrollmentCode ? state.error : null });
		};
		void read();
		const listener = (_changes: unknown, area: string) => area === 'managed' && void read();
		browser.storage.onChanged.addListener(listener);
		const unwatch = managedEnrollmentStorage.watch(() => void read());
		return () => {
			browser.storage.onChanged.removeListener(listener);
			unwatch();
		};
	}, []);
	return view;
}

