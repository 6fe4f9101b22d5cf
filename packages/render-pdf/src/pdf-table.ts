/** @internal Data tables: thin rules, bold centred header row repeated on every page. */
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import type { TableBlock } from '@pccovid-inspect/core/documents';
import { AFTER, SIZES, TEXT_WIDTH } from './pdf-style.js';

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

export function pdfTable(table: TableBlock): Content {
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

  const grid: Content = {
    table: { headerRows: table.repeatHeader ? 1 : 0, widths: columnWidths(table.columns.map((c) => c.width)), body },
    layout: TABLE_LAYOUT,
    fontSize: table.fontSizePt,
    lineHeight: 1.05,
    margin: [0, 0, 0, AFTER * 2],
  };
  if (table.caption === null) return grid;
  return { stack: [{ text: table.caption, bold: true, alignment: 'center', fontSize: SIZES.tableCaption, margin: [0, 0, 0, 4] }, grid] };
}
