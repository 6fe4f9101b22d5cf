/**
 * @internal Horizontal bar charts as PNG images drawn from the chart's data with the PDF
 * renderer's geometry (label column 34 % of the text width, 9 pt bars, the value after the bar
 * area, the same series colours) and its font (Tinos 11 pt), at 216 dpi. Each image is a single
 * inline picture, so Word and LibreOffice never split it across pages; a chart longer than core's
 * `barChartPieces` allows on a page is drawn as several pictures. The alt text of each
 * picture carries its categories and values as text.
 */
import { DECREE30_KEEP, barChartPieces, barChartScale, formatChartValue, type BarChartBlock } from '@pccovid-inspect/core/documents';
import { SIZES, TEXT_WIDTH_PT } from './docx-style.js';
import { Raster, tinos, type OutlineFont } from './docx-raster.js';

/** Series fills (hex, no #), dark enough to print in black and white; the same as the PDF renderer's. */
export const SERIES_FILLS = ['1F3864', '7F7F7F', 'C55A11', '385723', '7030A0', '000000'];

const LABEL_SHARE = DECREE30_KEEP.chartLabelShare;
const VALUE_WIDTH = 44;
const BAR_HEIGHT = 9;
const PAD = 3;
/** Pixels per point: 216 dpi. */
const SCALE = 3;

/** One picture of a chart: PNG bytes, its size on the page in points, and its alt text. */
export interface ChartPicture {
  png: Uint8Array;
  widthPt: number;
  heightPt: number;
  description: string;
}

function wrap(font: OutlineFont, text: string, sizePx: number, widthPx: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && Raster.measure(font, next, sizePx) > widthPx) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** The pictures of a bar chart, top to bottom. */
export function chartPictures(chart: BarChartBlock): ChartPicture[] {
  const font = tinos('regular');
  const size = SIZES.chartLabel;
  const lineH = size * 1.15;
  const rowH = Math.max(BAR_HEIGHT, lineH) + PAD;
  const labelWidth = TEXT_WIDTH_PT * LABEL_SHARE;
  const barArea = TEXT_WIDTH_PT - labelWidth - VALUE_WIDTH - 12;
  const scale = barChartScale(chart);
  const ascent = size * 0.891; // Tinos ascent (1825/2048 em)
  const pictures: ChartPicture[] = [];

  for (const [from, piece] of barChartPieces(chart).entries()) {
    const blocks = piece.categories.map((c) => {
      const lines = wrap(font, chart.categories[c] ?? '', size * SCALE, (labelWidth - 2 * PAD) * SCALE);
      return { c, lines, height: Math.max(chart.series.length * rowH, lines.length * lineH + PAD) + PAD };
    });
    const heightPt = blocks.reduce((h, b) => h + b.height, 0) + PAD;
    const raster = new Raster(Math.round(TEXT_WIDTH_PT * SCALE), Math.round(heightPt * SCALE));
    let top = PAD;
    const description: string[] = from === 0 ? [chart.title] : [];
    for (const block of blocks) {
      const labelTop = top + (block.height - block.lines.length * lineH) / 2;
      block.lines.forEach((line, i) => {
        const w = Raster.measure(font, line, size * SCALE);
        raster.drawText(font, line, (labelWidth - PAD) * SCALE - w, (labelTop + i * lineH + ascent) * SCALE, size * SCALE, '#000000');
      });
      const seriesTop = top + (block.height - chart.series.length * rowH) / 2;
      const values: string[] = [];
      chart.series.forEach((series, s) => {
        const value = series.values[block.c] ?? 0;
        const length = Math.max(0, Math.min(1, value / scale)) * barArea;
        const y = seriesTop + s * rowH + (rowH - BAR_HEIGHT) / 2;
        if (length > 0) raster.fillRect(labelWidth * SCALE, y * SCALE, length * SCALE, BAR_HEIGHT * SCALE, `#${SERIES_FILLS[s % SERIES_FILLS.length] ?? '000000'}`);
        const text = formatChartValue(value, chart.unit);
        const baseline = seriesTop + s * rowH + (rowH - lineH) / 2 + ascent;
        raster.drawText(font, text, (labelWidth + barArea + PAD) * SCALE, baseline * SCALE, size * SCALE, '#000000');
        values.push(`${series.name}: ${text}`);
      });
      description.push(`${chart.categories[block.c] ?? ''} — ${values.join('; ')}`);
      top += block.height;
    }
    // The axis: a 0.6 pt rule left of the bars, the chart's full height.
    raster.fillRect(labelWidth * SCALE - 0.9, 0, 1.8, heightPt * SCALE, '#000000');
    pictures.push({ png: raster.toPng(), widthPt: TEXT_WIDTH_PT, heightPt, description: description.join('; ') });
  }
  return pictures;
}
