import type { Content } from 'pdfmake/interfaces';
import { decree30TextHeightPt, describeOfficialDocument, estimateBlocksHeightPt, officialDocumentAuthor, signatureKeepStart } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { FONT_FAMILY, LINE_HEIGHT, MARGINS, PAGE_NUMBER_TOP, SIZES } from './pdf-style.js';
import { pdfAddressees, pdfHeader, pdfTitle } from './pdf-header.js';
import { pdfBlocks } from './pdf-blocks.js';
import { pdfSignature } from './pdf-signature.js';
import { breakLongRuns } from './pdf-breaks.js';

/**
 * Metadata written into the PDF's info dictionary. Fixed values give identical bytes.
 *
 * @example
 * ```ts
 * const meta: PdfMetadata = { creationDate: new Date('2021-11-26T01:00:00Z'), producer: '@pccovid-inspect/render-pdf' };
 * ```
 */
export interface PdfMetadata {
  /** Creation and modification date: the document's own date (see `createPdfRenderer`). */
  creationDate: Date;
  /** The producer (the tool). The author and creator are the issuing body, from the document's header. */
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
  /**
   * The keep rules pdfmake cannot express in the content: a heading or table caption that has not
   * the room it needs below it (itself and the start of what follows), or nothing after it on its
   * page, moves to the next page. (Typed loosely, like `header`.)
   */
  pageBreakBefore: (currentNode: PdfNodeInfo, nodeQueries: { getFollowingNodesOnPage(): PdfNodeInfo[] }) => boolean;
  /** Any other pdfmake document-definition option. */
  [option: string]: unknown;
}

/**
 * The pdfmake document definition of an official document, laid out to Decree 30/2020: A4,
 * margins 20/15/20/30 mm, the Decree 30 header, justified body with first-line indent, tables
 * with repeating header rows, vector bar charts, signature and recipients, appendices from a new
 * page, and page numbers centred at the top from page 2. It keeps to core's keep rules
 * (`DECREE30_KEEP`): the signature block with at least the last three lines of the body (one
 * unbreakable block), headings and captions with what follows, table rows whole with the header
 * row repeated and kept with the first row, charts whole. Exposed so a province can tweak the
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
  const signature = pdfSignature(doc);
  const keepFrom = signature.length > 0 ? signatureKeepStart(doc.body) : doc.body.length;
  const kept = doc.body.slice(keepFrom);
  if (kept.length > 0 && estimateBlocksHeightPt(kept) < decree30TextHeightPt() * 0.55) {
    // The last lines of the body, the signature and "Nơi nhận" go to a page together.
    content.push(...pdfBlocks(doc.body.slice(0, keepFrom)));
    content.push({ stack: [...pdfBlocks(kept, { marked: false }), ...signature], unbreakable: true });
  } else {
    content.push(...pdfBlocks(doc.body), ...signature);
  }
  for (const appendix of doc.appendices) {
    content.push({ text: appendix.label, bold: true, fontSize: SIZES.appendixLabel, alignment: 'center', pageBreak: 'before' });
    content.push({ text: appendix.title, bold: true, alignment: 'center' });
    if (appendix.reference !== null) content.push({ text: appendix.reference, italics: true, alignment: 'center' });
    content.push({ text: '', margin: [0, 0, 0, 8] });
    content.push(...pdfBlocks(appendix.blocks));
  }

  const described = describeOfficialDocument(doc);
  const author = officialDocumentAuthor(doc);
  const definition: PdfDocumentDefinition = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    language: 'vi-VN',
    info: {
      title: described.title,
      author,
      subject: described.subject,
      keywords: described.keywords,
      creator: author,
      producer: metadata.producer,
      creationDate: metadata.creationDate,
      modDate: metadata.creationDate,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: SIZES.body, lineHeight: LINE_HEIGHT },
    // Long unbroken runs (a name without spaces) in pieces: pdfmake's layout of one is quadratic.
    content: breakLongRuns(content) as Content[],
    pageBreakBefore: keepWithNextBreak,
  };
  if (doc.pageNumbers === 'fromSecondPage') {
    definition.header = (currentPage: number): Content | null =>
      currentPage < 2 ? null : { text: String(currentPage), alignment: 'center', fontSize: SIZES.pageNumber, margin: [0, PAGE_NUMBER_TOP, 0, 0] };
  }
  return definition;
}

/**
 * What pdfmake tells a `pageBreakBefore` callback about a node (the fields the keep rules read).
 *
 * @example
 * ```ts
 * const info: PdfNodeInfo = { headlineLevel: 1, pageNumbers: [2], text: '1. Kết quả kiểm tra:' };
 * ```
 */
export interface PdfNodeInfo {
  /** Set on headings and captions: the room in points they need below their top (their keep-with-next). */
  headlineLevel?: number;
  /** The pages the node is on. */
  pageNumbers: number[];
  /** Where the node starts: its top and the page's text height, in points. */
  startPosition?: { top: number; pageInnerHeight: number };
  /** The node's text, when it has some. */
  text?: unknown;
  /** The node's vector drawing, when it has one. */
  canvas?: unknown;
}

/**
 * A node marked to keep with what follows (a heading, a caption) moves to the next page when the
 * room it needs (its `headlineLevel`, see `keepWithNextLevel`) is not left below its top, or when
 * nothing but containers and other marked nodes follows it on its page.
 */
function keepWithNextBreak(node: PdfNodeInfo, queries: { getFollowingNodesOnPage(): PdfNodeInfo[] }): boolean {
  const room = node.headlineLevel;
  if (room === undefined || room <= 0 || node.pageNumbers.length !== 1 || node.startPosition === undefined) return false;
  const bottom = MARGINS[1] + node.startPosition.pageInnerHeight;
  // Already at the top of a page: moving would not help.
  if (node.startPosition.top <= MARGINS[1] + 1) return false;
  // More room than a page holds cannot be found on the next page either: then only "nothing follows" counts.
  if (room < node.startPosition.pageInnerHeight * 0.9 && node.startPosition.top + room > bottom + 0.5) return true;
  return !queries.getFollowingNodesOnPage().some((n) => n.headlineLevel === undefined && ((n.text !== undefined && n.text !== '') || n.canvas !== undefined));
}
