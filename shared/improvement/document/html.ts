import type { PlanDocument } from './model';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

const row = (cells: readonly string[], tag = 'td') => `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;

/**
 * The plan as one self-contained HTML page: no script, no outside resource, a print style (A4 landscape, no colour
 * needed, tables that do not break inside a row). Every text is escaped: titles and causes are people's words.
 */
export function renderPlanHtml(doc: PlanDocument, lang: string): string {
	const { labels } = doc;
	const c = labels.columns;
	const stages = doc.stages
		.map(({ name, lines }) => {
			const body = lines.length
				? `<table><thead>${row([c.item, c.owner, c.objective, c.measure, c.baseline, c.target, c.review, c.verdict, c.cause], 'th')}</thead><tbody>${lines
						.map((line) => row([line.title, line.owner, line.objective, line.measure, line.baseline, line.target, line.review, line.verdict, line.cause]))
						.join('')}</tbody></table>`
				: `<p class="none">${escapeHtml(labels.noItems)}</p>`;
			return `<section><h2>${escapeHtml(name)} <span class="count">(${lines.length})</span></h2>${body}</section>`;
		})
		.join('');
	const f = labels.figureColumns;
	const figures = doc.figures.length
		? `<table><thead>${row([f.category, f.opened, f.medianHours, f.lateShare, f.reopenShare, f.satisfaction, f.trend], 'th')}</thead><tbody>${doc.figures
				.map((line) => row([line.category, ...line.cells]))
				.join('')}</tbody></table><p class="note">${escapeHtml(labels.figuresNote)}</p>`
		: `<p class="none">${escapeHtml(labels.figuresNone)}</p>`;
	return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(`${doc.title} — ${doc.period}`)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2433;margin:2rem auto;max-width:80rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #d5dbe5;padding-bottom:.2rem}
.meta{color:#5a6478;margin:0}.count{color:#5a6478;font-weight:normal}.none,.note{color:#5a6478}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #d5dbe5;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#f2f4f8}ul{padding-left:1.2rem}
@media print{@page{size:A4 landscape;margin:12mm}body{margin:0;max-width:none;font-size:11px}th{background:none}tr,li{break-inside:avoid}h2{break-after:avoid}}
</style></head><body>
<h1>${escapeHtml(doc.title)}</h1><p class="meta">${escapeHtml(doc.period)}</p><p class="meta">${escapeHtml(doc.generated)}</p>
<section><h2>${escapeHtml(labels.changes)}</h2><ul>${doc.changes.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>
${stages}
<section><h2>${escapeHtml(labels.figures)}</h2>${figures}</section>
</body></html>
`;
}
