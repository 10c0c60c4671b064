import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../core/messaging';
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
		// The background parses the policy (core/managed-policy.ts, with zod): the options page never loads zod.
		const read = async () => {
			const [policy, state] = await Promise.all([sendMessage('getPolicyLocks', undefined), managedEnrollmentStorage.getValue()]);
			setView({ locked: new Set(policy.locked), glpiUrls: policy.glpiUrls, enrollmentError: policy.enrollmentCode ? state.error : null });
		};
		// Without an answer (the background restarting), the page keeps what it showed; the next change reads again.
		const readQuietly = () => void read().catch(() => undefined);
		readQuietly();
		const listener = (_changes: unknown, area: string) => area === 'managed' && readQuietly();
		browser.storage.onChanged.addListener(listener);
		const unwatch = managedEnrollmentStorage.watch(readQuietly);
		return () => {
			browser.storage.onChanged.removeListener(listener);
			unwatch();
		};
	}, []);
	return view;
}

