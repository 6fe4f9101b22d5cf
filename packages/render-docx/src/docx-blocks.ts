/** @internal Body blocks → docx paragraphs, or placeholders for tables and charts written as XML. */
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { BodyBlock, HeadingBlock, InlineRun } from '@pccovid-inspect/core/documents';
import { AFTER, BODY_LINE_EXACT, INDENT, SIZES, halfPoints } from './docx-style.js';
import { docRuns, textRun } from './docx-runs.js';
import { tableXml } from './docx-table-xml.js';
import { chartXml, SERIES_FILLS } from './docx-chart-xml.js';
import type { CellStyles } from './docx-cell-styles.js';

/** What block conversion needs: the cell styles, and a way to leave a placeholder for raw XML. */
export interface BlockContext {
  styles: CellStyles;
  /** Returns a paragraph that `docx-package.ts` will replace by `xml`. */
  placeholder(xml: string): Paragraph;
}

const ALIGN = { justify: AlignmentType.JUSTIFIED, left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function run(text: string, emphasis: { bold?: boolean; italic?: boolean } = {}): InlineRun {
  return { text, bold: emphasis.bold ?? false, italic: emphasis.italic ?? false, underline: false };
}

function textParagraph(runs: readonly InlineRun[], options: { align?: keyof typeof ALIGN; indent?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'justify'],
    indent: { firstLine: options.indent === false ? 0 : INDENT },
    spacing: { before: 0, after: AFTER, line: BODY_LINE_EXACT, lineRule: LineRuleType.EXACT },
    keepNext: options.keepNext,
    children: docRuns(runs),
  });
}

function headingParagraph(h: HeadingBlock): Paragraph {
  const strong = h.level !== 'point';
  const runs: InlineRun[] = [run(h.label, { bold: strong })];
  if (h.text !== '') runs.push(run(` ${h.text}`, { bold: strong }));
  h.continuation.forEach((r, i) => runs.push(i === 0 ? { ...r, text: ` ${r.text}` } : r));
  return textParagraph(runs, { keepNext: h.continuation.length === 0 });
}

function caption(text: string, italics = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 0, after: 80, line: 240 },
    indent: { firstLine: 0 },
    children: [textRun(text, { bold: true, italics, size: halfPoints(SIZES.tableCaption) })],
  });
}

function spaceAfter(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: AFTER, line: 240 }, indent: { firstLine: 0 }, run: { size: 8 } });
}

/** The paragraphs (and placeholders) of one body block. */
export function docxBlock(block: BodyBlock, ctx: BlockContext): Paragraph[] {
  switch (block.type) {
    case 'paragraph':
      return [textParagraph(block.runs, { align: block.align, indent: block.firstLineIndent })];
    case 'heading':
      return [headingParagraph(block)];
    case 'bullet':
      return [textParagraph([run(`${block.marker} `), ...block.runs])];
    case 'basis':
      return [textParagraph([run(block.text, { italic: true })])];
    case 'table': {
      const out = block.caption === null ? [] : [caption(block.caption)];
      out.push(ctx.placeholder(tableXml(block, ctx.styles)), spaceAfter());
      return out;
    }
    case 'barChart': {
      const out = [caption(block.title, true)];
      if (block.series.length > 1) {
        const legend: TextRun[] = [];
        block.series.forEach((s, i) => {
          legend.push(new TextRun({ text: '■ ', color: SERIES_FILLS[i % SERIES_FILLS.length], size: halfPoints(SIZES.chartLabel) }));
          legend.push(textRun(`${s.name}    `, { size: halfPoints(SIZES.chartLabel) }));
        });
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 60, line: 240 }, indent: { firstLine: 0 }, children: legend }));
      }
      out.push(ctx.placeholder(chartXml(block, ctx.styles)), spaceAfter());
      return out;
    }
  }
}
