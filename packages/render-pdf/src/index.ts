/**
 * `@pccovid-inspect/render-pdf` — lays an `OfficialDocument` out to Decree 30/2020 as a PDF
 * (pdfmake, Tinos embedded).
 *
 * @packageDocumentation
 */
export { createPdfRenderer } from './pdf-renderer.js';
export type { PdfRendererOptions } from './pdf-renderer.js';
export { tinosFontFiles } from './pdf-fonts.js';
export type { PdfFontFiles, PdfFontSource } from './pdf-fonts.js';
export { toPdfDocumentDefinition } from './pdf-document-definition.js';
export type { PdfContent, PdfDocumentDefinition, PdfDocumentInfo, PdfMetadata, PdfNodeInfo, PdfPageSize } from './pdf-document-definition.js';
