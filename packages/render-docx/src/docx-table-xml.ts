/**
 * @internal Data tables written straight to WordprocessingML.
 *
 * The docx package builds an object per cell, paragraph and run, then serialises the tree — for a
 * 5,000 × 8 annex about 12× slower and 6× the memory of writing the XML directly. Every data table
 * (small or large, so there is one code path) is therefore written here as a string and spliced into
 * `word/document.xml` after the docx package has packed the rest (see `docx-package.ts`).
 */
import type { TableBlock } from '@pccovid-inspect/core/documents';
import { TEXT_WIDTH, halfPoints } from './docx-style.js';
import { escapeXml } from './docx-xml.js';
import type { CellStyles } from './docx-cell-styles.js';

const CELL_MARGIN_X = 57;
const CELL_MARGIN_Y = 20;
const BORDER = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
const BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(BORDER).join('')}</w:tblBorders>`;

/** Column widths in twips from relative weights, summing exactly to `total`. */
export function gridWidths(weights: readonly number[], total = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

/** `<w:tblPr>` and `<w:tblGrid>` of a table `widths` wide. */
export function tableStart(widths: readonly number[], borders = BORDERS): string {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${borders}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${CELL_MARGIN_Y}" w:type="dxa"/><w:left w:w="${CELL_MARGIN_X}" w:type="dxa"/>` +
    `<w:bottom w:w="${CELL_MARGIN_Y}" w:type="dxa"/><w:right w:w="${CELL_MARGIN_X}" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
  );
}

/**
 * The `<w:tbl>` of a data table; its header row is marked `w:tblHeader` so Word repeats it on every
 * page, and kept with the first row; no row splits across pages (`w:cantSplit`).
 */
export function tableXml(table: TableBlock, styles: CellStyles, options: { keepWithNext?: boolean } = {}): string {
  const keepAll = options.keepWithNext === true;
  const size = halfPoints(table.fontSizePt);
  const widths = gridWidths(table.columns.map((c) => c.width));
  // LibreOffice keeps a table with the next paragraph only when every cell paragraph keeps with the
  // next by its own properties (a paragraph style's keep-with-next is not enough): a table kept with
  // the signature block says so on each cell paragraph as well as through its style.
  const direct = keepAll ? '<w:keepNext/><w:keepLines/>' : '';
  const open = (i: number, style: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/>${direct}</w:pPr><w:r><w:t xml:space="preserve">`;
  const CLOSE = '</w:t></w:r></w:p></w:tc>';
  // The header row keeps with the first body row (Word moves both to the next page together).
  const headOpen = table.columns.map((_, i) => open(i, styles.id(size, 'center', true, keepAll || table.rows.length > 0)));
  // A table kept with the signature block keeps every row with the next.
  const bodyOpen = table.columns.map((c, i) => open(i, styles.id(size, c.align, false, keepAll)));
  const footOpen = table.columns.map((c, i) => open(i, styles.id(size, c.align, true, keepAll)));

  const parts: string[] = [tableStart(widths)];
  parts.push(table.repeatHeader ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>');
  table.columns.forEach((c, i) => parts.push(headOpen[i] + escapeXml(c.title) + CLOSE));
  parts.push('</w:tr>');
  const n = table.columns.length;
  const writeRow = (row: readonly string[], open: string[]) => {
    let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let i = 0; i < n; i++) xml += open[i] + escapeXml(row[i] ?? '') + CLOSE;
    parts.push(`${xml}</w:tr>`);
  };
  for (const row of table.rows) writeRow(row, bodyOpen);
  for (const row of table.footerRows) writeRow(row, footOpen);
  parts.push('</w:tbl>');
  return parts.join('');
}
