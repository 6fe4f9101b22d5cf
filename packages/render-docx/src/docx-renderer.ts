import { Packer } from 'docx';
import { RenderError, systemClock, type Clock, type DocumentRenderOptions, type DocumentRenderer, type OfficialDocument, type RenderedDocument } from '@pccovid-inspect/core';
import { officialDocumentDate, parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { toDocxDocument } from './docx-document.js';
import { finishDocxPackage } from './docx-package.js';

/**
 * Options of {@link createDocxRenderer}.
 *
 * @example
 * ```ts
 * const options: DocxRendererOptions = { clock: createFixedClock('2021-11-26T01:00:00Z') };
 * ```
 */
export interface DocxRendererOptions {
  /** The font every run uses (not embedded; Word substitutes a metric-compatible face if missing). @default 'Times New Roman' */
  fontFamily?: string;
  /**
   * Where the creation date comes from when `render` is not given one and the document prints no
   * date of its own (minutes). @default systemClock
   */
  clock?: Clock;
  /** Creator and last-modified-by written into the core properties. @default the document's issuing body (after its parent body) */
  creator?: string;
}

/** The DOCX media type. */
const MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Creates a renderer that lays an `OfficialDocument` out to Decree 30/2020 as a Word document:
 * A4 and Decree 30 margins, Times New Roman 13 pt, the borderless two-column header with short
 * rules, justified paragraphs with a first-line indent, page numbers in the header from page 2,
 * data tables whose header row repeats on every page (`w:tblHeader`) and whose rows never split,
 * bar charts as pictures drawn from the chart's data (216 dpi PNG, alt text with the values),
 * signature and "Nơi nhận", and core's keep rules as keep-with-next / keep-lines-together. Tables
 * are written straight to WordprocessingML and spliced into the package the docx package builds
 * (in place of placeholders found by style id, never by text), so a 5,000-row annex stays fast and
 * small. The creation and modification dates are the one `render` is given, else the document's
 * own date (08:00 in Hà Nội on its place-and-date line, or its `date`), else the clock's; the author is the
 * issuing body. The same document and creation date give identical bytes.
 *
 * @example
 * ```ts
 * const renderer = createDocxRenderer();
 * const { bytes } = await renderer.render(buildMinutesDocument(input), { creationDate: new Date('2021-12-07T03:15:00Z') });
 * ```
 */
export function createDocxRenderer(options: DocxRendererOptions = {}): DocumentRenderer {
  const clock = options.clock ?? systemClock;
  const fontFamily = options.fontFamily ?? 'Times New Roman';
  const creator = options.creator;
  return {
    name: 'docx',
    mediaType: MEDIA_TYPE,
    fileExtension: 'docx',
    async render(input: OfficialDocument, renderOptions: DocumentRenderOptions = {}): Promise<RenderedDocument> {
      const doc = parseOfficialDocument(input);
      const creationDate = renderOptions.creationDate ?? officialDocumentDate(doc) ?? clock.now();
      try {
        const { document, rawParts } = toDocxDocument(doc, creator === undefined ? { fontFamily } : { fontFamily, creator });
        const packed = await Packer.toBuffer(document);
        const bytes = finishDocxPackage(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), rawParts, creationDate, doc.kind);
        return { bytes, mediaType: MEDIA_TYPE, fileExtension: 'docx' };
      } catch (cause) {
        if (RenderError.isInstance(cause)) throw cause;
        throw new RenderError({ renderer: 'docx', documentKind: doc.kind, cause });
      }
    },
  };
}
