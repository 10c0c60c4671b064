import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, realpathSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where Debian's Chromium reads mandatory policies on Linux (docs/DEPLOY.md, "Chrome on Linux"). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, the first 32 hex digits written
 * with the letters a to p. The policy must name our extension by it, so that it reaches ours alone.
 */
export function unpackedExtensionId(extensionDir: string): string {
	const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
	return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** Why this machine cannot hold a managed policy file, or undefined when it can (root, or a writable folder). */
export function whyNoPolicyFile(): string | undefined {
	let dir = CHROMIUM_POLICY_DIR;
	while (true) {
		try {
			accessSync(dir, constants.W_OK);
			return undefined;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot write ${CHROMIUM_POLICY_DIR} (not root?): the managed-policy test needs it`;
			if (dir === '/') return `no writable folder on the way to ${CHROMIUM_POLICY_DIR}`;
			dir = dirname(dir);
		}
	}
}

/**
 * Writes a policy file that sets the managed storage of one extension only ("3rdparty" policy for its id), and gives
 * back its removal, which also removes the folders it had to make. Every Chromium of this machine reads the folder
 * while the file is there: scoped to our id, it changes nothing for any other extension or page.
 */
export function writeExtensionPolicy(extensionId: string, values: Record<string, unknown>): () => void {
	const made: string[] = [];
	for (let dir = CHROMIUM_POLICY_DIR; ; dir = dirname(dir)) {
		try {
			accessSync(dir);
			break;
		} catch {
			made.unshift(dir);
		}
	}
	mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
	const file = join(CHROMIUM_POLICY_DIR, `glpi-improve-e2e-${process.pid}.json`);
	writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: values } } }, null, 2));
	let removed = false;
	return () => {
		if (removed) return;
		removed = true;
		rmSync(file, { force: true });
		for (const dir of made.reverse()) {
			try {
				rmdirSync(dir);
			} catch {
				// Not empty: someone else's policy is there too; leave it.
			}
		}
	};
}
