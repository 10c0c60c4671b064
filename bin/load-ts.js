// Runs the TypeScript sources of this package in Node 20, which cannot run TypeScript itself: esbuild bundles an
// entry point in memory (about 0.1 s) and the bundle is imported from a data: URL. Nothing is written to disk and
// nothing can be stale, so there is no build step to remember before `npx glpi-improve`.
import { fileURLToPath } from 'node:url';

/** @param {string} entry path relative to the repository root */
export async function importTs(entry) {
	/** @type {typeof import('esbuild')} */
	let esbuild;
	try {
		esbuild = await import('esbuild');
	} catch {
		process.stderr.write('glpi-improve: esbuild is missing; run `npm install` in the glpi-improve folder first.\n');
		process.exit(1);
	}
	const root = fileURLToPath(new URL('..', import.meta.url));
	const result = await esbuild.build({
		entryPoints: [`${root}/${entry}`],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		write: false,
		logLevel: 'silent',
		sourcemap: 'inline',
	});
	const code = result.outputFiles[0]?.text ?? '';
	return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
