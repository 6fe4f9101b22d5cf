import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { RenderError } from '@pccovid-inspect/core';
import { conformancePlan, diacriticsDocument, extractPdfText, longInputsDocument, otherLayoutDocuments } from '@pccovid-inspect/testkit/renderer';
import { createPdfRenderer } from './pdf-renderer.js';
import { tinosFontFiles, type PdfFontSource } from './pdf-fonts.js';
import { parsedFontCount, parsedFontHandle } from './pdf-parsed-fonts.js';

const plan = conformancePlan();
const created = { creationDate: new Date('2021-11-26T01:00:00Z') };
const bytesOf = (path: PdfFontSource) => new Uint8Array(readFileSync(path as string));
/** Tinos as bytes of this test's own: a handle of their own, so nothing parsed or shaped before is shared. */
const ownFontBytes = () => {
  const files = tinosFontFiles();
  return { normal: bytesOf(files.normal), bold: bytesOf(files.bold), italics: bytesOf(files.italics), bolditalics: bytesOf(files.bolditalics) };
};

describe('fonts parsed once per thread', () => {
  it('parses each font once, however many documents use it', async () => {
    // Bytes of our own: a handle of their own, so this test's count starts from nothing.
    const renderer = createPdfRenderer({ fonts: ownFontBytes() });
    const before = parsedFontCount();
    const first = await renderer.render(plan, created);
    const afterFirst = parsedFontCount() - before;
    expect(afterFirst).toBeGreaterThan(0); // the plan uses regular, bold and italics
    expect(afterFirst).toBeLessThanOrEqual(4);
    const again = await Promise.all([renderer.render(plan, created), renderer.render(plan, created), renderer.render(plan, created)]);
    expect(parsedFontCount() - before).toBe(afterFirst);
    // Sharing the parsed font changes nothing in the file, even with renders interleaved.
    for (const r of again) expect(Buffer.from(r.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('a document reads back the same after others shared the font as when rendered alone (fresh glyphs per document)', async () => {
    // The shared font object itself, handed to every document, lost headings and lines here: its
    // glyph cache carried one document's glyphs into the next one's ToUnicode map.
    const shared = createPdfRenderer();
    const others = [diacriticsDocument(), longInputsDocument(), ...otherLayoutDocuments()];
    for (const doc of others) await shared.render(doc, created);
    const after = await extractPdfText((await shared.render(plan, created)).bytes);
    const alone = createPdfRenderer({ fonts: ownFontBytes() });
    const first = await extractPdfText((await alone.render(plan, created)).bytes);
    expect(after.text).toBe(first.text);
    expect(after.text).toContain('KẾ HOẠCH');
  }, 60_000);

  it('gives one handle per path, so renderers of the same files share the parse', () => {
    const { normal } = tinosFontFiles();
    expect(parsedFontHandle(normal)).toBe(parsedFontHandle(normal));
    expect(parsedFontHandle(bytesOf(normal))).not.toBe(parsedFontHandle(normal));
  });

  it('a file that is not a font fails every render with RENDER_FAILED, and is not remembered as parsed', async () => {
    const notAFont = new TextEncoder().encode('không phải phông chữ / not a font');
    const renderer = createPdfRenderer({ fonts: { ...tinosFontFiles(), normal: notAFont } });
    for (let i = 0; i < 2; i++) {
      const error = await renderer.render(plan, created).catch((e: unknown) => e);
      expect(RenderError.isInstance(error)).toBe(true);
      expect((error as RenderError).code).toBe('RENDER_FAILED');
    }
  });
});
