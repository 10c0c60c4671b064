import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from './glpi-pages';

/**
 * The modules an entry of the extension loads before it runs (the popup's, before its first paint): its static
 * imports, followed through our sources (`import type` is erased; a dynamic `import()` loads later, on demand).
 * Packages are listed by name, as `package:<name>`.
 */
export function staticImports(entry: string): Set<string> {
	const seen = new Set<string>();
	const visit = (file: string) => {
		const name = relative(PROJECT_ROOT, file);
		if (seen.has(name)) return;
		seen.add(name);
		const source = readFileSync(file, 'utf8');
		for (const [, specifier] of source.matchAll(/^import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
			if (!specifier?.startsWith('.')) {
				seen.add(`package:${specifier?.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier?.split('/')[0]}`);
				continue;
			}
			// A query asks Vite for another form of the same file (`?inline`: a stylesheet's text, bundled in the module).
			const base = resolve(dirname(file), specifier.replace(/\?.*$/, ''));
			const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => /\.(tsx?|css)$/.test(path) && existsSync(path));
			if (!found) throw new Error(`${name}: cannot resolve ${specifier}`);
			if (found.endsWith('.css')) seen.add(relative(PROJECT_ROOT, found));
			else visit(found);
		}
	};
	visit(join(PROJECT_ROOT, entry));
	return seen;
}
