import type { OfficialDocument } from '../documents/model/official-document.js';

/**
 * Per-call options of {@link DocumentRenderer.render}.
 *
 * @example
 * ```ts
 * const options: DocumentRenderOptions = { creationDate: clock.now() };
 * ```
 */
export interface DocumentRenderOptions {
  /**
   * The instant written into the file as its creation and modification date (PDF info
   * dictionary, DOCX core properties, zip entry times). Fix it to get identical bytes for the
   * same document. @default the document's own date (its place-and-date line, or
   * `OfficialDocument.date`) at 08:00 in Hà Nội; the renderer's clock (else the current time) when
   * the document has no date
   */
  creationDate?: Date;
}

/**
 * What a renderer returns: the file's bytes and how to store or serve them.
 *
 * @example
 * ```ts
 * const { bytes, fileExtension } = await renderer.render(doc);
 * await writeFile(`ke-hoach.${fileExtension}`, bytes);
 * ```
 */
export interface RenderedDocument {
  /** The file contents. */
  bytes: Uint8Array;
  /** IANA media type, e.g. `application/pdf`. */
  mediaType: string;
  /** File extension without the dot, e.g. `pdf`, `docx`. */
  fileExtension: string;
}

/**
 * Lays out an {@link OfficialDocument} to Decree 30/2020 in one file format. Renderers are
 * adapters (`@pccovid-inspect/render-pdf`, `@pccovid-inspect/render-docx`); they validate the
 * document (`VALIDATION_FAILED`), throw `RENDER_FAILED` when layout fails, and give the same
 * bytes for the same document and creation date. Check one with the testkit's
 * `describeRendererConformance`.
 *
 * @example
 * ```ts
 * const renderer: DocumentRenderer = createPdfRenderer();
 * const file = await renderer.render(buildPlanDocument(input), { creationDate: new Date('2021-11-26T01:00:00Z') });
 * ```
 */
export interface DocumentRenderer {
  /** A short name, e.g. `pdf`, used in errors. */
  readonly name: string;
  /** The media type of what `render` produces. */
  readonly mediaType: string;
  /** The file extension of what `render` produces, without the dot. */
  readonly fileExtension: string;
  /** Renders one document. */
  render(doc: OfficialDocument, options?: DocumentRenderOptions): Promise<RenderedDocument>;
}
