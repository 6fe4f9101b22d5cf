import { describe, expect, it } from 'vitest';
import { parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { documentFragments, documentHeadings } from './document-fragments.js';
import { normaliseForComparison, withoutPageNumbers } from './extract-pdf-text.js';

const doc = parseOfficialDocument({
  kind: 'BC',
  header: { issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: { number: 1, symbol: 'BC-STTTT' }, placeAndDate: null },
  title: { type: 'BÁO CÁO', summary: 'Kết quả' },
  body: [
    { type: 'heading', level: 'part', label: 'I.', text: 'KẾT QUẢ' },
    { type: 'table', columns: [{ title: 'TT' }, { title: 'Đơn vị' }], rows: [['1', 'Chợ Hà Tĩnh']] },
    { type: 'barChart', title: 'Biểu đồ 1', categories: ['a.1'], series: [{ name: 'Tỷ lệ', values: [92.5] }], unit: '%' },
  ],
  appendices: [{ label: 'Phụ lục', title: 'DANH SÁCH' }],
});

describe('documentFragments', () => {
  it('lists table cells and chart labels one by one, and the frame as lines', () => {
    const fragments = documentFragments(doc);
    expect(fragments).toEqual(
      expect.arrayContaining(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số: 01/BC-STTTT', 'I. KẾT QUẢ', 'TT', 'Đơn vị', 'Chợ Hà Tĩnh', 'Biểu đồ 1', 'a.1', '92,5%', 'Phụ lục', 'DANH SÁCH']),
    );
    expect(fragments.some((f) => f.includes(' | '))).toBe(false);
  });

  it('lists the headings: type, summary, outline headings and appendix titles', () => {
    expect(documentHeadings(doc)).toEqual(['BÁO CÁO', 'Kết quả', 'I. KẾT QUẢ', 'Phụ lục', 'DANH SÁCH']);
  });
});

describe('text comparison helpers', () => {
  it('compares NFC text without whitespace', () => {
    expect(normaliseForComparison('Hà  Tĩnh,\n'.normalize('NFD') + 'ngày')).toBe('HàTĩnh,ngày');
  });

  it('drops each page’s own number line only', () => {
    expect(withoutPageNumbers(['1\nKẾ HOẠCH', 'đoạn văn\n2\ntiếp theo\n2'])).toEqual(['KẾ HOẠCH', 'đoạn văn\ntiếp theo\n2']);
  });
});
