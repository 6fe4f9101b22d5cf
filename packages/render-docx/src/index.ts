/**
 * `@pccovid-inspect/render-docx` — lays an `OfficialDocument` out to Decree 30/2020 as a Word
 * document (docx, with large tables written straight to WordprocessingML).
 *
 * @packageDocumentation
 */
export { createDocxRenderer } from './docx-renderer.js';
export type { DocxRendererOptions } from './docx-renderer.js';
export { toDocxDocument } from './docx-document.js';
export type { DocxDocumentParts } from './docx-document.js';
