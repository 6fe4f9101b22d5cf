/**
 * The keep rules, checked on every document type from the text and positions read back from the
 * PDF (pdfjs, no poppler): no page holds only the signature block or fewer than three body lines,
 * and no heading or caption is the last line of a page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { extractPdfText, keepRuleSweepDocuments, normaliseForComparison, pdfLayoutProblems } from '@pccovid-inspect/testkit/renderer';
import { everyDocumentType } from './every-document-type.js';
import { createPdfRenderer, tinosFontFiles, toPdfDocumentDefinition } from '../src/index.js';

describe('PDF page layout of every document type', () => {
  const rendered: { name: string; doc: OfficialDocument; bytes: Uint8Array }[] = [];

  beforeAll(async () => {
    const renderer = createPdfRenderer();
    for (const { name, doc } of everyDocumentType()) rendered.push({ name, doc, bytes: (await renderer.render(doc)).bytes });
  }, 180_000);

  it('keeps signatures with the body, headings and captions with what follows, and leaves no widow page', async () => {
    const problems: string[] = [];
    for (const { name, doc, bytes } of rendered) problems.push(...(await pdfLayoutProblems(doc, bytes)).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
    expect(rendered).toHaveLength(10);
  }, 120_000);
});

describe('charts', () => {
  it('draws a chart too tall for a page in whole pieces, losing no bar or label', async () => {
    const label = 'Hướng dẫn, nhắc nhở người đến giao dịch thực hiện quét mã QR tại các cổng ra vào của đơn vị';
    const categories = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${label} CAT${i + 1}END`);
    const doc = parseOfficialDocument({
      kind: 'BC',
      header: { issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: null, placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-28' } },
      title: { type: 'BÁO CÁO' },
      body: [
        {
          type: 'barChart',
          title: 'Biểu đồ 1. Tỷ lệ đạt',
          categories,
          series: [
            { name: 'Đạt', values: categories.map((_, i) => i) },
            { name: 'Chưa đạt', values: categories.map((_, i) => 30 - i) },
          ],
        },
      ],
    });
    const { bytes } = await createPdfRenderer().render(doc);
    const { pages } = await extractPdfText(bytes);
    const text = normaliseForComparison(pages.join(''));
    expect(categories.filter((_, i) => !text.includes(`CAT${i + 1}END`))).toEqual([]);
    expect(pages.length).toBeGreaterThan(1);
    expect(await pdfLayoutProblems(doc, bytes)).toEqual([]);
  }, 60_000);
});

describe('the layout check', () => {
  it('finds a signature alone on a page and a stranded heading when the keep rules are off', async () => {
    // The same definitions without the keep rules: no page-break callback, nothing unbreakable but the signature.
    const files = tinosFontFiles();
    pdfmake.setFonts({ Decree30Serif: { normal: files.normal, bold: files.bold, italics: files.italics, bolditalics: files.bolditalics } });
    pdfmake.setUrlAccessPolicy(() => false);
    const problems: string[] = [];
    for (const doc of keepRuleSweepDocuments().filter((d) => d.kind === 'TB')) {
      const definition = toPdfDocumentDefinition(doc, { creationDate: new Date('2021-12-09T01:00:00Z'), producer: 'test' });
      delete (definition as { pageBreakBefore?: unknown }).pageBreakBefore;
      // Undo the signature group: its blocks, then the signature, each on its own.
      definition.content = definition.content.flatMap((c) => (typeof c === 'object' && 'unbreakable' in c && 'stack' in c ? (c as { stack: object[] }).stack : [c]));
      const bytes = new Uint8Array(await pdfmake.createPdf(definition as TDocumentDefinitions).getBuffer());
      problems.push(...(await pdfLayoutProblems(doc, bytes)));
    }
    expect(problems.some((p) => /holds only the signature block|holds only [12] body line/.test(p))).toBe(true);
    expect(problems.some((p) => /ends with a heading or caption/.test(p))).toBe(true);
  }, 180_000);
});
