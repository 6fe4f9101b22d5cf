import { afterEach, describe, expect, it } from 'vitest';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { conformancePlan, diacriticsDocument, extractPdfText, longInputsDocument, otherLayoutDocuments } from '@pccovid-inspect/testkit/renderer';
import { createPdfRenderer } from './pdf-renderer.js';
import { setShapedWordReplay, shapedWordCounts } from './pdf-shaped-words.js';

const created = { creationDate: new Date('2021-11-26T01:00:00Z') };

/** Words whose glyphs are reached from other characters first: no-break spaces, ligatures, marks, quotes. */
function trickyWords(order: 'plain-first' | 'tricky-first'): OfficialDocument {
  const plain = 'Hà Tĩnh kiểm tra office fifty “mã QR” 1.000 đồng – xong.';
  const tricky = 'Hà\u00A0Tĩnh kiểm\u00A0tra o\uFB03ce \uFB01fty “mã\u00A0QR” 1.000\u202Fđồng – xong. Cafe\u0301 a\u0323';
  const texts = order === 'plain-first' ? [plain, tricky, plain] : [tricky, plain, tricky];
  return parseOfficialDocument({
    kind: 'TB',
    header: {
      parentBody: 'UBND TỈNH HÀ TĨNH',
      issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      number: { number: 7, symbol: 'TB-STTTT' },
      placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-20' },
    },
    title: { type: 'THÔNG BÁO', summary: texts[0]! },
    body: texts.map((text, i) => ({ type: 'paragraph' as const, runs: [{ text, bold: i === 1 }] })),
    signature: { signers: [{ title: 'GIÁM ĐỐC', fullName: 'Nguyễn Văn Kiểm' }] },
    recipients: { entries: ['Như trên'], archive: ['VT'] },
  });
}

const documents = (): OfficialDocument[] => [
  trickyWords('plain-first'),
  conformancePlan(),
  diacriticsDocument(),
  trickyWords('tricky-first'),
  longInputsDocument(),
  ...otherLayoutDocuments(),
];

async function renderAll(docs: readonly OfficialDocument[]): Promise<Buffer[]> {
  // One renderer: later documents replay the words of earlier ones.
  const renderer = createPdfRenderer();
  const out: Buffer[] = [];
  for (const doc of docs) out.push(Buffer.from((await renderer.render(doc, created)).bytes));
  return out;
}

describe('words shaped once per thread', () => {
  afterEach(() => setShapedWordReplay(true));

  it('changes no byte of any PDF: the same documents, in two orders, with words replayed and with every word shaped', async () => {
    const docs = documents();
    for (const order of [docs, [...docs].reverse()]) {
      setShapedWordReplay(true);
      await renderAll(order); // this thread has now shaped (and recorded) every word once
      const before = shapedWordCounts();
      const replayed = await renderAll(order);
      const after = shapedWordCounts();
      expect(after.replayed - before.replayed).toBeGreaterThan(1000);
      expect(after.recorded).toBe(before.recorded); // nothing new to record the second time
      setShapedWordReplay(false);
      const shaped = await renderAll(order);
      expect(replayed.length).toBe(order.length);
      for (let i = 0; i < order.length; i++) expect(replayed[i]!.equals(shaped[i]!), `document ${i}`).toBe(true);
    }
  }, 120_000);

  it('keeps the text that comes back out, no-break spaces, ligatures and decomposed marks included', async () => {
    // The second document replays the first one's words where its own glyphs allow it.
    const [, tricky] = await renderAll([trickyWords('plain-first'), trickyWords('tricky-first')]);
    const text = (await extractPdfText(tricky!)).text.normalize('NFC');
    for (const word of ['Hà', 'Tĩnh', 'kiểm', 'đồng', 'xong.', 'Café', 'ạ']) expect(text).toContain(word);
  }, 60_000);
});
