/** @internal Data tables: thin rules, bold centred header row repeated on every page. */
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { DECREE30_KEEP, decree30LinePitchPt, decree30TextHeightPt, measureTimesText, type TableBlock } from '@pccovid-inspect/core/documents';
import { AFTER, SIZES, TEXT_WIDTH, keepWithNextLevel } from './pdf-style.js';

const PAD_X = 3;
const PAD_Y = 2;
const LINE = 0.5;

/** The thin-ruled layout every data table uses. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => PAD_X,
  paddingRight: () => PAD_X,
  paddingTop: () => PAD_Y,
  paddingBottom: () => PAD_Y,
};

/** Column widths in points from relative weights, so the table spans the text width exactly. */
export function columnWidths(weights: readonly number[], total = TEXT_WIDTH): number[] {
  const n = weights.length;
  const available = total - n * 2 * PAD_X - (n + 1) * LINE;
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (available * w) / sum);
}

export function pdfTable(table: TableBlock, marked = true): Content {
  const aligns = table.columns.map((c) => c.align);
  const plain = aligns.map((a) => a === 'left');
  const header: TableCell[] = table.columns.map((c) => ({ text: c.title, bold: true, alignment: 'center' }));
  const body: TableCell[][] = [header];
  for (const row of table.rows) {
    const cells = new Array<TableCell>(row.length);
    for (let i = 0; i < row.length; i++) {
      const text = row[i] ?? '';
      cells[i] = plain[i] ? text : { text, alignment: aligns[i] };
    }
    body.push(cells);
  }
  for (const row of table.footerRows) body.push(row.map((text, i) => ({ text, bold: true, alignment: aligns[i] ?? 'left' })));

  const widths = columnWidths(table.columns.map((c) => c.width));
  const grid: Content = {
    table: {
      headerRows: table.repeatHeader ? 1 : 0,
      // The header row goes to the next page with the first body row, never alone.
      keepWithHeaderRows: table.repeatHeader && table.rows.length > 0 ? DECREE30_KEEP.tableRowsWithHeader : 0,
      // A row never splits across pages — unless one is taller than half a page (pdfmake would
      // then cut it), where it may split.
      dontBreakRows: tallestRowPt(table, widths) < decree30TextHeightPt() / 2,
      widths,
      body,
    },
    layout: TABLE_LAYOUT,
    fontSize: table.fontSizePt,
    lineHeight: 1.05,
    margin: [0, 0, 0, AFTER * 2],
  };
  if (table.caption === null) return grid;
  const caption: Content = { text: table.caption, bold: true, alignment: 'center', fontSize: SIZES.tableCaption, margin: [0, 0, 0, 4] };
  // The caption keeps with the header row and the first row.
  if (marked) caption.headlineLevel = keepWithNextLevel(tableLeadPt(table));
  return { stack: [caption, grid] };
}

const CAPTION_PT = decree30LinePitchPt(SIZES.tableCaption, 1) + 4;

/** The height of a table's lead: its caption, header row and first row (what may not be parted). */
export function tableLeadPt(table: TableBlock): number {
  const widths = columnWidths(table.columns.map((c) => c.width));
  const rows = [table.columns.map((c) => c.title), ...table.rows.slice(0, 1)];
  let h = table.caption === null ? 0 : CAPTION_PT;
  for (const row of rows) h += rowHeightPt(row, widths, table.fontSizePt, row === rows[0]);
  return h;
}

/** A row's height from Times metrics: its tallest wrapped cell, padding and rule. */
function rowHeightPt(row: readonly string[], widths: readonly number[], size: number, bold = false): number {
  let lines = 1;
  row.forEach((text, i) => {
    const width = Math.max(1, widths[i] ?? TEXT_WIDTH);
    const n = Math.ceil((measureTimesText(text, size, bold ? 'bold' : 'regular') * 1.1) / width);
    if (n > lines) lines = n;
  });
  return lines * decree30LinePitchPt(size, 1.05) + 2 * PAD_Y + LINE;
}

/** An upper bound of the height of the tallest row, from Times metrics (every cell wrapped at its column width). */
function tallestRowPt(table: TableBlock, widths: readonly number[]): number {
  const size = table.fontSizePt;
  let tallest = 0;
  for (const row of [...table.rows, ...table.footerRows]) {
    let rowLines = 1;
    for (let i = 0; i < row.length; i++) {
      const text = row[i] ?? '';
      if (text.length < 20) continue;
      // Wrapping loses up to a word per line: count 15% more than the plain width.
      const lines = Math.ceil((measureTimesText(text, size) * 1.15) / Math.max(1, widths[i] ?? TEXT_WIDTH)) + 1;
      if (lines > rowLines) rowLines = lines;
    }
    tallest = Math.max(tallest, rowLines * size * 1.2 + 2 * PAD_Y);
  }
  return tallest;
}
