import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../worker/services/csv';
import { parseCsv } from '../support/rfc4180';
import { backlogOf, call, createWorkspace, expectError, send, signal } from './helpers';

describe('CSV cells', () => {
	it('quote commas, quotes and line breaks, and neutralise formulas', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
		for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(null)).toBe('');
		expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
	});
});

describe('GET /v1/backlog.csv', () => {
	it('exports every item with the backlog filters, one row each, header first, safely quoted', async () => {
		const workspace = await createWorkspace();
		const hostile = '=cmd|" /C calc"!A0, then "quotes"\nand a new line';
		await send(workspace.tokens.reporter, [signal({ text: hostile }), signal({ kind: 'bug', text: '@SUM(1+1) is what I typed, and it broke' })]);
		for (const start of [0, 60]) {
			await send(workspace.tokens.reporter, Array.from({ length: 60 }, (_, i) => signal({ text: `Bulk idea ${start + i} ${crypto.randomUUID()}` })));
		}
		const hostileItem = (await backlogOf(workspace, '?q=calc')).at(0);
		const note = '-1 line one,\r\n"line two"';
		await call(`/v1/backlog/${hostileItem?.id}`, { method: 'PATCH', token: workspace.tokens.manager, body: { note } });
		const response = await call('/v1/backlog.csv', { token: workspace.tokens.manager });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="backlog-\d{4}-\d{2}-\d{2}\.csv"$/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		// TextDecoder drops the BOM, as spreadsheets do.
		const text = new TextDecoder().decode(bytes);
		expect(text.startsWith('id,title,kind,status,score')).toBe(true);
		const rows = parseCsv(text);
		expect(rows).toHaveLength(123);
		const width = rows[0]?.length;
		for (const row of rows) expect(row).toHaveLength(width ?? 0);
		const titles = rows.slice(1).map((row) => row[1]);
		expect(titles).toContain(`'${hostile.replace(/\s+/g, ' ')}`);
		expect(rows.find((row) => row[0] === hostileItem?.id)?.[13]).toBe(`'${note}`);
		expect(titles).toContain("'@SUM(1+1) is what I typed, and it broke");
		const ranked = (await backlogOf(workspace, '?limit=100')).map((item) => item.id);
		expect(rows.slice(1, 101).map((row) => row[0])).toEqual(ranked);

		const bugs = parseCsv(await (await call('/v1/backlog.csv?kind=bug', { token: workspace.tokens.manager })).text());
		expect(bugs).toHaveLength(2);
		const two = parseCsv(await (await call('/v1/backlog.csv?limit=2&sort=recent', { token: workspace.tokens.manager })).text());
		expect(two).toHaveLength(3);
	});

	it('is for managers, and refuses the list-only cursor', async () => {
		const workspace = await createWorkspace();
		await expectError(call('/v1/backlog.csv', { token: workspace.tokens.technician }), 403, 'forbidden');
		await expectError(call('/v1/backlog.csv?cursor=abc', { token: workspace.tokens.manager }), 400, 'invalid_request');
		await expectError(call('/v1/backlog.csv?limit=10001', { token: workspace.tokens.manager }), 400, 'invalid_request');
	});
});
