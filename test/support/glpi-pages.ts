import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project's root, and the read-only shared folder beside it (CI has it; a fresh clone may not). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(PROJECT_ROOT, '../shared');
export const CAPTURED_DIR = join(SHARED, 'glpi/pages/10.0.17/html');
/** GX_NO_SHARED=1 runs the tests as a clone without ../shared would (our fixtures only). */
export const hasCapturedPages = process.env.GX_NO_SHARED !== '1' && existsSync(join(CAPTURED_DIR, '_index.json'));
export const SKIP_CAPTURED = 'needs ../shared/glpi/pages (the captured GLPI 10.0.17 pages beside the project); skipped';

export interface CapturedPage {
	/** File name without .html, e.g. "10.0.17_ticket_form_open_id5". */
	name: string;
	/** The URL it was captured from, on the capture's host (root or /glpi sub-folder). */
	url: URL;
	html: string;
	/** A full page (an AJAX fragment is not). */
	full: boolean;
}

/** Every captured HTML page with the URL it came from (pages/README.md: root on :8088, sub-folder on :8089). */
export function capturedPages(): CapturedPage[] {
	if (!hasCapturedPages) return [];
	const index = JSON.parse(readFileSync(join(CAPTURED_DIR, '_index.json'), 'utf8')) as Record<string, { url: string } | string>;
	return Object.entries(index).flatMap(([name, entry]) => {
		if (typeof entry === 'string' || !existsSync(join(CAPTURED_DIR, `${name}.html`))) return [];
		const host = name.includes('_subfolder_') ? 'http://127.0.0.1:8089' : 'http://127.0.0.1:8088';
		return [{ name, url: new URL(entry.url, host), html: readFileSync(join(CAPTURED_DIR, `${name}.html`), 'utf8'), full: !name.includes('_ajax_') }];
	});
}

export const capturedFiles = () => (hasCapturedPages ? readdirSync(CAPTURED_DIR) : []);

/** One of our own fixture pages (test/fixtures/glpi). */
export const fixtureHtml = (path: string) => readFileSync(join(PROJECT_ROOT, 'test/fixtures/glpi', path), 'utf8');

/** Which captured main-tab fragment fills which captured form page (GLPI loads it by AJAX; its scripts are not here). */
export const MAIN_TABS: Record<string, string> = {
	'10.0.17_ticket_form_open_id5': '10.0.17_ajax_tab_ticket5_Ticket_main',
	'10.0.17_ticket_form_closed_id1': '10.0.17_ajax_tab_ticket1_Ticket_main',
	'10.0.17_problem_form_id1': '10.0.17_ajax_tab_problem1_Problem_main',
	'10.0.17_change_form_id1': '10.0.17_ajax_tab_change1_Change_main',
	'10.0.17_selfservice_ticket_form_id4': '10.0.17_selfservice_ajax_tab_ticket4_Ticket_main',
	'10.0.17_subfolder_ticket_form_id5': '10.0.17_subfolder_ajax_tab_ticket5_Ticket_main',
};

/** Puts `fragment` inside the first empty `<div … id="tab-<Type>_main-<rand>">` of `page`. */
export function withMainTab(page: string, fragment: string): string {
	return page.replace(/(<div[^>]*id=['"]tab-\w+_main-\d+['"][^>]*>)(\s*<\/div>)/, (_, open: string, close: string) => `${open}${fragment}${close}`);
}

/** A captured page as a user sees it: a form page gets its main tab put in place. */
export function capturedPageAsShown(page: CapturedPage): string {
	const tab = MAIN_TABS[page.name];
	return tab ? withMainTab(page.html, readFileSync(join(CAPTURED_DIR, `${tab}.html`), 'utf8')) : page.html;
}
