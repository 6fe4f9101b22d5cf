/**
 * @internal Small constructors for body blocks, so builders read like the document they make.
 * Every block comes out complete (defaults filled), matching `OfficialDocument`'s output type.
 */
import type { InlineRun } from '../model/inline-run.js';
import type { ParagraphBlock } from '../model/paragraph-block.js';
import type { HeadingBlock } from '../model/heading-block.js';
import type { BulletBlock } from '../model/bullet-block.js';
import type { BasisBlock } from '../model/basis-block.js';
import type { TableBlock, TableColumn } from '../model/table-block.js';
import type { BarChartBlock } from '../model/bar-chart-block.js';

/** A plain run. */
export function run(text: string, emphasis: { bold?: boolean; italic?: boolean; underline?: boolean } = {}): InlineRun {
  return { text, bold: emphasis.bold ?? false, italic: emphasis.italic ?? false, underline: emphasis.underline ?? false };
}

/** A bold run. */
export function bold(text: string): InlineRun {
  return run(text, { bold: true });
}

/** An italic run. */
export function italic(text: string): InlineRun {
  return run(text, { italic: true });
}

type RunsLike = string | InlineRun[];

function toRuns(content: RunsLike): InlineRun[] {
  return typeof content === 'string' ? [run(content)] : content;
}

/** A justified, indented paragraph. */
export function paragraph(content: RunsLike, options: { align?: ParagraphBlock['align']; firstLineIndent?: boolean } = {}): ParagraphBlock {
  return { type: 'paragraph', runs: toRuns(content), align: options.align ?? 'justify', firstLineIndent: options.firstLineIndent ?? true };
}

/** A centred, unindented paragraph. */
export function centered(content: RunsLike): ParagraphBlock {
  return paragraph(content, { align: 'center', firstLineIndent: false });
}

/** A "- " bullet line. */
export function bullet(content: RunsLike): BulletBlock {
  return { type: 'bullet', runs: toRuns(content), marker: '-' };
}

/** An outline heading. */
export function heading(level: HeadingBlock['level'], label: string, text: string, continuation: RunsLike = []): HeadingBlock {
  return { type: 'heading', level, label, text, continuation: toRuns(continuation) };
}

/** An italic "Căn cứ …" line. */
export function basis(text: string): BasisBlock {
  return { type: 'basis', text };
}

/** A column definition. */
export function column(title: string, width: number, align: TableColumn['align'] = 'left'): TableColumn {
  return { title, width, align };
}

/** A table with a repeating header row. */
export function table(columns: TableColumn[], rows: string[][], options: { caption?: string | null; footerRows?: string[][]; fontSizePt?: number } = {}): TableBlock {
  return {
    type: 'table',
    caption: options.caption ?? null,
    columns,
    rows,
    footerRows: options.footerRows ?? [],
    repeatHeader: true,
    fontSizePt: options.fontSizePt ?? 12,
  };
}

/** A horizontal bar chart. */
export function barChart(
  title: string,
  categories: string[],
  series: { name: string; values: number[] }[],
  options: { unit?: string; maxValue?: number | null } = {},
): BarChartBlock {
  return { type: 'barChart', title, categories, series, unit: options.unit ?? '', maxValue: options.maxValue ?? null };
}

/**
 * The runs of one finding line: "<item>: **Đạt**. <note>. Số liệu: …. Minh chứng: …." — the
 * verdict, what was seen, the figures recorded and the evidence, each only when there is some.
 */
export function findingRuns(
  f: { label: string; verdict: 'met' | 'not_met' | 'not_applicable'; note: string | null; figures?: readonly string[]; evidence?: readonly string[] },
  verdictLabel: string,
): InlineRun[] {
  const strip = (t: string) => t.replace(/[.;,:\s]+$/u, '');
  const out: InlineRun[] = [run(`${strip(f.label)}: `), bold(verdictLabel), run('.')];
  if (f.note !== null) out.push(run(` ${/[.!?]$/u.test(f.note) ? f.note : `${f.note}.`}`));
  if (f.figures && f.figures.length > 0) out.push(run(` Số liệu: ${f.figures.map(strip).join('; ')}.`));
  if (f.evidence && f.evidence.length > 0) out.push(run(` Minh chứng: ${f.evidence.map(strip).join('; ')}.`));
  return out;
}
