/**
 * @internal Horizontal bar charts as vector table geometry: each bar is a run of shaded grid cells
 * (50 per full bar), beside its category label and followed by its value. Word and LibreOffice
 * draw them as filled cells — no image.
 */
import { barChartScale, formatChartValue, type BarChartBlock } from '@pccovid-inspect/core/documents';
import { SIZES, TEXT_WIDTH, halfPoints } from './docx-style.js';
import { escapeXml } from './docx-xml.js';
import { tableStart } from './docx-table-xml.js';
import type { CellStyles } from './docx-cell-styles.js';

/** Series fills (hex, no #), dark enough to print in black and white; the same as the PDF renderer's. */
export const SERIES_FILLS = ['1F3864', '7F7F7F', 'C55A11', '385723', '7030A0', '000000'];

const UNITS = 50;
const LABEL_SHARE = 0.34;
const VALUE_WIDTH = 900;
const NO_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="nil"/>`).join('')}</w:tblBorders>`;
const AXIS = '<w:tcBorders><w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>';

export function chartXml(chart: BarChartBlock, styles: CellStyles): string {
  const size = halfPoints(SIZES.chartLabel);
  const label = Math.round(TEXT_WIDTH * LABEL_SHARE);
  const barArea = TEXT_WIDTH - label - VALUE_WIDTH;
  const unit = Math.floor(barArea / UNITS);
  const widths = [label, ...new Array<number>(UNITS).fill(unit), VALUE_WIDTH + (barArea - unit * UNITS)];
  const scale = barChartScale(chart);
  const right = styles.id(size, 'right');
  const left = styles.id(size, 'left');
  const para = (style: string, text: string) =>
    text === ''
      ? `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p>`
      : `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const span = (cells: number, props: string, content: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="${cells * unit}" w:type="dxa"/>${cells > 1 ? `<w:gridSpan w:val="${cells}"/>` : ''}${props}</w:tcPr>${content}</w:tc>`;

  const parts = [tableStart(widths, NO_BORDERS)];
  chart.categories.forEach((category, c) => {
    chart.series.forEach((series, s) => {
      const value = series.values[c] ?? 0;
      const filled = Math.round(Math.max(0, Math.min(1, value / scale)) * UNITS);
      const fill = SERIES_FILLS[s % SERIES_FILLS.length] ?? '000000';
      const merge = chart.series.length > 1 ? (s === 0 ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
      let row = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
      row += `<w:tc><w:tcPr><w:tcW w:w="${label}" w:type="dxa"/>${merge}</w:tcPr>${para(right, s === 0 ? category : '')}</w:tc>`;
      if (filled > 0) row += span(filled, `${AXIS}<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`, para(left, ''));
      if (filled < UNITS) row += span(UNITS - filled, filled > 0 ? '' : AXIS, para(left, ''));
      row += `<w:tc><w:tcPr><w:tcW w:w="${widths[UNITS + 1]}" w:type="dxa"/></w:tcPr>${para(left, formatChartValue(value, chart.unit))}</w:tc>`;
      parts.push(`${row}</w:tr>`);
    });
    // A thin empty row between categories, so bars do not touch.
    parts.push(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="60" w:hRule="exact"/></w:trPr>`);
    parts.push(`<w:tc><w:tcPr><w:tcW w:w="${label}" w:type="dxa"/></w:tcPr>${para(left, '')}</w:tc>`);
    parts.push(span(UNITS, AXIS, para(left, '')));
    parts.push(`<w:tc><w:tcPr><w:tcW w:w="${widths[UNITS + 1]}" w:type="dxa"/></w:tcPr>${para(left, '')}</w:tc></w:tr>`);
  });
  parts.push('</w:tbl>');
  return parts.join('');
}
