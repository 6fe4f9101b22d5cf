/**
 * The page-break rules every renderer applies, so a PDF and a DOCX of the same document break
 * their pages alike and a clerk never finds a signature, a heading or a caption stranded:
 *
 * - a signature block keeps with at least the last {@link DECREE30_KEEP}`.signatureWithLines`
 *   lines of the body (the trailing blocks {@link signatureKeepStart} picks);
 * - headings, table captions and chart titles keep with what follows ({@link keepsWithNext});
 * - table header rows repeat on every page and rows never split; a chart never splits;
 * - no page holds only a signature, or fewer than {@link DECREE30_KEEP}`.minBodyLinesOnPage`
 *   body lines.
 *
 * Line counts are estimates from Times New Roman metrics ({@link estimateBlockLines}): close
 * to what pdfmake and Word produce, and used only to decide what to keep together.
 */
import type { BodyBlock } from '../model/body-block.js';
import type { BarChartBlock } from '../model/bar-chart-block.js';
import type { OfficialDocument } from '../model/official-document.js';
import { DECREE30_LAYOUT, decree30LinePitchPt, decree30TextWidthPt, mmToPt } from './decree30-layout.js';
import { measureTimesText, type TimesStyle } from './times-metrics.js';

/**
 * The numbers of the keep rules.
 *
 * @example
 * ```ts
 * DECREE30_KEEP.signatureWithLines // 3
 * ```
 */
export const DECREE30_KEEP = Object.freeze({
  /** Body lines (at least) a signature block keeps with on its page. */
  signatureWithLines: 3,
  /** The fewest body lines a page may hold; fewer is a widow page. */
  minBodyLinesOnPage: 3,
  /** Body rows of a table kept with its header row (and caption) at the foot of a page. */
  tableRowsWithHeader: 1,
  /**
   * The most body lines kept together with a signature: past this the renderer keeps only the
   * last block's page (a longer block is split by the page as usual).
   */
  maxKeptLines: 24,
  /** The most bars drawn as one unbreakable piece of a chart; longer charts go in pieces. */
  chartCategoriesPerPiece: 24,
  /** The most height of one piece of a chart, as a share of the page's text height. */
  chartPieceMaxPageShare: 0.6,
  /** The share of the text width a chart's category labels take (the bars and values the rest). */
  chartLabelShare: 0.34,
});

/**
 * One piece of a bar chart that never splits across pages: its categories (indices) and its
 * estimated height in points.
 *
 * @example
 * ```ts
 * const piece: BarChartPiece = { categories: [0, 1, 2], heightPt: 96 };
 * ```
 */
export interface BarChartPiece {
  categories: number[];
  heightPt: number;
}

/**
 * A bar chart cut into pieces that each fit well within a page — at most
 * {@link DECREE30_KEEP}`.chartCategoriesPerPiece` bars and
 * {@link DECREE30_KEEP}`.chartPieceMaxPageShare` of the page's height, counting labels that wrap
 * (11 pt, in the label column) — so a renderer can draw each piece unbreakable. Most charts are one
 * piece. The title and legend are not counted.
 *
 * @example
 * ```ts
 * barChartPieces(chart).length // 1
 * ```
 */
export function barChartPieces(chart: Pick<BarChartBlock, 'categories' | 'series'>): BarChartPiece[] {
  const size = DECREE30_LAYOUT.sizesPt.chartLabel;
  const lineH = size * 1.15;
  const rowH = Math.max(9, lineH) + 3;
  const labelWidth = decree30TextWidthPt() * DECREE30_KEEP.chartLabelShare - 6;
  const maxHeight = decree30TextHeightPt() * DECREE30_KEEP.chartPieceMaxPageShare;
  const maxBars = Math.max(1, Math.floor(DECREE30_KEEP.chartCategoriesPerPiece / Math.max(1, chart.series.length)));
  const pieces: BarChartPiece[] = [];
  let current: BarChartPiece = { categories: [], heightPt: 3 };
  chart.categories.forEach((label, i) => {
    const lines = wrapLines(runWords([{ text: label }]), size, labelWidth, 0);
    const h = Math.max(chart.series.length * rowH, lines * lineH + 3) + 3;
    if (current.categories.length > 0 && (current.categories.length >= maxBars || current.heightPt + h > maxHeight)) {
      pieces.push(current);
      current = { categories: [], heightPt: 3 };
    }
    current.categories.push(i);
    current.heightPt += h;
  });
  if (current.categories.length > 0) pieces.push(current);
  return pieces;
}

/**
 * Whether a block keeps with the block after it: headings do (a heading is never the last line
 * of a page). Tables and charts keep their own caption or title with them.
 *
 * @example
 * ```ts
 * keepsWithNext({ type: 'heading', level: 'clause', label: '1.', text: 'Kết luận:', continuation: [] }) // true
 * ```
 */
export function keepsWithNext(block: BodyBlock): boolean {
  return block.type === 'heading';
}

function wrapLines(words: readonly { text: string; style: TimesStyle }[], sizePt: number, widthPt: number, firstIndentPt: number): number {
  let lines = 1;
  let x = firstIndentPt;
  let empty = true;
  const space = measureTimesText(' ', sizePt);
  for (const word of words) {
    const w = measureTimesText(word.text, sizePt, word.style);
    if (!empty && x + w > widthPt) {
      lines++;
      x = 0;
    }
    if (w > widthPt) {
      // A word longer than the line breaks by itself.
      lines += Math.floor(w / widthPt);
      x = (w % widthPt) + space;
    } else {
      x += w + space;
    }
    empty = false;
  }
  return lines;
}

function runWords(runs: readonly { text: string; bold?: boolean; italic?: boolean }[]): { text: string; style: TimesStyle }[] {
  const out: { text: string; style: TimesStyle }[] = [];
  for (const r of runs) {
    const style: TimesStyle = r.bold ? 'bold' : r.italic ? 'italic' : 'regular';
    for (const word of r.text.split(/\s+/u)) if (word !== '') out.push({ text: word, style });
  }
  return out;
}

/**
 * The estimated number of lines a body block takes at the body width: wrapped text for
 * paragraphs, headings, bullets and basis lines; caption, header and one per row (at least) for a
 * table; title and one per bar for a chart.
 *
 * @example
 * ```ts
 * estimateBlockLines({ type: 'basis', text: 'Căn cứ Luật Thanh tra năm 2010;' }) // 1
 * ```
 */
export function estimateBlockLines(block: BodyBlock, widthPt: number = decree30TextWidthPt()): number {
  const size = DECREE30_LAYOUT.sizesPt.body;
  const indent = mmToPt(DECREE30_LAYOUT.firstLineIndentMm);
  switch (block.type) {
    case 'paragraph':
      return wrapLines(runWords(block.runs), size, widthPt, block.firstLineIndent ? indent : 0);
    case 'heading': {
      const strong = block.level !== 'point';
      const runs = [{ text: `${block.label} ${block.text}`, bold: strong }, ...block.continuation];
      return wrapLines(runWords(runs), size, widthPt, indent);
    }
    case 'bullet':
      return wrapLines(runWords([{ text: `${block.marker} ` }, ...block.runs]), size, widthPt, indent);
    case 'basis':
      return wrapLines(runWords([{ text: block.text, italic: true }]), size, widthPt, indent);
    case 'table':
      return (block.caption === null ? 0 : 1) + 1 + block.rows.length + block.footerRows.length;
    case 'barChart':
      return 1 + Math.ceil(barChartPieces(block).reduce((h, p) => h + p.heightPt, 0) / decree30LinePitchPt());
  }
}

/**
 * The index of the first body block that keeps with the signature block: walking back from the
 * end, text blocks are taken until they hold {@link DECREE30_KEEP}`.signatureWithLines` lines
 * (headings before them come too, since they keep with what follows). A table or chart met
 * before that many lines comes whole when it is short (at most
 * {@link DECREE30_KEEP}`.maxKeptLines` lines, with its caption) and ends the walk otherwise.
 * Returns `body.length` when nothing is kept, and never takes more than
 * {@link DECREE30_KEEP}`.maxKeptLines` lines, except the last block itself.
 *
 * @example
 * ```ts
 * signatureKeepStart(doc.body) // e.g. doc.body.length - 2: the last two bullets go with the signature
 * ```
 */
export function signatureKeepStart(body: readonly BodyBlock[], widthPt: number = decree30TextWidthPt()): number {
  let start = body.length;
  let lines = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const block = body[i] as BodyBlock;
    const n = estimateBlockLines(block, widthPt);
    // A table or chart comes only whole, and only when short.
    if ((block.type === 'table' || block.type === 'barChart') && lines + n > DECREE30_KEEP.maxKeptLines) break;
    if (start < body.length && lines + n > DECREE30_KEEP.maxKeptLines && !keepsWithNext(block)) break;
    start = i;
    lines += n;
    if (lines >= DECREE30_KEEP.signatureWithLines && !(i > 0 && keepsWithNext(body[i - 1] as BodyBlock))) break;
  }
  return start;
}

/**
 * The estimated height in points of the given blocks at the body width and line pitch, with the
 * space after each paragraph: for deciding whether a group fits on one page.
 *
 * @example
 * ```ts
 * estimateBlocksHeightPt(doc.body.slice(-2)) // ≈ 60
 * ```
 */
export function estimateBlocksHeightPt(blocks: readonly BodyBlock[], widthPt: number = decree30TextWidthPt()): number {
  let h = 0;
  for (const b of blocks) h += estimateBlockLines(b, widthPt) * decree30LinePitchPt() + DECREE30_LAYOUT.paragraphAfterPt;
  return h;
}

/**
 * The height in points of the text area of a Decree 30 page (A4 less top and bottom margins).
 *
 * @example
 * ```ts
 * decree30TextHeightPt() // ≈ 728.5
 * ```
 */
export function decree30TextHeightPt(): number {
  const { pageMm, marginsMm } = DECREE30_LAYOUT;
  return mmToPt(pageMm.height - marginsMm.top - marginsMm.bottom);
}

/**
 * The instant a renderer writes as the file's creation and modification date: the document's own
 * date — its place-and-date line, else its `date` (minutes print none: the day of the meeting) —
 * at 08:00 in Hà Nội time (UTC+7), the same calendar day in any reader's time zone from UTC−1 to
 * UTC+14; or `null` when the document has no date, so the renderer falls back to its clock.
 *
 * @example
 * ```ts
 * officialDocumentDate(plan)?.toISOString() // '2021-11-26T01:00:00.000Z'
 * ```
 */
export function officialDocumentDate(doc: Pick<OfficialDocument, 'header'> & { date?: string | undefined }): Date | null {
  const date = doc.header.placeAndDate?.date ?? doc.date;
  if (date === undefined) return null;
  return new Date(`${date}T08:00:00+07:00`);
}

/**
 * The author written into a file's metadata: the issuing body as the header prints it, after
 * its parent body ("UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG") — never the tool's name.
 *
 * @example
 * ```ts
 * officialDocumentAuthor(plan) // 'UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG'
 * ```
 */
export function officialDocumentAuthor(doc: Pick<OfficialDocument, 'header'>): string {
  return [doc.header.parentBody, doc.header.issuingBody].filter((s): s is string => s !== null && s !== '').join(' - ');
}
