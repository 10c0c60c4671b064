import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PatternSchema } from '../../shared/schemas/signal';
import { PROJECT_ROOT } from './support/data';

const BIN = join(PROJECT_ROOT, 'bin/glpi-improve.js');
const dir = mkdtempSync(join(tmpdir(), 'glpi-improve-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command line as a user would, in a child process. */
function cli(...args: string[]) {
	const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

const row = (...fields: string[]) => `${fields.map((f) => `"${f}"`).join(';')};`;
const day = (n: number) => `2026-10-${String(n).padStart(2, '0')} 09:00`;
/** An export with a VPN burst in the last week over a quiet baseline, a late ticket, a refused solution, and a title that tries to inject markup. */
const EXPORT = `\uFEFF${[
	row('ID', 'Title', 'Status', 'Opening date', 'Resolution date', 'Time to resolve', 'Category', 'Satisfaction', 'Last solution status'),
	row('1', 'VPN disconnects every 10 minutes', 'Closed', day(1), day(2), day(3), 'Network > VPN', '4', ''),
	row('2', 'VPN disconnects every 5 minutes', 'Solved', day(12), day(13), day(13), 'Network > VPN', '5', ''),
	row('3', 'Printer jam on HP-2F', 'Closed', day(5), day(9), day(6), 'Printing', '2', 'Refused'),
	row('4', 'VPN disconnects all the time', 'New', day(26), '', '', 'Network > VPN', '', ''),
	row('5', 'VPN disconnects at login', 'New', day(27), '', '', 'Network > VPN', '', ''),
	row('6', 'VPN disconnects every minute', 'New', day(28), '', '', 'Network > VPN', '', ''),
	row('7', '<script>alert(1)</script> & <img src=x onerror=alert(2)>', 'New', day(20), '', day(21), '<b>Email</b>', '', ''),
].join('\n')}`;

describe('glpi-improve patterns', { timeout: 60_000 }, () => {
	const csv = file('export.csv', EXPORT);

	it('prints the patterns as text', () => {
		const { code, stdout, stderr } = cli('patterns', csv);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toMatch(/Near-duplicate clusters .*: 1/);
		expect(stdout).toMatch(/5 tickets +"[a-z ]*vpn[a-z ]*" +Network > VPN +#1 #2 #4 #5 #6/);
		// 3 VPN tickets this week against 2 in the three weeks before: chance would give as many 8 % of the time,
		// no spike once the cells tried are counted (issue 16).
		expect(stdout).toMatch(/Now: No spike\./);
		expect(stdout).toMatch(/Reopen loops: 1\n +#3 +Printing +solution refused/);
		expect(stdout).toMatch(/Late tickets: 2\n +#7 +<b>Email<\/b> +7.0 d overdue +still open\n +#3 +Printing +3.0 d overdue/);
	});

	it('writes JSON with the patterns in the form the extension syncs', () => {
		const { code, stdout } = cli('patterns', csv, '--format', 'json');
		expect(code).toBe(0);
		const report = JSON.parse(stdout);
		expect(report.asOf).toBe('2026-10-28T09:00:00.000Z');
		expect(report.clusters[0].ticketIds).toEqual([1, 2, 4, 5, 6]);
		expect(report.indicators[0].overall).toMatchObject({ volume: 7, solved: 3, satisfaction: 11 / 3 });
		for (const pattern of report.patterns) expect(PatternSchema.parse(pattern)).toEqual(pattern);
		expect(report.patterns.map((p: { type: string }) => p.type).sort()).toEqual(['duplicates', 'reopen']);
	});

	it('writes a self-contained HTML report with charts, where ticket text cannot inject markup', () => {
		const out = join(dir, 'report.html');
		const { code, stdout } = cli('patterns', csv, '--format', 'html', '--out', out, '--lang', 'fr');
		expect(code).toBe(0);
		expect(stdout).toBe('');
		const html = readFileSync(out, 'utf8');
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<html lang="fr">');
		expect(html).toContain("default-src 'none'");
		expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
		expect(html).not.toMatch(/<(script|img|iframe|object|embed|link|a)\b|href=|url\(/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
		expect(html).toContain('&lt;b&gt;Email&lt;/b&gt;');
		expect(html).not.toContain('<b>');
	});

	it('links ticket ids to GLPI with --glpi-url, and refuses an address that is not http(s) (issue 16)', () => {
		const { code, stdout } = cli('patterns', csv, '--format', 'html', '--glpi-url', 'https://glpi.example/glpi/front/ticket.php?x=1&y=2');
		expect(code).toBe(0);
		expect(stdout).toContain('<a href="https://glpi.example/glpi/front/ticket.form.php?id=1" rel="noreferrer">#1</a>');
		expect(stdout).toContain('<a href="https://glpi.example/glpi/front/ticket.form.php?id=3" rel="noreferrer">#3</a>');
		expect(stdout).not.toMatch(/<(script|img|iframe|object|embed|link)\b|url\(/i);
		const bad = cli('patterns', csv, '--format', 'html', '--glpi-url', 'javascript:alert(1)');
		expect(bad).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^glpi-improve: --glpi-url must be GLPI's http or https address/) });
	});

	it('takes the spike window and baseline from the options', () => {
		const { stdout } = cli('patterns', csv, '--window', '3', '--baseline', '20', '--format', 'json');
		expect(JSON.parse(stdout).settings).toMatchObject({ windowDays: 3, baselineDays: 20 });
	});

	it('names the line and the problem of a bad file, and exits with 1', () => {
		const bad = file('bad.csv', EXPORT.replace(day(12), 'yesterday'));
		const { code, stdout, stderr } = cli('patterns', bad);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toBe(`glpi-improve: ${bad}, line 3: the date "yesterday" in column Opening date is not a date\n`);
		expect(cli('patterns', join(dir, 'missing.csv'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read .*missing.csv: no such file\n$/) });
		expect(cli('patterns', dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read .*: it is a folder, not a file\n$/) });
	});

	it('reads an export saved again by Excel in Windows-1252, and says so (issue 16)', () => {
		const cp1252 = file('cp1252.csv', '');
		writeFileSync(cp1252, Buffer.from('ID;Title;Category\n1;Imprimante bloqu\xe9e;Mat\xe9riel\n2;\x93Caf\xe9\x94 renvers\xe9;Mat\xe9riel\n', 'latin1'));
		const { code, stdout, stderr } = cli('patterns', cp1252, '--format', 'json');
		expect(code).toBe(0);
		expect(stderr).toMatch(/not UTF-8, read as Windows-1252/);
		expect(JSON.stringify(JSON.parse(stdout))).not.toContain('\uFFFD');
	});

	it('says in the report itself that it read the file as Windows-1252, in text, JSON and HTML (issue 16)', () => {
		const cp1252 = file('cp1252-notice.csv', '');
		writeFileSync(cp1252, Buffer.from('ID;Title;Category\n1;Imprimante bloqu\xe9e;Mat\xe9riel\n', 'latin1'));
		expect(cli('patterns', cp1252).stdout).toMatch(/^Ticket patterns\n.*\nRead as Windows-1252: the file is not in UTF-8/);
		expect(cli('patterns', cp1252, '--lang', 'fr', '--format', 'html').stdout).toContain('<p class="notice">Lu en Windows-1252');
		expect(JSON.parse(cli('patterns', cp1252, '--format', 'json').stdout).source.encoding).toBe('windows-1252');
		expect(cli('patterns', csv).stdout).not.toContain('Windows-1252');
	});

	it('names an archive as an archive, not as text in another encoding (issue 16)', () => {
		const zip = file('export.zip', '');
		writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
		expect(cli('patterns', zip)).toMatchObject({ code: 1, stderr: expect.stringMatching(/is a ZIP archive, not a CSV export: extract the .csv/) });
		const gz = file('export.csv.gz', '');
		writeFileSync(gz, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
		expect(cli('patterns', gz).stderr).toMatch(/gzip-compressed file, not a CSV export/);
	});

	it('explains its usage: 0 for --help, 2 for a wrong command line', () => {
		expect(cli('--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: glpi-improve patterns <export.csv>/) });
		for (const args of [[], ['patterns'], ['cluster', csv], ['patterns', csv, '--format', 'pdf'], ['patterns', csv, '--bogus'], ['patterns', csv, '--window', '0']]) {
			const { code, stderr } = cli(...args);
			expect(code, args.join(' ')).toBe(2);
			expect(stderr).toMatch(/^glpi-improve: .+\n\nUsage:/);
		}
	});
});
