/** @internal The two-column Decree 30 header (a borderless table), the title block and "Kính gửi". */
import { AlignmentType, LineRuleType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { DECREE30_LAYOUT, decree30LinePitchPt, formatAddresseeLines, formatDocumentNumber, formatPlaceAndDate, measureTimesText } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { AFTER, HEADER_COLUMNS, SIZES, TEXT_WIDTH, TEXT_WIDTH_PT, halfPoints, twip } from './docx-style.js';
import { textRun, type RunStyle } from './docx-runs.js';
import { ruleParagraph } from './docx-rule.js';

const ZERO = { top: 0, bottom: 0, left: 0, right: 0 };

/** A centred line with an exact line height: the font's natural height × `spacing` (as pdfmake's lineHeight). */
function line(text: string, style: RunStyle & { before?: number; spacing?: number } = {}): Paragraph {
  const sizePt = (style.size ?? halfPoints(SIZES.body)) / 2;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: 0, line: twip(decree30LinePitchPt(sizePt, style.spacing ?? 1)), lineRule: LineRuleType.EXACT },
    indent: { firstLine: 0 },
    children: [textRun(text, style)],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, margins: ZERO, children: children.length > 0 ? children : [new Paragraph({})] });
}

/** The header table: bodies | national title and motto, then number (and "V/v") | place and date. */
export function docxHeader(doc: OfficialDocument): Table {
  const h = doc.header;
  const { left: L, right: R, overhang } = HEADER_COLUMNS;
  const leftCell: Paragraph[] = [];
  if (h.parentBody !== null) leftCell.push(line(h.parentBody, { size: halfPoints(SIZES.parentBody) }));
  leftCell.push(line(h.issuingBody, { size: halfPoints(SIZES.issuingBody), bold: true }));
  const issuing = Math.min(twip(measureTimesText(h.issuingBody, SIZES.issuingBody, 'bold')), L);
  leftCell.push(ruleParagraph(issuing * DECREE30_LAYOUT.shortRuleShare, L));
  const rightCell: Paragraph[] = [
    line(h.nationalTitle, { size: halfPoints(SIZES.nationalTitle), bold: true }),
    line(h.motto, { size: halfPoints(SIZES.motto), bold: true }),
    ruleParagraph(twip(measureTimesText(h.motto, SIZES.motto, 'bold')), R),
  ];
  const rows = [new TableRow({ children: [cell(L, leftCell), cell(R, rightCell)] })];

  const numberCell: Paragraph[] = [];
  if (h.number !== null) numberCell.push(line(formatDocumentNumber(h.number), { size: halfPoints(SIZES.number), before: 120 }));
  if (h.subjectLine !== null) numberCell.push(line(h.subjectLine, { size: halfPoints(SIZES.subjectLine), before: 120 }));
  const dateCell: Paragraph[] = h.placeAndDate === null ? [] : [line(formatPlaceAndDate(h.placeAndDate), { size: halfPoints(SIZES.placeAndDate), italics: true, before: 120 })];
  if (numberCell.length > 0 || dateCell.length > 0) rows.push(new TableRow({ children: [cell(L, numberCell), cell(R, dateCell)] }));

  return new Table({
    rows,
    borders: TableBorders.NONE,
    layout: TableLayoutType.FIXED,
    width: { size: L + R, type: WidthType.DXA },
    columnWidths: [L, R],
    indent: { size: -overhang, type: WidthType.DXA },
    margins: ZERO,
  });
}

/** The document type and summary, with a short rule under the summary. */
export function docxTitle(doc: OfficialDocument): Paragraph[] {
  if (doc.title === null) return [];
  const out = [line(doc.title.type, { size: halfPoints(SIZES.documentType), bold: true, before: 360, spacing: 1.1 })];
  if (doc.title.summary !== null) {
    out.push(line(doc.title.summary, { size: halfPoints(SIZES.summary), bold: true, spacing: 1.1 }));
    const width = Math.min(measureTimesText(doc.title.summary, SIZES.summary, 'bold'), TEXT_WIDTH_PT);
    out.push(ruleParagraph(twip(width * DECREE30_LAYOUT.shortRuleShare), TEXT_WIDTH));
  }
  out.push(new Paragraph({ spacing: { before: 0, after: AFTER, line: 240 } }));
  return out;
}

/** "Kính gửi: …" — one addressee centred, several listed under the label. */
export function docxAddressees(doc: OfficialDocument): Paragraph[] {
  const lines = formatAddresseeLines(doc.addressees);
  const size = halfPoints(SIZES.addressee);
  if (lines.length === 0) return [];
  if (lines.length === 1) return [line(lines[0] ?? '', { size, before: 240 }), new Paragraph({ spacing: { before: 0, after: AFTER } })];
  const indent = Math.round(TEXT_WIDTH * 0.2);
  return lines.map(
    (text, i) =>
      new Paragraph({
        spacing: { before: i === 0 ? 240 : 0, after: i === lines.length - 1 ? AFTER * 2 : 0, line: 240 },
        indent: { left: i === 0 ? indent : indent + 1000, firstLine: 0 },
        children: [textRun(text, { size })],
      }),
  );
}
