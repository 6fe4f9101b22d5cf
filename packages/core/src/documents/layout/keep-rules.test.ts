import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../model/body-block.js';
import { parseOfficialDocument } from '../model/official-document.js';
import {
  DECREE30_KEEP,
  barChartPieces,
  decree30TextHeightPt,
  estimateBlockLines,
  keepsWithNext,
  officialDocumentAuthor,
  officialDocumentDate,
  signatureKeepStart,
} from './keep-rules.js';

const para = (text: string): BodyBlock => ({ type: 'paragraph', runs: [{ text, bold: false, italic: false, underline: false }], align: 'justify', firstLineIndent: true });
const heading: BodyBlock = { type: 'heading', level: 'clause', label: '3.', text: 'Yêu cầu:', continuation: [] };
const table: BodyBlock = {
  type: 'table',
  caption: 'Bảng 1',
  columns: [{ title: 'A', width: 1, align: 'left' }],
  rows: [['1'], ['2']],
  footerRows: [],
  repeatHeader: true,
  fontSizePt: 12,
};
const sentence = 'Tổ kiểm tra đã kiểm tra việc niêm yết mã QR địa điểm và hướng dẫn người dân quét mã bằng ứng dụng PC-Covid. ';

describe('estimateBlockLines', () => {
  it('counts one line for a short line and more as the text wraps', () => {
    expect(estimateBlockLines(para('Nơi nhận'))).toBe(1);
    const two = estimateBlockLines(para(sentence.repeat(2)));
    expect(two).toBeGreaterThanOrEqual(2);
    expect(two).toBeLessThanOrEqual(3);
    expect(estimateBlockLines(para(sentence.repeat(20)))).toBeGreaterThan(15);
  });

  it('counts a table by caption, header and rows', () => {
    expect(estimateBlockLines(table)).toBe(4);
  });
});

describe('signatureKeepStart', () => {
  it('keeps the last blocks that hold at least three lines, with the heading before them', () => {
    const body = [para(sentence.repeat(6)), heading, para('Một dòng.'), para('Một dòng nữa./.')];
    expect(signatureKeepStart(body)).toBe(1);
    expect(DECREE30_KEEP.signatureWithLines).toBe(3);
  });

  it('keeps one long last paragraph on its own', () => {
    const body = [para('Mở đầu.'), para(sentence.repeat(4))];
    expect(signatureKeepStart(body)).toBe(1);
    expect(signatureKeepStart([])).toBe(0);
  });

  it('takes a short table whole when the lines after it are too few, and never a long one', () => {
    expect(signatureKeepStart([para('a'), table, para('Kính báo cáo./.')])).toBe(1);
    expect(signatureKeepStart([para('a'), table])).toBe(1);
    const long = { ...table, rows: Array.from({ length: 40 }, (_, i) => [String(i)]) } as BodyBlock;
    expect(signatureKeepStart([para('a'), long, para('Kính báo cáo./.')])).toBe(2);
  });

  it('treats headings as keeping with what follows', () => {
    expect(keepsWithNext(heading)).toBe(true);
    expect(keepsWithNext(table)).toBe(false);
  });
});

describe('file metadata of a document', () => {
  const doc = parseOfficialDocument({
    kind: 'TB',
    header: { parentBody: 'UBND TỈNH HÀ TĨNH', issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: null, placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-09' } },
    title: { type: 'THÔNG BÁO' },
  });

  it('dates the file on the document date, 08:00 in Hà Nội', () => {
    expect(officialDocumentDate(doc)?.toISOString()).toBe('2021-12-09T01:00:00.000Z');
    expect(officialDocumentDate({ header: { ...doc.header, placeAndDate: null } })).toBeNull();
    // Minutes print no date line: their own date (the meeting's) stands in.
    expect(officialDocumentDate({ header: { ...doc.header, placeAndDate: null }, date: '2021-12-07' })?.toISOString()).toBe('2021-12-07T01:00:00.000Z');
    expect(parseOfficialDocument({ ...doc, header: { ...doc.header, placeAndDate: null }, date: '2021-12-07' }).date).toBe('2021-12-07');
    expect(() => parseOfficialDocument({ ...doc, date: '2021-13-07' })).toThrow();
  });

  it('names the issuing body as the author', () => {
    expect(officialDocumentAuthor(doc)).toBe('UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
  });
});

describe('barChartPieces', () => {
  const label = 'Hướng dẫn, nhắc nhở người đến giao dịch thực hiện quét mã QR tại các cổng ra vào của đơn vị';

  it('keeps a short chart in one piece', () => {
    const pieces = barChartPieces({ categories: ['a', 'b', 'c'], series: [{ name: 's', values: [1, 2, 3] }] });
    expect(pieces.map((p) => p.categories)).toEqual([[0, 1, 2]]);
  });

  it('cuts a chart of long labels into pieces that each fit well within a page, losing no category', () => {
    const categories = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${label}`);
    const pieces = barChartPieces({
      categories,
      series: [
        { name: 'Đạt', values: categories.map(() => 1) },
        { name: 'Chưa đạt', values: categories.map(() => 0) },
      ],
    });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.flatMap((p) => p.categories)).toEqual(categories.map((_, i) => i));
    for (const p of pieces) expect(p.heightPt).toBeLessThanOrEqual(decree30TextHeightPt() * DECREE30_KEEP.chartPieceMaxPageShare);
  });
});
