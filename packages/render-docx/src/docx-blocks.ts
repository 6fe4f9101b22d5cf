/**
 * @internal Body blocks → docx paragraphs, pictures for charts, or placeholders for tables written
 * as XML. Keep rules (core's `DECREE30_KEEP`): headings and captions keep with the next paragraph,
 * the blocks kept with the signature keep with it (keep-with-next and keep-lines-together), every
 * text paragraph has widow/orphan control.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { keepsWithNext, type BodyBlock, type HeadingBlock, type InlineRun } from '@pccovid-inspect/core/documents';
import { AFTER, BODY_LINE_EXACT, INDENT, SIZES, halfPoints } from './docx-style.js';
import { docRuns, textRun } from './docx-runs.js';
import { tableXml } from './docx-table-xml.js';
import { chartPictures, SERIES_FILLS } from './docx-chart-image.js';
import type { CellStyles } from './docx-cell-styles.js';

/** What block conversion needs: the cell styles, and a way to leave a placeholder for raw XML. */
export interface BlockContext {
  styles: CellStyles;
  /** Returns a paragraph that `docx-package.ts` will replace by `xml` (found by its style id, which no text can write). */
  placeholder(xml: string): Paragraph;
  /** The next drawing id (`wp:docPr/@id`): numbered per document, so the same document gives the same bytes. */
  nextDrawingId(): number;
}

/** How a block keeps with the page: with the next block (and its own lines together), or as usual. */
export interface BlockKeep {
  keepNext?: boolean;
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
    keepNext: options.keepNext === true ? true : undefined,
    keepLines: options.keepNext === true ? true : undefined,
    widowControl: true,
    children: docRuns(runs),
  });
}

function headingParagraph(h: HeadingBlock, keep: BlockKeep): Paragraph {
  const strong = h.level !== 'point';
  const runs: InlineRun[] = [run(h.label, { bold: strong })];
  if (h.text !== '') runs.push(run(` ${h.text}`, { bold: strong }));
  h.continuation.forEach((r, i) => runs.push(i === 0 ? { ...r, text: ` ${r.text}` } : r));
  return textParagraph(runs, { keepNext: keep.keepNext === true || keepsWithNext(h) });
}

function caption(text: string, italics = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    keepLines: true,
    spacing: { before: 0, after: 80, line: 240 },
    indent: { firstLine: 0 },
    children: [textRun(text, { bold: true, italics, size: halfPoints(SIZES.tableCaption) })],
  });
}

function spaceAfter(keepNext = false): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: AFTER, line: 240 }, indent: { firstLine: 0 }, keepNext: keepNext ? true : undefined, run: { size: 8 } });
}

/** A chart picture in a paragraph of its own: one inline image, which never splits across pages. */
function pictureParagraph(png: Uint8Array, widthPt: number, heightPt: number, title: string, description: string, id: number, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    keepNext: keepNext ? true : undefined,
    spacing: { before: 0, after: 0, line: 240 },
    indent: { firstLine: 0 },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        // The docx package takes the size in pixels at 96 dpi.
        transformation: { width: Math.round((widthPt * 96) / 72), height: Math.round((heightPt * 96) / 72) },
        altText: { id: String(id), name: `Chart ${id}`, title, description },
      }),
    ],
  });
}

/** The paragraphs (and placeholders) of one body block. */
export function docxBlock(block: BodyBlock, ctx: BlockContext, keep: BlockKeep = {}): Paragraph[] {
  switch (block.type) {
    case 'paragraph':
      return [textParagraph(block.runs, { align: block.align, indent: block.firstLineIndent, keepNext: keep.keepNext })];
    case 'heading':
      return [headingParagraph(block, keep)];
    case 'bullet':
      return [textParagraph([run(`${block.marker} `), ...block.runs], { keepNext: keep.keepNext })];
    case 'basis':
      return [textParagraph([run(block.text, { italic: true })], { keepNext: keep.keepNext })];
    case 'table': {
      const out = block.caption === null ? [] : [caption(block.caption)];
      out.push(ctx.placeholder(tableXml(block, ctx.styles, { keepWithNext: keep.keepNext === true })), spaceAfter(keep.keepNext === true));
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
        out.push(
          new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { after: 60, line: 240 }, indent: { firstLine: 0 }, children: legend }),
        );
      }
      for (const picture of chartPictures(block)) {
        out.push(pictureParagraph(picture.png, picture.widthPt, picture.heightPt, block.title, picture.description, ctx.nextDrawingId(), keep.keepNext === true));
      }
      out.push(spaceAfter(keep.keepNext === true));
      return out;
    }
  }
}
