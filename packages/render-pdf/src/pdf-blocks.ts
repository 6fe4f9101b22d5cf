/** @internal Paragraphs, headings, bullets and basis lines, Decree 30 style. */
import type { Content, ContentText } from 'pdfmake/interfaces';
import type { BodyBlock, HeadingBlock, InlineRun } from '@pccovid-inspect/core/documents';
import { match } from './pdf-match.js';
import { AFTER, INDENT } from './pdf-style.js';
import { justifiedInlines } from './pdf-inline.js';
import { pdfTable } from './pdf-table.js';
import { pdfBarChart } from './pdf-chart.js';

function plain(text: string, emphasis: { bold?: boolean; italic?: boolean } = {}): InlineRun {
  return { text, bold: emphasis.bold ?? false, italic: emphasis.italic ?? false, underline: false };
}

function textBlock(runs: readonly InlineRun[], options: { align?: ContentText['alignment']; indent?: boolean } = {}): Content {
  const out: ContentText = {
    text: justifiedInlines(runs),
    alignment: options.align ?? 'justify',
    margin: [0, 0, 0, AFTER],
  };
  if (options.indent ?? true) out.leadingIndent = INDENT;
  return out;
}

function headingContent(h: HeadingBlock): Content {
  const strong = h.level !== 'point';
  const runs: InlineRun[] = [plain(h.label, { bold: strong })];
  if (h.text !== '') runs.push(plain(` ${h.text}`, { bold: strong }));
  h.continuation.forEach((r, i) => runs.push(i === 0 ? { ...r, text: ` ${r.text}` } : r));
  return textBlock(runs);
}

/** One body block as pdfmake content. */
export function pdfBlock(block: BodyBlock): Content {
  return match(block, {
    paragraph: (p) => textBlock(p.runs, { align: p.align, indent: p.firstLineIndent }),
    heading: headingContent,
    bullet: (b) => textBlock([plain(`${b.marker} `), ...b.runs]),
    basis: (b) => textBlock([plain(b.text, { italic: true })]),
    table: pdfTable,
    barChart: pdfBarChart,
  });
}
