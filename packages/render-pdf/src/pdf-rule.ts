/** @internal Short horizontal rules drawn as canvas lines, centred in their column. */
import type { Content } from 'pdfmake/interfaces';
import { RULE } from './pdf-style.js';

/**
 * A rule `length` points long, centred in a column `columnWidth` points wide (pdfmake centres a
 * canvas by its own width when the canvas is aligned centre).
 */
export function centredRule(length: number, columnWidth: number, marginTop = 1): Content {
  const len = Math.min(length, columnWidth);
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: len, y2: 0, lineWidth: RULE, lineColor: '#000000' }],
    alignment: 'center',
    margin: [0, marginTop, 0, 0],
  };
}
