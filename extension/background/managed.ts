import { browser } from 'wxt/browser';
import { type ManagedPolicy, type PolicyLocks, parseManagedPolicy, policyLocksOf, withPolicy } from '../core/managed-policy';
import { type Settings, managedEnrollmentStorage, reporterIdStorage, settingsStorage, tokenStorage } from '../core/storage';
import { saveConnection } from './connection';
import { enrollWithCode } from './enrollment';
import { isTransient } from './transient';

/** The organisation's policy; none (an empty policy) when the browser has no managed storage for us (Firefox without policies.json). */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
	const raw = await browser.storage.managed.get().catch(() => ({}));
	const { policy, ignored } = parseManagedPolicy(raw);
	if (ignored.length > 0) console.warn('[gx] policy values ignored (see docs/DEPLOY.md):', ignored.join(', '));
	return policy;
}

/** What the options page shows of the policy (getPolicyLocks, for the extension's own pages only). */
export const readPolicyLocks = async (): Promise<PolicyLocks> => policyLocksOf(await readManagedPolicy());

async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Connects this browser as the policy says, with no typing: a policy token is saved as the options would; an
 * enrollment code is exchanged once for this browser's own token, named after the policy's label and a short id of
 * the installation. A code the server refused is not tried again until the policy sets another one; a backend that
 * could not answer is asked again (retrySoon).
 */
async function connectByPolicy(policy: ManagedPolicy, backendUrl: string): Promise<void> {
	if (policy.token !== undefined) {
		if ((await tokenStorage.getValue()) !== policy.token) await saveConnection({ backendUrl, token: policy.token });
		return;
	}
	if (policy.enrollmentCode === undefined) return;
	const codeHash = await sha256Hex(policy.enrollmentCode);
	const [state, token] = await Promise.all([managedEnrollmentStorage.getValue(), tokenStorage.getValue()]);
	if (state.codeHash === codeHash && (token || state.error)) return;
	const label = `${policy.installationLabel ?? 'GLPI Improve'} · ${(await reporterIdStorage.getValue()).slice(0, 6)}`;
	const result = await enrollWithCode({ backendUrl, code: policy.enrollmentCode, label });
	if (result.ok) {
		retries = 0;
		await managedEnrollmentStorage.setValue({ codeHash, error: null });
	} else if (!failedForNow(result.status ?? -1)) await managedEnrollmentStorage.setValue({ codeHash, error: result.error });
	else retrySoon();
}

/**
 * The backend could not answer (network, 408, 429, 5xx), which says nothing of the code: asked again in a few seconds,
 * longer each time up to a minute (and at every start of the service worker). It used to be kept as the code's
 * refusal, for good: a browser whose first try met a busy backend never enrolled until the policy changed.
 */
// The sync's rule for a failure that says nothing of what was sent, but for 401: /v1/enroll takes no token to refuse.
const failedForNow = (status: number) => status !== 401 && isTransient(status);
let retries = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
function retrySoon() {
	if (retryTimer !== undefined) return;
	const delay = Math.min(60_000, 5_000 * 2 ** retries++);
	retryTimer = setTimeout(() => {
		retryTimer = undefined;
		void applyManagedPolicy().catch((error: unknown) => console.error('[gx] policy', error));
	}, delay);
}

let applying: Promise<unknown> = Promise.resolve();

/**
 * Puts the policy's values in force in the settings and connects as it says; returns the settings in force. One run
 * at a time: the service worker's start and the browser's first report of the managed storage come together, and
 * two runs at once would both see no token and enroll the browser twice.
 */
export function applyManagedPolicy(): Promise<Settings> {
	const run = applying.then(applyOnce, applyOnce);
	applying = run.catch(() => undefined);
	return run;
}

async function applyOnce(): Promise<Settings> {
	const policy = await readManagedPolicy();
	const current = await settingsStorage.getValue();
	const next = withPolicy(current, policy);
	if (JSON.stringify(next) !== JSON.stringify(current)) await settingsStorage.setValue(next);
	if (next.backendUrl && policy.backendUrl !== undefined) await connectByPolicy(policy, next.backendUrl);
	return next;
}
