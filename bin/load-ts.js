// Runs the TypeScript sources of this package in Node 20, which cannot run TypeScript itself: esbuild bundles an
// entry point in memory (a few tenths of a second) and the bundle is imported from a data: URL. Nothing is written
// to disk and nothing can be stale, so there is no build step to remember before `npx glpi-improve`.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A bundle runs from a data: URL, where import.meta.dirname and import.meta.url would no longer name the source
 * file: they are written into each of our TypeScript files as the constants they were.
 * @type {import('esbuild').Plugin}
 */
const sourceLocation = {
	name: 'source-location',
	setup(build) {
		build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
			if (path.includes('node_modules')) return undefined;
			const source = await readFile(path, 'utf8');
			return {
				loader: 'ts',
				contents: source
					.replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
					.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
			};
		});
	},
};

/**
 * @param {string} entry path relative to the repository root
 * @returns {Promise<any>} the entry's module
 */
export async function importTs(entry) {
	/** @type {typeof import('esbuild')} */
	let esbuild;
	try {
		esbuild = await import('esbuild');
	} catch {
		process.stderr.write('glpi-improve: esbuild is missing; run `npm install` in the glpi-improve folder first.\n');
		process.exit(1);
	}
	const result = await esbuild.build({
		entryPoints: [`${root}/${entry}`],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		write: false,
		logLevel: 'silent',
		sourcemap: 'inline',
		// Packages are bundled too: a module loaded from a data: URL cannot resolve "zod" in node_modules.
		plugins: [sourceLocation],
	});
	const code = result.outputFiles[0]?.text ?? '';
	return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
