/**
 * @internal Horizontal bar charts drawn as vectors: canvas rectangles with text labels beside them.
 * A chart never splits across pages: it is one unbreakable block, or — when longer than core's
 * `barChartPieces` allows on a page — unbreakable pieces, the title with the first.
 */
import type { Column, Content, TableCell } from 'pdfmake/interfaces';
import { DECREE30_KEEP, barChartPieces, barChartScale, formatChartValue, type BarChartBlock } from '@pccovid-inspect/core/documents';
import { AFTER, SIZES, TEXT_WIDTH } from './pdf-style.js';

/** Series fills: dark enough to print in black and white. */
export const SERIES_COLOURS = ['#1f3864', '#7f7f7f', '#c55a11', '#385723', '#7030a0', '#000000'];

const LABEL_SHARE = DECREE30_KEEP.chartLabelShare;
const VALUE_WIDTH = 44;
const BAR_HEIGHT = 9;

function swatch(colour: string): Column {
  return { canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, color: colour }], width: 12 };
}

/** The height of a chart's first piece (title, legend, bars): it moves to a new page whole. */
export function chartLeadPt(chart: BarChartBlock): number {
  const first = barChartPieces(chart)[0]?.heightPt ?? 0;
  return SIZES.tableCaption * 1.2 + 4 + (chart.series.length > 1 ? SIZES.chartLabel * 1.2 + 4 : 0) + first;
}

export function pdfBarChart(chart: BarChartBlock): Content {
  const scale = barChartScale(chart);
  const labelWidth = TEXT_WIDTH * LABEL_SHARE;
  const barArea = TEXT_WIDTH - labelWidth - VALUE_WIDTH - 12;
  const pieces: Content[] = [];
  for (const [p, piece] of barChartPieces(chart).entries()) {
    const body: TableCell[][] = [];
    for (const c of piece.categories) {
      const category = chart.categories[c] ?? '';
      chart.series.forEach((series, s) => {
        const value = series.values[c] ?? 0;
        const length = Math.max(0, Math.min(1, value / scale)) * barArea;
        const colour = SERIES_COLOURS[s % SERIES_COLOURS.length] ?? '#000000';
        body.push([
          s === 0 ? { text: category, rowSpan: chart.series.length, alignment: 'right' } : '',
          { canvas: [{ type: 'rect', x: 0, y: 1, w: Math.max(length, 0.01), h: BAR_HEIGHT, color: colour }] },
          { text: formatChartValue(value, chart.unit) },
        ]);
      });
    }
    const stack: Content[] = [];
    if (p === 0) {
      stack.push({ text: chart.title, bold: true, italics: true, alignment: 'center', fontSize: SIZES.tableCaption, margin: [0, 0, 0, 4] });
      if (chart.series.length > 1) {
        stack.push({
          columns: chart.series.map((series, s) => ({
            columns: [swatch(SERIES_COLOURS[s % SERIES_COLOURS.length] ?? '#000000'), { text: series.name, width: 'auto' }],
            width: 'auto',
            columnGap: 2,
          })),
          columnGap: 12,
          fontSize: SIZES.chartLabel,
          margin: [labelWidth + 6, 0, 0, 4],
        });
      }
    }
    stack.push({
      table: { widths: [labelWidth, barArea, VALUE_WIDTH], body, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (i) => (i === 1 ? 0.6 : 0),
        paddingLeft: (i) => (i === 1 ? 0 : 3),
        paddingRight: () => 3,
        paddingTop: () => 1.5,
        paddingBottom: () => 1.5,
      },
      fontSize: SIZES.chartLabel,
      lineHeight: 1,
    });
    pieces.push({ stack, unbreakable: true });
  }
  return { stack: pieces, margin: [0, 0, 0, AFTER * 2] };
}
