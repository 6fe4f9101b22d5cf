/** @internal Paragraphs, headings, bullets and basis lines, Decree 30 style. */
import type { Content, ContentText } from 'pdfmake/interfaces';
import { decree30LinePitchPt, estimateBlockLines, keepsWithNext, type BodyBlock, type HeadingBlock, type InlineRun } from '@pccovid-inspect/core/documents';
import { match } from './pdf-match.js';
import { AFTER, INDENT, keepWithNextLevel } from './pdf-style.js';
import { justifiedInlines } from './pdf-inline.js';
import { pdfTable, tableLeadPt } from './pdf-table.js';
import { chartLeadPt, pdfBarChart } from './pdf-chart.js';

const PITCH = decree30LinePitchPt();

function plain(text: string, emphasis: { bold?: boolean; italic?: boolean } = {}): InlineRun {
  return { text, bold: emphasis.bold ?? false, italic: emphasis.italic ?? false, underline: false };
}

function textBlock(runs: readonly InlineRun[], options: { align?: ContentText['alignment']; indent?: boolean } = {}): Content {
  const alignment = options.align ?? 'justify';
  const out: ContentText = {
    text: justifiedInlines(runs, { justify: alignment === 'justify' }),
    alignment,
    margin: [0, 0, 0, AFTER],
  };
  if (options.indent ?? true) out.leadingIndent = INDENT;
  return out;
}

function headingContent(h: HeadingBlock, roomPt: number | null): Content {
  const strong = h.level !== 'point';
  const runs: InlineRun[] = [plain(h.label, { bold: strong })];
  if (h.text !== '') runs.push(plain(` ${h.text}`, { bold: strong }));
  h.continuation.forEach((r, i) => runs.push(i === 0 ? { ...r, text: ` ${r.text}` } : r));
  const text = textBlock(runs) as ContentText;
  return roomPt === null ? text : { ...text, headlineLevel: keepWithNextLevel(roomPt) };
}

/** The height of a block's first lines that must stay with what keeps with it: two lines, a table's lead, a chart. */
function leadPt(blocks: readonly BodyBlock[], i: number): number {
  const block = blocks[i];
  if (block === undefined) return 0;
  switch (block.type) {
    case 'heading':
      return roomBelowTop(blocks, i);
    case 'table':
      return tableLeadPt(block);
    case 'barChart':
      return chartLeadPt(block);
    case 'paragraph':
    case 'bullet':
    case 'basis':
      return Math.min(2, estimateBlockLines(block)) * PITCH;
  }
}

/** The room a heading needs below its top: its own lines, then the lead of what follows. */
function roomBelowTop(blocks: readonly BodyBlock[], i: number): number {
  const block = blocks[i] as BodyBlock;
  return estimateBlockLines(block) * PITCH + AFTER + leadPt(blocks, i + 1);
}

/**
 * Body blocks as pdfmake content, with the keep rules: a heading that keeps with what follows
 * (core's `keepsWithNext`) is marked with the room it needs (see `keepWithNextLevel`). Blocks in
 * an unbreakable group (`marked: false`) are left unmarked: a page break inside one would cut it.
 */
export function pdfBlocks(blocks: readonly BodyBlock[], options: { marked?: boolean } = {}): Content[] {
  return blocks.map((block, i) => {
    if (block.type === 'heading') return headingContent(block, options.marked !== false && keepsWithNext(block) && i + 1 < blocks.length ? roomBelowTop(blocks, i) : null);
    return pdfBlock(block, options);
  });
}

/** One body block as pdfmake content (a heading unmarked: see {@link pdfBlocks}). */
export function pdfBlock(block: BodyBlock, options: { marked?: boolean } = {}): Content {
  return match(block, {
    paragraph: (p) => textBlock(p.runs, { align: p.align, indent: p.firstLineIndent }),
    heading: (h) => headingContent(h, null),
    bullet: (b) => textBlock([plain(`${b.marker} `), ...b.runs]),
    basis: (b) => textBlock([plain(b.text, { italic: true })]),
    table: (t) => pdfTable(t, options.marked !== false),
    barChart: pdfBarChart,
  });
}
