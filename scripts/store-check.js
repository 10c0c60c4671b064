// After `wxt zip`: the checks of the Chrome Web Store and Firefox Add-ons on what was zipped (scripts/store-checks.js),
// then web-ext lint on the Firefox build. Exits 1 with the problems listed, so `npm run zip` never leaves an archive a
// store would refuse without saying so.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { offlineEnv } from './offline-env.js';
import { storeProblems } from './store-checks.js';

const root = join(import.meta.dirname, '..');
const problems = ['chrome-mv3', 'firefox-mv3'].flatMap((build) => storeProblems(join(root, 'dist', build)).map((problem) => `${build}: ${problem}`));
let lint;
try {
	lint = execFileSync('npx', ['web-ext', 'lint', '--source-dir', join(root, 'dist/firefox-mv3'), '--output', 'json', '--no-input'], { cwd: root, env: { ...process.env, ...offlineEnv() }, encoding: 'utf8' });
} catch (error) {
	lint = error.stdout ?? '{"errors":[{"code":"WEB_EXT","message":"web-ext lint did not run"}],"summary":{"errors":1,"warnings":0}}';
}
const report = JSON.parse(lint);
for (const entry of report.errors) problems.push(`firefox-mv3: web-ext lint: ${entry.code}: ${entry.message} (${entry.file ?? ''})`);
if (problems.length > 0) {
	console.error(`The store archives are not ready:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`Store checks passed: icons ${'16, 32, 48, 96, 128'} px, name and description lengths, version; web-ext lint 0 errors, ${report.summary.warnings} warnings.`);
