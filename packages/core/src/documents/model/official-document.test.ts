import { describe, expect, it } from 'vitest';
import { OfficialDocumentSchema, describeOfficialDocument, parseOfficialDocument } from './official-document.js';
import { formatDocumentNumber, formatDocumentNumberShort } from './number-and-symbol.js';
import { formatPlaceAndDate } from './place-and-date.js';
import { formatRecipientLines } from './recipients-block.js';
import { formatAddresseeLines } from './addressee-lines.js';
import { signerHeadingLines } from './signature-block.js';
import { barChartScale, formatChartValue } from './bar-chart-block.js';
import { officialDocumentPlainText } from './document-plain-text.js';
import { ValidationError } from '../../errors/validation-error.js';

const MINIMAL = {
  kind: 'TB',
  header: { issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: { number: 3, symbol: 'TB-STTTT' }, placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-20' } },
  title: { type: 'THÔNG BÁO' },
} as const;

function pathsOf(input: unknown): string[] {
  try {
    parseOfficialDocument(input);
  } catch (e) {
    if (ValidationError.isInstance(e)) return e.issues.map((i) => i.path.join('.'));
    throw e;
  }
  return [];
}

describe('OfficialDocumentSchema', () => {
  it('fills defaults: national title, motto, empty body, page numbers from page 2', () => {
    const doc = parseOfficialDocument(MINIMAL);
    expect(doc.header.nationalTitle).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc.header.motto).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(doc.header.parentBody).toBeNull();
    expect(doc).toMatchObject({ body: [], addressees: [], appendices: [], signature: null, recipients: null, pageNumbers: 'fromSecondPage' });
    expect(doc.title).toEqual({ type: 'THÔNG BÁO', summary: null });
  });

  it('normalises decomposed Vietnamese to NFC everywhere', () => {
    const nfd = 'Kiểm tra việc quét mã QR'.normalize('NFD');
    const doc = parseOfficialDocument({
      ...MINIMAL,
      body: [
        { type: 'paragraph', runs: [{ text: nfd }] },
        { type: 'table', columns: [{ title: nfd }], rows: [[nfd]] },
      ],
    });
    const text = officialDocumentPlainText(doc).join('\n');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('Kiểm tra việc quét mã QR');
  });

  it('requires an official letter to have a "V/v" line and no title, and others a title', () => {
    expect(pathsOf({ ...MINIMAL, kind: 'CV' })).toEqual(['title', 'header.subjectLine']);
    expect(pathsOf({ ...MINIMAL, title: null })).toEqual(['title']);
  });

  it('points at the row whose cell count does not match the columns', () => {
    const table = { type: 'table', columns: [{ title: 'A' }, { title: 'B' }], rows: [['1', '2'], ['3']], footerRows: [['x']] };
    expect(pathsOf({ ...MINIMAL, body: [table] })).toEqual(['body.0.rows.1', 'body.0.footerRows.0']);
  });

  it('points at a chart series with the wrong number of values, and a negative value', () => {
    const chart = {
      type: 'barChart',
      title: 'T',
      categories: ['a', 'b'],
      series: [
        { name: 's', values: [1] },
        { name: 't', values: [1, -2] },
      ],
    };
    expect(pathsOf({ ...MINIMAL, body: [chart] })).toEqual(['body.0.series.1.values.1', 'body.0.series.0.values']);
  });

  it('rejects an unknown block type and a KT. prefix without the head title', () => {
    expect(pathsOf({ ...MINIMAL, body: [{ type: 'image' }] })).toEqual(['body.0.type']);
    expect(pathsOf({ ...MINIMAL, signature: { signers: [{ authority: 'KT.', title: 'PHÓ GIÁM ĐỐC' }] } })).toEqual(['signature.signers.0.authorityOf']);
  });

  it('is what JSON round-trips to', () => {
    const doc = parseOfficialDocument(MINIMAL);
    expect(OfficialDocumentSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('describes itself for file metadata', () => {
    const doc = parseOfficialDocument({ ...MINIMAL, header: { ...MINIMAL.header, parentBody: 'UBND TỈNH HÀ TĨNH' }, title: { type: 'THÔNG BÁO', summary: 'Kết quả kiểm tra' } });
    expect(describeOfficialDocument(doc)).toEqual({
      title: 'THÔNG BÁO Kết quả kiểm tra',
      subject: 'Kết quả kiểm tra',
      author: 'UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      keywords: 'TB',
    });
  });
});

describe('Decree 30 text formatters', () => {
  it('formats numbers, blank numbers and citations', () => {
    expect(formatDocumentNumber({ number: 5, symbol: 'KH-STTTT' })).toBe('Số: 05/KH-STTTT');
    expect(formatDocumentNumber({ number: 125, symbol: 'STTTT-TTr' })).toBe('Số: 125/STTTT-TTr');
    expect(formatDocumentNumber({ number: null, symbol: 'KH-STTTT' })).toBe('Số:       /KH-STTTT');
    expect(formatDocumentNumberShort({ number: null, symbol: 'BC-STTTT' })).toBe('…/BC-STTTT');
  });

  it('formats the place-and-date line, zero-padding days and January/February', () => {
    expect(formatPlaceAndDate({ place: 'Hà Tĩnh', date: '2022-01-05', blankDay: false })).toBe('Hà Tĩnh, ngày 05 tháng 01 năm 2022');
    expect(formatPlaceAndDate({ place: 'Hà Tĩnh', date: '2021-06-15', blankDay: true })).toBe('Hà Tĩnh, ngày      tháng 6 năm 2021');
  });

  it('formats recipients, addressees and signer headings', () => {
    expect(formatRecipientLines({ entries: ['Như trên', 'Lãnh đạo Sở;'], archive: ['VT', 'TTr'] })).toEqual(['- Như trên;', '- Lãnh đạo Sở;', '- Lưu: VT, TTr.']);
    expect(formatAddresseeLines([])).toEqual([]);
    expect(formatAddresseeLines(['UBND tỉnh Hà Tĩnh.'])).toEqual(['Kính gửi: UBND tỉnh Hà Tĩnh.']);
    expect(formatAddresseeLines(['Sở Y tế', 'UBND huyện Kỳ Anh'])).toEqual(['Kính gửi:', '- Sở Y tế;', '- UBND huyện Kỳ Anh.']);
    expect(signerHeadingLines({ authority: 'TM.', authorityOf: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signerHeadingLines({ authority: null, authorityOf: null, title: 'GIÁM ĐỐC' })).toEqual(['GIÁM ĐỐC']);
  });

  it('scales and labels chart values', () => {
    expect(barChartScale({ maxValue: null, series: [{ name: 's', values: [0, 0] }] })).toBe(1);
    expect(barChartScale({ maxValue: 100, series: [{ name: 's', values: [3] }] })).toBe(100);
    expect(formatChartValue(85.71, '%')).toBe('85,7%');
    expect(formatChartValue(12, '')).toBe('12');
  });
});
