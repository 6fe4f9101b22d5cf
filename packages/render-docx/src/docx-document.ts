import { AlignmentType, Document, Header, PageNumber, PageOrientation, Paragraph, TextRun, type Table } from 'docx';
import { describeOfficialDocument, officialDocumentAuthor, signatureKeepStart } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { AFTER, LINE, MARGINS, PAGE, SIZES, halfPoints } from './docx-style.js';
import { docxAddressees, docxHeader, docxTitle } from './docx-header.js';
import { docxBlock, type BlockContext } from './docx-blocks.js';
import { docxSignature } from './docx-signature.js';
import { CellStyles } from './docx-cell-styles.js';
import { placeholderStyleId } from './docx-package.js';
import { textRun } from './docx-runs.js';

/**
 * A docx `Document` for an official document, and the raw `<w:tbl>` XML of its tables, which the
 * placeholders in it stand for (see {@link DocxDocumentParts}).
 *
 * @example
 * ```ts
 * const { document, rawParts } = toDocxDocument(doc, { fontFamily: 'Times New Roman', creator: 'my-app' });
 * ```
 */
export interface DocxDocumentParts {
  /**
   * The document built with the docx package. Each data table is an empty placeholder paragraph
   * whose paragraph style is `PcciRawPart<index>` — a style id, which no text in the document can
   * write (text is escaped) — to be replaced by `rawParts[index]`. Charts are pictures.
   */
  document: Document;
  /** The WordprocessingML of each placeholder, by index. */
  rawParts: string[];
}

/**
 * Lays an official document out to Decree 30/2020 as a docx `Document`: A4, margins 20/15/20/30 mm,
 * Times New Roman 13 pt, the borderless header table with its short rules, justified body with a
 * 1.27 cm first-line indent, page numbers centred in the header from page 2 (different first page),
 * signature and recipients, appendices from a new page, charts as pictures, and core's keep rules
 * (keep-with-next on headings, captions and the body lines kept with the signature; rows that
 * never split; header rows repeated). Tables are left as placeholders with their XML beside them;
 * `createDocxRenderer` splices them in after packing. The author (`creator`, `lastModifiedBy`)
 * is the issuing body unless `options.creator` names someone else.
 *
 * @example
 * ```ts
 * const { document, rawParts } = toDocxDocument(buildPlanDocument(HA_TINH_2021_PLAN_INPUT), { fontFamily: 'Times New Roman', creator: 'x' });
 * ```
 */
export function toDocxDocument(doc: OfficialDocument, options: { fontFamily: string; creator?: string }): DocxDocumentParts {
  const rawParts: string[] = [];
  const styles = new CellStyles();
  let drawings = 0;
  const ctx: BlockContext = {
    styles,
    placeholder(xml) {
      rawParts.push(xml);
      return new Paragraph({ style: placeholderStyleId(rawParts.length - 1) });
    },
    nextDrawingId: () => ++drawings,
  };
  const children: (Paragraph | Table)[] = [docxHeader(doc), ...docxTitle(doc), ...docxAddressees(doc)];
  if (doc.title === null && doc.addressees.length === 0) children.push(new Paragraph({ spacing: { after: 240 } }));
  const signature = docxSignature(doc);
  // The last lines of the body keep with the signature block (core's keep rules).
  const keepFrom = signature.length > 0 ? signatureKeepStart(doc.body) : doc.body.length;
  doc.body.forEach((block, i) => children.push(...docxBlock(block, ctx, { keepNext: i >= keepFrom })));
  children.push(...signature);
  for (const appendix of doc.appendices) {
    const centred = (text: string, style: { bold?: boolean; italics?: boolean; size?: number }, pageBreakBefore = false) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        pageBreakBefore,
        keepNext: true,
        spacing: { after: 0, line: 252 },
        indent: { firstLine: 0 },
        children: [textRun(text, style)],
      });
    children.push(centred(appendix.label, { bold: true, size: halfPoints(SIZES.appendixLabel) }, true));
    children.push(centred(appendix.title, { bold: true }));
    if (appendix.reference !== null) children.push(centred(appendix.reference, { italics: true }));
    children.push(new Paragraph({ spacing: { after: AFTER * 2 } }));
    for (const block of appendix.blocks) children.push(...docxBlock(block, ctx));
  }

  const described = describeOfficialDocument(doc);
  const author = options.creator ?? officialDocumentAuthor(doc);
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        spacing: { after: 0 },
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(SIZES.pageNumber) })],
      }),
    ],
  });
  const document = new Document({
    creator: author,
    lastModifiedBy: author,
    title: described.title,
    subject: described.subject,
    keywords: described.keywords,
    description: described.author,
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font: options.fontFamily, size: halfPoints(SIZES.body), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: AFTER, line: LINE } },
        },
      },
      paragraphStyles: styles.definitions(),
    },
    sections: [
      {
        properties: {
          titlePage: doc.pageNumbers === 'fromSecondPage',
          page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: MARGINS },
        },
        headers: doc.pageNumbers === 'fromSecondPage' ? { default: pageNumber, first: new Header({ children: [] }) } : undefined,
        children,
      },
    ],
  });
  return { document, rawParts };
}
