/**
 * The keep rules in the DOCX of every document type. Word and LibreOffice break the pages, so
 * without either (LibreOffice is not installed where the tests run) the test checks what makes
 * them keep things together: keep-with-next on headings, captions and the body lines kept with the
 * signature; rows that may not split; the chart as one picture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { signatureKeepStart } from '@pccovid-inspect/core/documents';
import { docxKeepProblems, extractDocxParagraphs, keepRuleSweepDocuments } from '@pccovid-inspect/testkit/renderer';
import { everyDocumentType } from '../../render-pdf/test/every-document-type.js';
import { createDocxRenderer } from '../src/index.js';

describe('DOCX keep properties of every document type', () => {
  const rendered: { name: string; doc: OfficialDocument; bytes: Uint8Array }[] = [];

  beforeAll(async () => {
    const renderer = createDocxRenderer();
    for (const { name, doc } of [...everyDocumentType(), ...keepRuleSweepDocuments().map((doc, i) => ({ name: `sweep ${i}`, doc }))]) {
      rendered.push({ name, doc, bytes: (await renderer.render(doc)).bytes });
    }
  }, 180_000);

  it('keeps headings, captions and the last body lines with what follows, and no row splits', () => {
    const problems = rendered.flatMap(({ name, doc, bytes }) => docxKeepProblems(doc, bytes).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('keeps at least the last three lines of the body with the signature block', () => {
    const { doc, bytes } = rendered.find((r) => r.name === 'TB results notice') as (typeof rendered)[number];
    const kept = doc.body.length - signatureKeepStart(doc.body);
    expect(kept).toBeGreaterThan(0);
    const paragraphs = extractDocxParagraphs(bytes);
    const closing = paragraphs.findIndex((p) => p.text.endsWith('biết, thực hiện./.'));
    expect(closing).toBeGreaterThan(0);
    // The closing sentence, the spacer and every line of the signature table keep with what follows.
    expect(paragraphs[closing]).toMatchObject({ keepNext: true, keepLines: true });
    const signature = paragraphs.slice(closing + 1).filter((p) => p.inTable && p.text !== '');
    expect(signature.map((p) => p.text)).toContain('Đậu Tùng Lâm');
    expect(signature.every((p) => p.rowCantSplit)).toBe(true);
  });

  it('draws the report’s charts as pictures that cannot split, titled by a caption that keeps with them', () => {
    const { bytes } = rendered.find((r) => r.name === 'BC results report') as (typeof rendered)[number];
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    expect(xml.match(/<wp:inline/g)?.length).toBeGreaterThan(0);
    expect(xml).not.toContain('w:gridSpan w:val="25"');
  });
});

describe('the keep check', () => {
  it('finds headings and signature lines that do not keep with what follows', async () => {
    const doc = keepRuleSweepDocuments()[0] as OfficialDocument;
    const { bytes } = await createDocxRenderer().render(doc);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    files['word/document.xml'] = strToU8(xml.replace(/<w:keepNext\/>/g, '').replace(/<w:cantSplit\/>/g, ''));
    files['word/styles.xml'] = strToU8(strFromU8(files['word/styles.xml'] as Uint8Array).replace(/<w:keepNext\/>/g, ''));
    const problems = docxKeepProblems(doc, zipSync(files));
    expect(problems.some((p) => /heading or caption .* does not keep/.test(p))).toBe(true);
    expect(problems.some((p) => /does not keep with the signature block/.test(p))).toBe(true);
    expect(problems.some((p) => /row may split|signature line .* may split/.test(p))).toBe(true);
    expect(docxKeepProblems(doc, bytes)).toEqual([]);
  });
});
