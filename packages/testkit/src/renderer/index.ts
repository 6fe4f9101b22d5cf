/**
 * `@pccovid-inspect/testkit/renderer` — the conformance suite for `DocumentRenderer` adapters,
 * the documents it renders, and helpers to read text back from PDF and DOCX files.
 *
 * @packageDocumentation
 */
export { describeRendererConformance } from './describe-renderer-conformance.js';
export type { RendererConformanceOptions } from './describe-renderer-conformance.js';
export { extractPdfText, normaliseForComparison, withoutPageNumbers } from './extract-pdf-text.js';
export { extractDocxText, extractDocxRepeatingHeaders } from './extract-docx-text.js';
export { detectDocumentFormat } from './file-signature.js';
export { documentFragments, documentHeadings } from './document-fragments.js';
export {
  VIETNAMESE_LETTERS,
  conformancePlan,
  diacriticsDocument,
  emptyBodyDocument,
  longInputsDocument,
  annexRowId,
  annexReportDocument,
  otherLayoutDocuments,
  keepRuleSweepDocuments,
} from './conformance-documents.js';
export { extractPdfLines, pdfLayoutProblems, extractDocxParagraphs, docxKeepProblems } from './page-layout.js';
export type { PdfPageLine, DocxParagraphLayout } from './page-layout.js';
