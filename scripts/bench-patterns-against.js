// The engine of another commit, for side-by-side timings (`node scripts/bench-patterns.js --against <ref>`): its
// shared/ folder is extracted from git into .tmp/ and bundled like ours, so that both run in the same process,
// run after run, under the same load. On a shared machine that is the only comparison that means something.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Extracts `ref`'s shared/ once; returns the entry point to pass to importTs (relative to the repository root). */
export function prepareAgainst(ref) {
	const commit = spawnSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
	if (commit.status !== 0) throw new Error(`--against: ${ref} is not a commit of this repository`);
	const sha = commit.stdout.trim();
	const folder = join('.tmp', 'bench-against', sha);
	const entry = join(folder, 'engine.ts');
	if (!existsSync(join(root, entry))) {
		mkdirSync(join(root, folder), { recursive: true });
		const archive = spawnSync('git', ['archive', '--format=tar', sha, 'shared'], { cwd: root, maxBuffer: 1 << 28 });
		const extract = spawnSync('tar', ['-x', '-C', join(root, folder)], { input: archive.stdout });
		if (archive.status !== 0 || extract.status !== 0) throw new Error(`--against: could not extract shared/ from ${ref}`);
		writeFileSync(join(root, entry), "export { clusterTickets } from './shared/patterns/clusters';\n");
	}
	return { entry, label: `${ref} (${sha.slice(0, 7)})` };
}
