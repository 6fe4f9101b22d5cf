import type { Content } from 'pdfmake/interfaces';
import { describeOfficialDocument } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
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
 * One piece of pdfmake content: a string, or a node such as `{ text }`, `{ stack }`, `{ columns }`,
 * `{ table }` or `{ canvas }`, as pdfmake's document-definition reference describes. Typed loosely
 * so that this package's declarations need no pdfmake types; with `@types/pdfmake` installed, cast
 * to its `Content` to look inside.
 *
 * @example
 * ```ts
 * const note: PdfContent = { text: 'Bản sao', italics: true, alignment: 'right' };
 * ```
 */
export type PdfContent = string | number | object;

/**
 * The PDF's info dictionary (pdfmake's `info`), filled from the document and {@link PdfMetadata}.
 *
 * @example
 * ```ts
 * definition.info.keywords // 'KH'
 * ```
 */
export interface PdfDocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modDate: Date;
}

/**
 * The size of a page, as pdfmake passes it to a header callback.
 *
 * @example
 * ```ts
 * const a4: PdfPageSize = { width: 595.28, height: 841.89, orientation: 'portrait' };
 * ```
 */
export interface PdfPageSize {
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
}

/**
 * A pdfmake document definition (the object pdfmake's `createPdf` takes), with the fields
 * {@link toPdfDocumentDefinition} sets typed and any other pdfmake option (`footer`, `watermark`,
 * `styles`…) allowed. It is plain data plus the page-number callback; it does not depend on
 * pdfmake's types. With `@types/pdfmake`, pass it on as
 * `pdfmake.createPdf(definition as TDocumentDefinitions)`.
 *
 * @example
 * ```ts
 * const definition: PdfDocumentDefinition = toPdfDocumentDefinition(doc, meta);
 * definition.content.push({ text: 'Bản sao', italics: true });
 * definition.footer = (currentPage: number) => ({ text: String(currentPage), alignment: 'right' });
 * ```
 */
export interface PdfDocumentDefinition {
  /** `'A4'`. */
  pageSize: string;
  /** `'portrait'`. */
  pageOrientation: 'portrait' | 'landscape';
  /** Left, top, right, bottom, in points. */
  pageMargins: [left: number, top: number, right: number, bottom: number];
  /** `'vi-VN'`. */
  language: string;
  info: PdfDocumentInfo;
  /** The body font (the family the renderer registers its fonts under), size and line height. */
  defaultStyle: { font: string; fontSize: number; lineHeight: number };
  content: PdfContent[];
  /** The page number, centred at the top from page 2, when the document asks for one. */
  header?: (currentPage: number, pageCount: number, pageSize: PdfPageSize) => PdfContent | null | undefined;
  /** Any other pdfmake document-definition option. */
  [option: string]: unknown;
}

/**
 * The pdfmake document definition of an official document, laid out to Decree 30/2020: A4,
 * margins 20/15/20/30 mm, the Decree 30 header, justified body with first-line indent, tables
 * with repeating header rows, vector bar charts, signature and recipients, appendices from a new
 * page, and page numbers centred at the top from page 2. Exposed so a province can tweak the
 * definition before printing it with its own pdfmake setup (fonts: register the family named in
 * `defaultStyle.font`).
 *
 * @example
 * ```ts
 * const definition = toPdfDocumentDefinition(doc, { creationDate: new Date(), producer: 'my-app' });
 * definition.pageSize // 'A4'
 * ```
 */
export function toPdfDocumentDefinition(doc: OfficialDocument, metadata: PdfMetadata): PdfDocumentDefinition {
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
  const definition: PdfDocumentDefinition = {
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
    definition.header = (currentPage: number): Content | null =>
      currentPage < 2 ? null : { text: String(currentPage), alignment: 'center', fontSize: SIZES.pageNumber, margin: [0, PAGE_NUMBER_TOP, 0, 0] };
  }
  return definition;
}
