import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { RenderError, systemClock, type Clock, type DocumentRenderOptions, type DocumentRenderer, type OfficialDocument, type RenderedDocument } from '@pccovid-inspect/core';
import { officialDocumentDate, parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { tinosFontFiles, type PdfFontFiles, type PdfFontSource } from './pdf-fonts.js';
import { toPdfDocumentDefinition } from './pdf-document-definition.js';
import { parsedFontHandle } from './pdf-parsed-fonts.js';
import { FONT_FAMILY } from './pdf-style.js';

/**
 * Options of {@link createPdfRenderer}.
 *
 * @example
 * ```ts
 * const options: PdfRendererOptions = { clock: createFixedClock('2021-11-26T01:00:00Z') };
 * ```
 */
export interface PdfRendererOptions {
  /**
   * The four TrueType files to embed (paths or bytes), e.g. a province's licensed Times New Roman.
   * @default the bundled Tinos (metric-compatible with Times New Roman, covers Vietnamese)
   */
  fonts?: PdfFontFiles;
  /**
   * Where the creation date comes from when `render` is not given one and the document prints no
   * date of its own (minutes). @default systemClock
   */
  clock?: Clock;
  /** The producer written into the PDF (the author and creator are the issuing body). @default '@pccovid-inspect/render-pdf' */
  producer?: string;
}

/** The PDF media type. */
const MEDIA_TYPE = 'application/pdf';
let nextRendererId = 0;

type Pdfmake = typeof pdfmake & {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  urlAccessPolicy?: (url: string) => boolean;
  localAccessPolicy?: (path: string) => boolean;
};

/**
 * Creates a renderer that lays an `OfficialDocument` out to Decree 30/2020 as a PDF with pdfmake:
 * A4, Times-metric serif (Tinos embedded by default) 13 pt, the two-column header with its short
 * rules, justified body with first-line indent, tables whose header rows repeat on every page,
 * vector bar charts, signature and "Nơi nhận" blocks, page numbers from page 2, and core's keep
 * rules (a signature never alone on a page, headings and captions kept with what follows). The
 * file's creation date is the one `render` is given, else the document's own date (08:00 in Hà
 * Nội on its place-and-date line, or its `date`), else the clock's; its author and creator are the issuing body.
 * The same document and creation date give identical bytes. No network or file access beyond the
 * font files.
 *
 * @example
 * ```ts
 * const renderer = createPdfRenderer();
 * const { bytes } = await renderer.render(buildPlanDocument(HA_TINH_2021_PLAN_INPUT), { creationDate: new Date('2021-11-26T01:00:00Z') });
 * ```
 */
export function createPdfRenderer(options: PdfRendererOptions = {}): DocumentRenderer {
  const id = nextRendererId++;
  const clock = options.clock ?? systemClock;
  const producer = options.producer ?? '@pccovid-inspect/render-pdf';
  const files = options.fonts ?? tinosFontFiles();
  const allowed = new Set<string>();
  const family: Record<keyof PdfFontFiles, string> = { normal: '', bold: '', italics: '', bolditalics: '' };
  const instance = pdfmake as Pdfmake;
  for (const style of Object.keys(family) as (keyof PdfFontFiles)[]) {
    const source: PdfFontSource = files[style];
    // Each font parsed once per thread and shared by every document (see pdf-parsed-fonts.ts).
    const handle = parsedFontHandle(source);
    if (handle !== null) {
      const name = `pccovid-inspect-render-pdf/${id}/${style}.font`;
      instance.virtualfs.writeFileSync(name, handle);
      family[style] = name;
    } else if (typeof source === 'string') {
      family[style] = source;
      allowed.add(source);
    } else {
      // Bytes go into pdfmake's in-memory file system under a name of our own.
      const name = `pccovid-inspect-render-pdf/${id}/${style}.ttf`;
      instance.virtualfs.writeFileSync(name, Buffer.from(source.buffer, source.byteOffset, source.byteLength));
      family[style] = name;
    }
  }

  return {
    name: 'pdf',
    mediaType: MEDIA_TYPE,
    fileExtension: 'pdf',
    async render(input: OfficialDocument, renderOptions: DocumentRenderOptions = {}): Promise<RenderedDocument> {
      const doc = parseOfficialDocument(input);
      const creationDate = renderOptions.creationDate ?? officialDocumentDate(doc) ?? clock.now();
      try {
        const definition = toPdfDocumentDefinition(doc, { creationDate, producer });
        const fonts: TFontDictionary = { [FONT_FAMILY]: { ...family } };
        // pdfmake is a process-wide instance: set our fonts and access policies just for this
        // call (createPdf reads them synchronously), then put back whatever was there.
        const previous = { fonts: instance.fonts, url: instance.urlAccessPolicy, local: instance.localAccessPolicy };
        let created: ReturnType<typeof pdfmake.createPdf>;
        try {
          instance.setFonts(fonts);
          instance.setUrlAccessPolicy(() => false);
          instance.setLocalAccessPolicy((path) => allowed.has(path));
          // The public definition type is our own (no pdfmake types in our declarations); same cast as a user's.
          created = instance.createPdf(definition as TDocumentDefinitions);
        } finally {
          instance.fonts = previous.fonts;
          instance.urlAccessPolicy = previous.url;
          instance.localAccessPolicy = previous.local;
        }
        const buffer = await created.getBuffer();
        return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), mediaType: MEDIA_TYPE, fileExtension: 'pdf' };
      } catch (cause) {
        throw new RenderError({ renderer: 'pdf', documentKind: doc.kind, cause, hint: 'See `cause`; check the font files given to createPdfRenderer.' });
      }
    },
  };
}
