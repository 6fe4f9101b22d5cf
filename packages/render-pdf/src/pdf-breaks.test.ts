import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { extractPdfText } from '@pccovid-inspect/testkit/renderer';
import { breakablePieces, breakLongRuns, chunkWord, CHUNK } from './pdf-breaks.js';
import { createPdfRenderer } from './pdf-renderer.js';

const WORD = 'Nghiêng'.repeat(Math.ceil(10_000 / 7)).slice(0, 10_000);

describe('long unbroken runs / từ dài không có dấu cách', () => {
  it('cuts a long word into pieces of whole grapheme clusters that join back to it', () => {
    const decomposed = 'Nghie\u0302\u0300ng'.repeat(20); // combining marks: never cut from their letter
    const pieces = chunkWord(`${decomposed}  `);
    expect(pieces.join('')).toBe(`${decomposed}  `);
    expect(pieces.every((p) => !/^\p{M}/u.test(p))).toBe(true);
    expect(chunkWord(WORD).every((p) => [...p].length === CHUNK || p === chunkWord(WORD).at(-1))).toBe(true);
  });

  it('leaves ordinary text alone and cuts only runs longer than 40 characters', () => {
    expect(breakablePieces('Kiểm tra việc triển khai PC-Covid')).toBeNull();
    const text = `Tên đơn vị: ${WORD.slice(0, 100)} và các đơn vị khác`;
    const pieces = breakablePieces(text) ?? [];
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('Tên đơn vị: ');
    expect(pieces.at(-1)).toBe('và các đơn vị khác');
  });

  it('reaches table cells, stacks and columns, and keeps a justified line cut inside a word unstretched', () => {
    const long = WORD.slice(0, 90);
    const content = breakLongRuns([
      { table: { body: [[long, { text: 'ngắn' }]] } },
      { stack: [long] },
      { columns: [{ text: long, alignment: 'justify' }] },
    ] as Content) as unknown as [{ table: { body: unknown[][] } }, { stack: unknown[] }, { columns: { text: { text: string; alignment?: string }[] }[] }];
    expect(content[0].table.body[0]?.[0]).toEqual({ text: chunkWord(long) });
    expect(content[0].table.body[0]?.[1]).toEqual({ text: 'ngắn' });
    expect(content[1].stack[0]).toEqual({ text: chunkWord(long) });
    expect(content[2].columns[0]?.text.every((p) => p.alignment === 'left')).toBe(true);
  });

  it('renders a 10,000-character word; the text read back is the word with every diacritic', async () => {
    const doc = parseOfficialDocument({
      kind: 'BC',
      header: { issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: null, placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-28' } },
      title: { type: 'BÁO CÁO' },
      body: [{ type: 'paragraph', runs: [{ text: `BẮTĐẦU ${WORD} KẾTTHÚC`, bold: false, italic: false, underline: false }] }],
      pageNumbers: 'none',
    });
    const { bytes } = await createPdfRenderer().render(doc);
    const { pages } = await extractPdfText(bytes);
    const text = pages.join('').replace(/\s/gu, '').normalize('NFC');
    const start = text.indexOf('BẮTĐẦU') + 'BẮTĐẦU'.length;
    expect(text.slice(start, text.indexOf('KẾTTHÚC'))).toBe(WORD);
  }, 120_000);
});
