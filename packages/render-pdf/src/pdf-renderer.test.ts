import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import pdfmake from 'pdfmake';
import { RenderError, createFixedClock } from '@pccovid-inspect/core';
import { parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { conformancePlan } from '@pccovid-inspect/testkit/renderer';
import { createPdfRenderer } from './pdf-renderer.js';
import { tinosFontFiles } from './pdf-fonts.js';

const plan = conformancePlan(); // the Hà Tĩnh 2021 plan

/** The raw bytes as Latin-1, to find uncompressed PDF objects (the info dictionary, page boxes). */
function raw(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** A PDF literal string as pdfkit writes non-ASCII text: UTF-16BE with a byte-order mark, ( ) \\ escaped. */
function pdfUtf16String(text: string): string {
  const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]).toString('latin1');
  return `(${utf16.replace(/[()\\]/g, (c) => `\\${c}`)})`;
}

describe('createPdfRenderer', () => {
  it('writes the document metadata and A4 pages', async () => {
    const { bytes } = await createPdfRenderer({ producer: 'Sở TTTT Hà Tĩnh' }).render(plan, { creationDate: new Date('2021-11-26T01:00:00Z') });
    const text = raw(bytes);
    // pdfkit writes each info value as an object of its own, non-ASCII text as UTF-16BE.
    for (const key of ['/CreationDate', '/ModDate', '/Producer', '/Author', '/Title']) expect(text).toContain(key);
    expect(text.match(/\(D:20211126010000Z\)/g)).toHaveLength(2);
    expect(text).toContain(pdfUtf16String('Sở TTTT Hà Tĩnh'));
    expect(text).toContain(pdfUtf16String('UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG'));
    expect(raw(bytes).match(/\/MediaBox \[0 0 595\.28 841\.89\]/g)).toHaveLength(2);
  });

  it('embeds the Tinos subsets as CID TrueType fonts with a Unicode map', async () => {
    const text = raw((await createPdfRenderer().render(plan)).bytes);
    for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) expect(text).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${face}`));
    expect(text).toContain('/FontFile2');
    expect(text).toContain('/ToUnicode');
  });

  it('dates the file on the document date (08:00 in Hà Nội) when render is given none, whatever the clock says', async () => {
    const renderer = createPdfRenderer({ clock: createFixedClock('2022-01-20T01:00:00Z') });
    const a = await renderer.render(plan);
    const b = await renderer.render(plan, { creationDate: new Date('2021-11-26T01:00:00Z') });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(raw(a.bytes).match(/\(D:20211126010000Z\)/g)).toHaveLength(2);
  });

  it('takes the creation date from its clock for a document without a date line (minutes)', async () => {
    const minutes = parseOfficialDocument({ kind: 'BB', header: { issuingBody: 'TỔ KIỂM TRA', number: null, placeAndDate: null }, title: { type: 'BIÊN BẢN' } });
    const { bytes } = await createPdfRenderer({ clock: createFixedClock('2021-12-08T07:10:00Z') }).render(minutes);
    expect(raw(bytes).match(/\(D:20211208071000Z\)/g)).toHaveLength(2);
    // …unless the minutes carry their own date (the meeting's).
    const dated = await createPdfRenderer({ clock: createFixedClock('2022-01-20T01:00:00Z') }).render({ ...minutes, date: '2021-12-07' });
    expect(raw(dated.bytes).match(/\(D:20211207010000Z\)/g)).toHaveLength(2);
  });

  it('names the issuing body as author and creator, and the tool only as producer', async () => {
    const text = raw((await createPdfRenderer().render(plan)).bytes);
    const issuer = pdfUtf16String('UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(text.split(issuer).length - 1).toBe(2);
    expect(text).toMatch(/\/Creator \d+ 0 R|\/Creator \(/);
    expect(text).toContain('(@pccovid-inspect/render-pdf)');
    expect(text.split('(@pccovid-inspect/render-pdf)').length - 1).toBe(1);
  });

  it('embeds fonts given as bytes, e.g. a province’s own files', async () => {
    const files = tinosFontFiles();
    const read = (p: string | Uint8Array) => new Uint8Array(readFileSync(p as string));
    const renderer = createPdfRenderer({ fonts: { normal: read(files.normal), bold: read(files.bold), italics: read(files.italics), bolditalics: read(files.bolditalics) } });
    const viaBytes = await renderer.render(plan, { creationDate: new Date('2021-11-26T01:00:00Z') });
    const viaPaths = await createPdfRenderer().render(plan, { creationDate: new Date('2021-11-26T01:00:00Z') });
    expect(Buffer.from(viaBytes.bytes).equals(Buffer.from(viaPaths.bytes))).toBe(true);
  });

  it('fails with RENDER_FAILED when a font file is missing, and leaves pdfmake as it found it', async () => {
    const before = { fonts: pdfmake.fonts };
    const files = { ...tinosFontFiles(), bold: '/nonexistent/Bold.ttf' };
    const error = await createPdfRenderer({ fonts: files })
      .render(plan)
      .catch((e: unknown) => e);
    expect(RenderError.isInstance(error)).toBe(true);
    expect((error as RenderError).code).toBe('RENDER_FAILED');
    expect((error as RenderError).documentKind).toBe('KH');
    expect(pdfmake.fonts).toBe(before.fonts);
  });

  it('prints no access-policy warnings', async () => {
    const warn = vi.spyOn(console, 'warn');
    await createPdfRenderer().render(plan);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
