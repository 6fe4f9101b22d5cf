/** @internal Short horizontal rules drawn as canvas lines, centred in a column. */
import type { Content } from 'pdfmake/interfaces';
import { RULE } from './pdf-style.js';

/** A centred rule `length` points long in a column `columnWidth` points wide. */
export function centredRule(length: number, columnWidth: number, marginTop = 1): Content {
  const len = Math.min(length, columnWidth);
  const x1 = (columnWidth - len) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + len, y2: 0, lineWidth: RULE, lineColor: '#000000' }],
    margin: [0, marginTop, 0, 0],
  };
}
