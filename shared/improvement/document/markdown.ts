import type { PlanDocument } from './model';

/** A cell of a Markdown table: pipes escaped, line breaks folded, and nothing a wiki would read as HTML or a link. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;')).replace(/\s*\n\s*/g, ' ');
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
	[`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((line) => `| ${line.map(cell).join(' | ')} |`)].join('\n');

/** The plan as Markdown for a wiki (GLPI's knowledge base, a team wiki): the same sections as the HTML page. */
export function renderPlanMarkdown(doc: PlanDocument): string {
	const { labels } = doc;
	const c = labels.columns;
	const f = labels.figureColumns;
	const parts = [`# ${cell(doc.title)}`, `${cell(doc.period)}  \n${cell(doc.generated)}`, `## ${labels.changes}`, doc.changes.map((line) => `- ${cell(line)}`).join('\n')];
	for (const { name, lines } of doc.stages) {
		parts.push(`## ${name} (${lines.length})`);
		parts.push(
			lines.length
				? table(
						[c.item, c.owner, c.objective, c.measure, c.baseline, c.target, c.review, c.verdict, c.cause],
						lines.map((line) => [line.title, line.owner, line.objective, line.measure, line.baseline, line.target, line.review, line.verdict, line.cause]),
					)
				: labels.noItems,
		);
	}
	parts.push(`## ${labels.figures}`);
	parts.push(
		doc.figures.length
			? `${table([f.category, f.opened, f.medianHours, f.lateShare, f.reopenShare, f.satisfaction, f.trend], doc.figures.map((line) => [line.category, ...line.cells]))}\n\n${labels.figuresNote}`
			: labels.figuresNone,
	);
	return `${parts.join('\n\n')}\n`;
}
