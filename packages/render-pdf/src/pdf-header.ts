/** @internal The two-column Decree 30 header, the title block and "Kính gửi". */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { DECREE30_LAYOUT, decree30HeaderColumnsPt, formatAddresseeLines, formatDocumentNumber, formatPlaceAndDate, measureTimesText } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { AFTER, SIZES, TEXT_WIDTH } from './pdf-style.js';
import { centredRule } from './pdf-rule.js';

const { left: LEFT, right: RIGHT, overhang: OVERHANG } = decree30HeaderColumnsPt();

/** Header table: bodies | national title and motto, then number | place and date, one row each so they align. */
export function pdfHeader(doc: OfficialDocument): Content {
  const h = doc.header;
  const issuingWidth = Math.min(measureTimesText(h.issuingBody, SIZES.issuingBody, 'bold'), LEFT);
  const left: Content[] = [];
  if (h.parentBody !== null) left.push({ text: h.parentBody, fontSize: SIZES.parentBody });
  left.push({ text: h.issuingBody, fontSize: SIZES.issuingBody, bold: true });
  left.push(centredRule(issuingWidth * DECREE30_LAYOUT.shortRuleShare, LEFT, 4));
  const right: Content[] = [
    { text: h.nationalTitle, fontSize: SIZES.nationalTitle, bold: true },
    { text: h.motto, fontSize: SIZES.motto, bold: true },
    centredRule(measureTimesText(h.motto, SIZES.motto, 'bold'), RIGHT, 4),
  ];

  const numberCell: Content[] = [];
  if (h.number !== null) numberCell.push({ text: formatDocumentNumber(h.number), fontSize: SIZES.number, preserveLeadingSpaces: true });
  if (h.subjectLine !== null) numberCell.push({ text: h.subjectLine, fontSize: SIZES.subjectLine, margin: [0, 6, 0, 0] });
  const dateCell: Content[] = h.placeAndDate === null ? [] : [{ text: formatPlaceAndDate(h.placeAndDate), fontSize: SIZES.placeAndDate, italics: true }];

  const body: TableCell[][] = [[{ stack: left }, { stack: right }]];
  if (numberCell.length > 0 || dateCell.length > 0) {
    body.push([
      { stack: numberCell, margin: [0, 6, 0, 0] },
      { stack: dateCell, margin: [0, 6, 0, 0] },
    ]);
  }
  return {
    table: { widths: [LEFT, RIGHT], body },
    layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    alignment: 'center',
    lineHeight: 1,
    margin: [-OVERHANG, 0, 0, 0],
  };
}

/** The document type and summary, with a short rule under the summary. */
export function pdfTitle(doc: OfficialDocument): Content[] {
  if (doc.title === null) return [];
  const out: Content[] = [{ text: doc.title.type, fontSize: SIZES.documentType, bold: true, alignment: 'center', margin: [0, 18, 0, 0] }];
  if (doc.title.summary !== null) {
    const width = Math.min(measureTimesText(doc.title.summary, SIZES.summary, 'bold'), TEXT_WIDTH);
    out.push({ text: doc.title.summary, fontSize: SIZES.summary, bold: true, alignment: 'center', lineHeight: 1.1 });
    out.push(centredRule(width * DECREE30_LAYOUT.shortRuleShare, TEXT_WIDTH, 4));
  }
  out.push({ text: '', margin: [0, 0, 0, AFTER * 2] });
  return out;
}

/** "Kính gửi: …" — one addressee centred, several listed under the label. */
export function pdfAddressees(doc: OfficialDocument): Content[] {
  const lines = formatAddresseeLines(doc.addressees);
  if (lines.length === 0) return [];
  if (lines.length === 1) return [{ text: lines[0] ?? '', fontSize: SIZES.addressee, alignment: 'center', margin: [0, AFTER, 0, AFTER * 2] }];
  return [
    {
      columns: [
        { width: TEXT_WIDTH * 0.2, text: '' },
        { width: 'auto', text: lines[0] ?? '', fontSize: SIZES.addressee, margin: [0, 0, 6, 0] },
        { width: '*', stack: lines.slice(1).map((l) => ({ text: l, fontSize: SIZES.addressee })) },
      ],
      margin: [0, AFTER, 0, AFTER * 2],
    },
  ];
}
