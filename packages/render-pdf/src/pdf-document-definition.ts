import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describeOfficialDocument, type OfficialDocument } from '@pccovid-inspect/core';
import { FONT_FAMILY, LINE_HEIGHT, MARGINS, PAGE_NUMBER_TOP, SIZES } from './pdf-style.js';
import { pdfAddressees, pdfHeader, pdfTitle } from './pdf-header.js';
import { pdfBlock } from './pdf-blocks.js';
import { pdfSignature } from './pdf-signature.js';

/**
 * Metadata written into the PDF's info dictionary. Fixed values give identical bytes.
 *
 * @example
 * ```ts
 * const meta: PdfMetadata = { creationDate: new Date('2021-11-26T01:00:00Z'), producer: '@pccovid-inspect/render-pdf' };
 * ```
 */
export interface PdfMetadata {
  /** Creation and modification date. */
  creationDate: Date;
  /** Producer and creator. */
  producer: string;
}

/**
 * The pdfmake document definition of an official document, laid out to Decree 30/2020: A4,
 * margins 20/15/20/30 mm, the Decree 30 header, justified body with first-line indent, tables
 * with repeating header rows, vector bar charts, signature and recipients, appendices from a new
 * page, and page numbers centred at the top from page 2. Exposed so a province can tweak the
 * definition before printing it with its own pdfmake setup.
 *
 * @example
 * ```ts
 * const definition = toPdfDocumentDefinition(doc, { creationDate: new Date(), producer: 'my-app' });
 * definition.pageSize // 'A4'
 * ```
 */
export function toPdfDocumentDefinition(doc: OfficialDocument, metadata: PdfMetadata): TDocumentDefinitions {
  const content: Content[] = [pdfHeader(doc), ...pdfTitle(doc), ...pdfAddressees(doc)];
  if (doc.title === null && doc.addressees.length === 0) content.push({ text: '', margin: [0, 0, 0, 12] });
  for (const block of doc.body) content.push(pdfBlock(block));
  content.push(...pdfSignature(doc));
  for (const appendix of doc.appendices) {
    content.push({ text: appendix.label, bold: true, fontSize: SIZES.appendixLabel, alignment: 'center', pageBreak: 'before' });
    content.push({ text: appendix.title, bold: true, alignment: 'center' });
    if (appendix.reference !== null) content.push({ text: appendix.reference, italics: true, alignment: 'center' });
    content.push({ text: '', margin: [0, 0, 0, 8] });
    for (const block of appendix.blocks) content.push(pdfBlock(block));
  }

  const described = describeOfficialDocument(doc);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    language: 'vi-VN',
    info: {
      title: described.title,
      author: described.author,
      subject: described.subject,
      keywords: described.keywords,
      creator: metadata.producer,
      producer: metadata.producer,
      creationDate: metadata.creationDate,
      modDate: metadata.creationDate,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: SIZES.body, lineHeight: LINE_HEIGHT },
    content,
  };
  if (doc.pageNumbers === 'fromSecondPage') {
    definition.header = (currentPage: number) =>
      currentPage < 2 ? null : { text: String(currentPage), alignment: 'center', fontSize: SIZES.pageNumber, margin: [0, PAGE_NUMBER_TOP, 0, 0] };
  }
  return definition;
}
