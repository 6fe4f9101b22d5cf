import { describe, expect, it } from 'vitest';
import { ValidationError, type DocumentRenderer, type OfficialDocument } from '@pccovid-inspect/core';
import { extractPdfText, normaliseForComparison, withoutPageNumbers } from './extract-pdf-text.js';
import { extractDocxRepeatingHeaders, extractDocxText } from './extract-docx-text.js';
import { detectDocumentFormat } from './file-signature.js';
import { documentFragments, documentHeadings } from './document-fragments.js';
import { docxKeepProblems, pdfLayoutProblems } from './page-layout.js';
import {
  VIETNAMESE_LETTERS,
  annexReportDocument,
  annexRowId,
  conformancePlan,
  diacriticsDocument,
  emptyBodyDocument,
  longInputsDocument,
  otherLayoutDocuments,
  keepRuleSweepDocuments,
} from './conformance-documents.js';

/**
 * Options of {@link describeRendererConformance}.
 *
 * @example
 * ```ts
 * const options: RendererConformanceOptions = { name: 'pdf', format: 'pdf', createRenderer: () => createPdfRenderer() };
 * ```
 */
export interface RendererConformanceOptions {
  /** Shown in the suite name. */
  name: string;
  /** Makes a fresh renderer (called more than once). */
  createRenderer: () => DocumentRenderer | Promise<DocumentRenderer>;
  /** The file format the renderer writes; picks the signature check and the text extractor. */
  format: 'pdf' | 'docx';
  /** Reads the text back; default pdfjs-dist for PDF (pages), mammoth for DOCX (one page). */
  extractText?: (bytes: Uint8Array) => Promise<{ text: string; pages: string[] }>;
  /** Rows of the long annex. @default 5000 */
  annexRows?: number;
  /** Timeout of each test that renders (the first render also loads the fonts), in ms. @default 180000 */
  timeoutMs?: number;
}

/** The normalised text of each repeating table header row, as it appears when repeated. */
function repeatedHeaders(doc: OfficialDocument): string[] {
  return [...doc.body, ...doc.appendices.flatMap((a) => a.blocks)].flatMap((b) =>
    b.type === 'table' && b.repeatHeader ? [normaliseForComparison(b.columns.map((c) => c.title).join(''))] : [],
  );
}

const MEDIA_TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;
const CREATED = new Date('2021-11-26T01:30:00.000Z');

/**
 * The conformance suite every `DocumentRenderer` must pass (vitest): a valid file of the declared
 * format; every heading, line, table cell and chart label of the input — and every Vietnamese
 * diacritic — read back from the file (NFC, whitespace-insensitive); identical bytes for the same
 * document and creation date; an empty body and very long inputs; a 5,000-row annex that breaks
 * across pages with its header row repeated (PDF: the header is on every page with rows; DOCX:
 * the row is marked `w:tblHeader`) and no row lost; other layouts (minutes with a refusal, a
 * letter); the keep rules over documents that put a page break at every position near the end
 * of the body (PDF: from the text and positions read back, no page holds only the signature block
 * or fewer than three body lines, and no heading or caption ends a page; DOCX: the keep-with-next
 * and can't-split properties that make Word and LibreOffice break pages so); and
 * `VALIDATION_FAILED` for an invalid document. Call it at the top level of a test file.
 *
 * @example
 * ```ts
 * import { describeRendererConformance } from '@pccovid-inspect/testkit/renderer';
 * import { createPdfRenderer } from '@pccovid-inspect/render-pdf';
 *
 * describeRendererConformance({ name: 'pdf', format: 'pdf', createRenderer: () => createPdfRenderer() });
 * ```
 */
export function describeRendererConformance(options: RendererConformanceOptions): void {
  const timeout = options.timeoutMs ?? 180_000;
  const rows = options.annexRows ?? 5000;
  const extract =
    options.extractText ??
    (options.format === 'pdf'
      ? extractPdfText
      : async (bytes: Uint8Array) => {
          const text = await extractDocxText(bytes);
          return { text, pages: [text] };
        });

  async function render(doc: OfficialDocument, creationDate = CREATED) {
    const renderer = await options.createRenderer();
    return renderer.render(doc, { creationDate });
  }

  async function expectAllTextBack(doc: OfficialDocument): Promise<string> {
    const file = await render(doc);
    expect(detectDocumentFormat(file.bytes)).toBe(options.format);
    const { text, pages } = await extract(file.bytes);
    const haystack = normaliseForComparison(withoutPageNumbers(pages).join('\n'));
    // A table row that runs over a page break is interrupted by the repeated header row.
    let unbroken = haystack;
    for (const header of repeatedHeaders(doc)) unbroken = unbroken.split(header).join('');
    const missing = documentFragments(doc).filter((f) => {
      const needle = normaliseForComparison(f);
      return !haystack.includes(needle) && !unbroken.includes(needle);
    });
    expect(missing).toEqual([]);
    return text;
  }

  describe(`DocumentRenderer conformance: ${options.name}`, () => {
    it(
      'declares its media type and file extension, and returns them with the bytes',
      async () => {
        const renderer = await options.createRenderer();
        expect(renderer.mediaType).toBe(MEDIA_TYPES[options.format]);
        expect(renderer.fileExtension).toBe(options.format);
        const file = await renderer.render(emptyBodyDocument(), { creationDate: CREATED });
        expect(file.mediaType).toBe(renderer.mediaType);
        expect(file.fileExtension).toBe(renderer.fileExtension);
        expect(file.bytes).toBeInstanceOf(Uint8Array);
      },
      timeout,
    );

    it(
      `writes a valid ${options.format.toUpperCase()} file`,
      async () => {
        const file = await render(conformancePlan());
        expect(detectDocumentFormat(file.bytes)).toBe(options.format);
      },
      timeout,
    );

    it(
      'puts every heading of the seed plan into the file',
      async () => {
        const doc = conformancePlan();
        const text = normaliseForComparison((await extract((await render(doc)).bytes)).text);
        const missing = documentHeadings(doc).filter((h) => !text.includes(normaliseForComparison(h)));
        expect(missing).toEqual([]);
      },
      timeout,
    );

    it(
      'puts every line of the seed plan into the file, word for word',
      async () => {
        await expectAllTextBack(conformancePlan());
      },
      timeout,
    );

    it(
      'keeps every Vietnamese diacritic, from decomposed (NFD) input, in every style',
      async () => {
        const text = await expectAllTextBack(diacriticsDocument());
        const missing = [...VIETNAMESE_LETTERS].filter((ch) => !text.includes(ch));
        expect(missing).toEqual([]);
      },
      timeout,
    );

    it(
      'gives identical bytes for the same document and creation date, and different ones for another date',
      async () => {
        const doc = conformancePlan();
        const a = await render(doc);
        const b = await render(structuredClone(doc));
        expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
        const c = await render(doc, new Date('2021-11-27T01:30:00.000Z'));
        expect(Buffer.from(c.bytes).equals(Buffer.from(a.bytes))).toBe(false);
      },
      timeout,
    );

    it(
      'renders a document with an empty body, no signature and no recipients',
      async () => {
        await expectAllTextBack(emptyBodyDocument());
      },
      timeout,
    );

    it(
      'renders very long inputs without losing their ends',
      async () => {
        const text = normaliseForComparison(await expectAllTextBack(longInputsDocument()));
        for (const marker of ['ENDSUMMARY', 'ENDHEADING', 'ENDPARAGRAPH', 'ENDTOKEN', 'ENDCELL', 'ENDBULLET80']) expect(text).toContain(marker);
      },
      timeout,
    );

    it(
      'lays out minutes with a refusal and an official letter, with all their text',
      async () => {
        for (const doc of otherLayoutDocuments()) await expectAllTextBack(doc);
      },
      timeout,
    );

    it(
      'renders a report with tables and bar charts, with every label and value of its charts',
      async () => {
        const doc = annexReportDocument(40);
        expect(doc.body.some((b) => b.type === 'barChart')).toBe(true);
        await expectAllTextBack(doc);
      },
      timeout,
    );

    it(
      `breaks a ${rows}-row annex across pages, repeating its header row and losing no row`,
      async () => {
        const doc = annexReportDocument(rows);
        const annex = doc.appendices[0]?.blocks[0];
        if (annex?.type !== 'table') throw new Error('the annex fixture has no table');
        const file = await render(doc);
        expect(detectDocumentFormat(file.bytes)).toBe(options.format);
        const { text, pages } = await extract(file.bytes);

        const found = new Set(text.match(/R\d{5}/g) ?? []);
        const lost = Array.from({ length: rows }, (_, i) => annexRowId(i + 1)).filter((id) => !found.has(id));
        expect(lost).toEqual([]);
        expect(found.size).toBe(rows);

        const titles = annex.columns.map((c) => c.title);
        if (options.format === 'pdf') {
          const tablePages = pages.filter((p) => /R\d{5}/.test(p));
          expect(tablePages.length).toBeGreaterThan(1);
          const withoutHeader = tablePages
            .map((p, i) => ({ page: i, text: normaliseForComparison(p) }))
            .filter((p) => titles.some((t) => !p.text.includes(normaliseForComparison(t))));
          expect(withoutHeader.map((p) => p.page)).toEqual([]);
        } else {
          expect(await extractDocxRepeatingHeaders(file.bytes)).toContain(titles.join(' | '));
        }
      },
      timeout,
    );

    it(
      'keeps the signature block with the body and headings and captions with what follows, wherever the page breaks',
      async () => {
        const docs = [conformancePlan(), ...otherLayoutDocuments(), diacriticsDocument(), ...keepRuleSweepDocuments()];
        const problems: string[] = [];
        for (const [i, doc] of docs.entries()) {
          const file = await render(doc);
          const found = options.format === 'pdf' ? await pdfLayoutProblems(doc, file.bytes) : docxKeepProblems(doc, file.bytes);
          problems.push(...found.map((p) => `document ${i} (${doc.kind} ${doc.title?.summary ?? doc.header.subjectLine ?? ''}): ${p}`));
        }
        expect(problems).toEqual([]);
      },
      timeout,
    );

    it('rejects an invalid document with VALIDATION_FAILED before writing anything', async () => {
      const renderer = await options.createRenderer();
      const invalid = { ...emptyBodyDocument(), body: [{ type: 'table', columns: [{ title: 'A' }], rows: [['1', '2']] }] } as unknown as OfficialDocument;
      const error = await renderer.render(invalid, { creationDate: CREATED }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues[0]?.path).toEqual(['body', 0, 'rows', 0]);
    });
  });
}
