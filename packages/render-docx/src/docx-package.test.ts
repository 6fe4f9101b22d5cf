import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { RenderError } from '@pccovid-inspect/core';
import { finishDocxPackage, placeholderStyleId, spliceParts } from './docx-package.js';

const para = (text: string) => `<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const slot = (i: number) => `<w:p><w:pPr><w:pStyle w:val="${placeholderStyleId(i)}"/></w:pPr></w:p>`;

function failure(run: () => unknown): RenderError {
  try {
    run();
  } catch (e) {
    if (RenderError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('expected a RenderError');
}

describe('spliceParts', () => {
  it('replaces each placeholder paragraph, and only it, by its XML', () => {
    const xml = `<w:body>${para('a')}${slot(0)}${para('b')}${slot(1)}</w:body>`;
    expect(spliceParts(xml, ['<w:tbl>0</w:tbl>', '<w:tbl>1</w:tbl>'])).toBe(`<w:body>${para('a')}<w:tbl>0</w:tbl>${para('b')}<w:tbl>1</w:tbl></w:body>`);
  });

  it('tells placeholder 1 from placeholder 10', () => {
    const parts = Array.from({ length: 11 }, (_, i) => `<T${i}/>`);
    const xml = parts.map((_, i) => slot(i)).join('');
    expect(spliceParts(xml, parts)).toBe(parts.join(''));
  });

  it('leaves text that looks like a placeholder alone: text is escaped, the marker is markup', () => {
    const text = para('Mã PCCIXMLPART0X &lt;w:pStyle w:val="PcciRawPart0"/&gt; PcciRawPart0');
    expect(spliceParts(`${text}${slot(0)}`, ['<w:tbl/>'])).toBe(`${text}<w:tbl/>`);
  });

  it('fails with RENDER_FAILED, not a plain Error, when a placeholder is lost, repeated or not empty', () => {
    for (const run of [
      () => spliceParts(para('x'), ['<w:tbl/>'], 'BC'),
      () => spliceParts(`${slot(0)}${slot(0)}`, ['<w:tbl/>'], 'BC'),
      () => spliceParts(`<w:p><w:pPr><w:pStyle w:val="${placeholderStyleId(0)}"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`, ['<w:tbl/>'], 'BC'),
    ]) {
      const error = failure(run);
      expect(error.code).toBe('RENDER_FAILED');
      expect(error.documentKind).toBe('BC');
      expect(error.renderer).toBe('docx');
    }
  });
});

describe('finishDocxPackage', () => {
  const packed = zipSync({
    'word/document.xml': strToU8(`<w:document><w:body>${slot(0)}</w:body></w:document>`),
    'docProps/core.xml': strToU8(
      '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2030-01-01T00:00:00.000Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2030-01-01T00:00:00.000Z</dcterms:modified></cp:coreProperties>',
    ),
    '[Content_Types].xml': strToU8('<Types/>'),
  });

  it('splices the tables, stamps the creation date and puts [Content_Types].xml first', () => {
    const out = finishDocxPackage(packed, ['<w:tbl/>'], new Date('2021-12-07T03:15:00.250Z'));
    const files = unzipSync(out);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(files['word/document.xml'] as Uint8Array)).toBe('<w:document><w:body><w:tbl/></w:body></w:document>');
    expect(strFromU8(files['docProps/core.xml'] as Uint8Array).match(/2021-12-07T03:15:00Z/g)).toHaveLength(2);
  });

  it('gives the same bytes for the same date, whatever time it is now', () => {
    const a = finishDocxPackage(packed, ['<w:tbl/>'], new Date('2021-12-07T03:15:00Z'));
    const b = finishDocxPackage(zipSync(unzipSync(packed), { mtime: new Date('2025-06-01T00:00:00Z') }), ['<w:tbl/>'], new Date('2021-12-07T03:15:00Z'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('fails with RENDER_FAILED on a package without word/document.xml', () => {
    const error = failure(() => finishDocxPackage(zipSync({ '[Content_Types].xml': strToU8('<Types/>') }), [], new Date(0), 'KH'));
    expect(error.code).toBe('RENDER_FAILED');
  });
});
