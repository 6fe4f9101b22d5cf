import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VIETNAM_UTC_OFFSET_MINUTES,
  addCivilDays,
  civilDateOf,
  civilTimeOf,
  compareCivilDates,
  decree30DayMonth,
  formatPlaceDateLine,
  formatShortDate,
  formatVietnameseDate,
  isCivilDate,
  matchesSearch,
  parseCivilDate,
  searchKey,
  startOfCivilDate,
  toNfc,
} from '@pccovid-inspect/core/text';

/** Every letter of the Vietnamese alphabet with every tone, lower and upper case. */
const VI_LOWER = [...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ'];
const VI_ALPHABET = [...VI_LOWER, ...VI_LOWER.map((c) => c.toUpperCase())];

describe('toNfc', () => {
  it('turns decomposed (NFD) input into composed NFC', () => {
    const nfd = 'Hà Tĩnh, Đức Thọ, Kỳ Anh, Nghệ'.normalize('NFD');
    expect(nfd).not.toBe('Hà Tĩnh, Đức Thọ, Kỳ Anh, Nghệ');
    expect(toNfc(nfd)).toBe('Hà Tĩnh, Đức Thọ, Kỳ Anh, Nghệ');
    expect(toNfc(nfd).length).toBe('Hà Tĩnh, Đức Thọ, Kỳ Anh, Nghệ'.length);
  });

  it('makes "ệ" typed as e + dot below + circumflex equal to the single code point', () => {
    expect(toNfc('e\u0323\u0302')).toBe('ệ');
    expect(toNfc('e\u0302\u0323')).toBe('ệ');
  });

  it('leaves NFC text unchanged', () => {
    fc.assert(fc.property(fc.string(), (s) => toNfc(toNfc(s)) === toNfc(s)));
  });
});

describe('searchKey', () => {
  it.each([
    ['ĐỨC THỌ', 'duc tho'],
    ['Thị xã Kỳ Anh', 'thi xa ky anh'],
    ['Huyện Kỳ Anh', 'huyen ky anh'],
    ['  Thành phố   Hà\tTĩnh \n', 'thanh pho ha tinh'],
    ['Đậu Tùng Lâm', 'dau tung lam'],
    ['Nghi Xuân, Hương Sơn, Cẩm Xuyên, Lộc Hà, Vũ Quang', 'nghi xuan, huong son, cam xuyen, loc ha, vu quang'],
    ['Trường THPT Can Lộc', 'truong thpt can loc'],
  ])('%j → %j', (input, key) => {
    expect(searchKey(input)).toBe(key);
  });

  it('gives the same key for NFC and NFD input', () => {
    expect(searchKey('Đức Thọ'.normalize('NFD'))).toBe(searchKey('Đức Thọ'));
  });

  it('maps đ and Đ to d', () => {
    expect(searchKey('đĐ')).toBe('dd');
  });

  const vietnameseText = fc
    .array(fc.oneof(fc.constantFrom(...VI_ALPHABET), fc.constantFrom(' ', '  ', '\t', '\n', ',', '.', '-', '0', '7')), { maxLength: 40 })
    .map((cs) => cs.join(''));
  const vietnameseInAnyForm = fc.tuple(vietnameseText, fc.constantFrom('NFC', 'NFD')).map(([s, f]) => s.normalize(f));

  it('is idempotent on Vietnamese text (property)', () => {
    fc.assert(
      fc.property(vietnameseInAnyForm, (s) => searchKey(searchKey(s)) === searchKey(s)),
      { numRuns: 300 },
    );
  });

  it('is idempotent on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => searchKey(searchKey(s)) === searchKey(s)),
      { numRuns: 300 },
    );
  });

  it('outputs lower-case ASCII only for Vietnamese input, trimmed and with single spaces (property)', () => {
    fc.assert(
      fc.property(vietnameseInAnyForm, (s) => {
        const k = searchKey(s);
        expect(k).toMatch(/^[\x20-\x7e]*$/);
        expect(k).toBe(k.toLowerCase());
        expect(k).toBe(k.trim());
        expect(k).not.toMatch(/\s{2}/);
      }),
      { numRuns: 300 },
    );
  });

  it('matchesSearch ignores accents and case', () => {
    expect(matchesSearch('Bệnh viện Đa khoa tỉnh Hà Tĩnh', 'benh vien da khoa')).toBe(true);
    expect(matchesSearch('Thị xã Kỳ Anh', 'KỲ ANH')).toBe(true);
    expect(matchesSearch('Huyện Can Lộc', 'ky anh')).toBe(false);
  });
});

describe('civil dates', () => {
  it('the offset is a fixed UTC+7', () => {
    expect(VIETNAM_UTC_OFFSET_MINUTES).toBe(420);
  });

  it.each([
    ['2021-02-29', false],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2021-04-31', false],
    ['2021-12-31', true],
    ['2021-13-01', false],
    ['2021-00-10', false],
    ['2021-12-00', false],
    ['2021-1-5', false],
    ['21-12-01', false],
    ['2021-12-01T00:00:00Z', false],
    [' 2021-12-01', false],
    ['', false],
  ])('isCivilDate(%j) is %s', (date, ok) => {
    expect(isCivilDate(date)).toBe(ok);
    expect(parseCivilDate(date) !== null).toBe(ok);
  });

  it('parseCivilDate splits a date into numbers', () => {
    expect(parseCivilDate('2021-12-07')).toEqual({ year: 2021, month: 12, day: 7 });
  });

  it('parseCivilDate handles leap years below 100 by the Gregorian rule (not as 19xx)', () => {
    expect(parseCivilDate('0000-02-29')).toEqual({ year: 0, month: 2, day: 29 }); // 1900 was not a leap year; year 0 is
    expect(parseCivilDate('0004-02-29')).not.toBeNull();
    expect(parseCivilDate('0001-02-29')).toBeNull();
  });

  describe('civilDateOf (Asia/Ho_Chi_Minh, UTC+7)', () => {
    it.each([
      ['2021-11-30T16:59:59.999Z', '2021-11-30'],
      ['2021-11-30T17:00:00.000Z', '2021-12-01'],
      ['2021-11-30T18:00:00.000Z', '2021-12-01'],
      ['2021-12-01T00:00:00.000Z', '2021-12-01'],
      ['2021-12-01T16:59:59Z', '2021-12-01'],
      ['2021-12-31T17:00:00Z', '2022-01-01'],
      ['2021-12-31T16:59:59.999Z', '2021-12-31'],
      ['2024-02-28T17:00:00Z', '2024-02-29'],
    ])('%s is %s in Vietnam', (instant, date) => {
      expect(civilDateOf(instant)).toBe(date);
      expect(civilDateOf(new Date(instant))).toBe(date);
    });

    it('rejects a string that is not an instant', () => {
      expect(() => civilDateOf('not a date')).toThrow(RangeError);
    });
  });

  it('civilTimeOf gives the wall-clock time in Vietnam', () => {
    expect(civilTimeOf('2021-12-07T01:30:00.000Z')).toBe('08:30');
    expect(civilTimeOf('2021-11-30T17:00:00.000Z')).toBe('00:00');
    expect(civilTimeOf(new Date('2021-12-07T16:59:00Z'))).toBe('23:59');
  });

  it('startOfCivilDate is 17:00Z of the day before', () => {
    expect(startOfCivilDate('2021-12-01')).toBe('2021-11-30T17:00:00.000Z');
    expect(startOfCivilDate('2022-01-01')).toBe('2021-12-31T17:00:00.000Z');
    expect(() => startOfCivilDate('2021-02-29')).toThrow(RangeError);
  });

  it('startOfCivilDate and civilDateOf agree on both sides of midnight (property)', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (d) => {
        const start = Date.parse(startOfCivilDate(d));
        expect(civilDateOf(new Date(start))).toBe(d);
        expect(civilDateOf(new Date(start - 1))).toBe(addCivilDays(d, -1));
        expect(civilDateOf(new Date(start + 24 * 3600_000 - 1))).toBe(d);
      }),
      { numRuns: 200 },
    );
  });

  describe('addCivilDays', () => {
    it.each([
      ['2021-12-30', 5, '2022-01-04'],
      ['2021-12-31', 1, '2022-01-01'],
      ['2022-01-01', -1, '2021-12-31'],
      ['2021-11-28', 3, '2021-12-01'],
      ['2024-02-28', 1, '2024-02-29'],
      ['2021-02-28', 1, '2021-03-01'],
      ['2021-12-07', 0, '2021-12-07'],
      ['2021-01-01', 365, '2022-01-01'],
    ])('%s + %i days = %s', (date, days, expected) => {
      expect(addCivilDays(date, days)).toBe(expected);
    });

    it('keeps years below 100 (regression: Date.UTC read 0050 as 1950)', () => {
      expect(addCivilDays('0050-01-01', 1)).toBe('0050-01-02');
      expect(addCivilDays('0100-01-01', -1)).toBe('0099-12-31');
      expect(startOfCivilDate('0050-01-02')).toBe(new Date(Date.parse('0050-01-01T17:00:00.000Z')).toISOString());
    });

    it('refuses to leave the years 0000–9999 rather than return a malformed date', () => {
      expect(() => addCivilDays('9999-12-31', 1)).toThrow(RangeError);
      expect(() => addCivilDays('0000-01-01', -1)).toThrow(RangeError);
    });

    it('rejects an invalid date', () => {
      expect(() => addCivilDays('2021-02-29', 1)).toThrow(RangeError);
    });

    it('is invertible and always yields a valid civil date (property)', () => {
      const day = fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9000-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      fc.assert(
        fc.property(day, fc.integer({ min: -20_000, max: 20_000 }), (d, n) => {
          const moved = addCivilDays(d, n);
          expect(isCivilDate(moved)).toBe(true);
          expect(addCivilDays(moved, -n)).toBe(d);
          expect(Math.sign(compareCivilDates(moved, d))).toBe(Math.sign(n));
        }),
        { numRuns: 200 },
      );
    });
  });

  it('compareCivilDates orders dates', () => {
    expect(compareCivilDates('2021-11-28', '2021-12-01')).toBe(-1);
    expect(compareCivilDates('2021-12-01', '2021-12-01')).toBe(0);
    expect(compareCivilDates('2022-01-01', '2021-12-31')).toBe(1);
  });
});

describe('Decree 30 dates', () => {
  it.each([
    ['2022-01-05', 'Hà Tĩnh, ngày 05 tháng 01 năm 2022'],
    ['2021-12-07', 'Hà Tĩnh, ngày 07 tháng 12 năm 2021'],
    ['2021-11-12', 'Hà Tĩnh, ngày 12 tháng 11 năm 2021'],
    ['2021-11-26', 'Hà Tĩnh, ngày 26 tháng 11 năm 2021'],
    ['2022-02-10', 'Hà Tĩnh, ngày 10 tháng 02 năm 2022'],
    ['2022-03-09', 'Hà Tĩnh, ngày 09 tháng 3 năm 2022'],
    ['2022-06-30', 'Hà Tĩnh, ngày 30 tháng 6 năm 2022'],
    ['2021-10-01', 'Hà Tĩnh, ngày 01 tháng 10 năm 2021'],
  ])('formatPlaceDateLine(Hà Tĩnh, %s) = %j', (date, line) => {
    expect(formatPlaceDateLine('Hà Tĩnh', date)).toBe(line);
  });

  it('zero-pads days below 10 and only the months January and February', () => {
    for (let m = 1; m <= 12; m++) {
      const { month } = decree30DayMonth(`2021-${String(m).padStart(2, '0')}-01`);
      expect(month).toBe(m <= 2 ? `0${m}` : String(m));
    }
    for (let d = 1; d <= 31; d++) {
      expect(decree30DayMonth(`2021-12-${String(d).padStart(2, '0')}`).day).toBe(String(d).padStart(2, '0'));
    }
  });

  it('formatVietnameseDate writes the date in words', () => {
    expect(formatVietnameseDate('2021-11-12')).toBe('ngày 12 tháng 11 năm 2021');
  });

  it('formatShortDate writes dd/mm/yyyy as documents cite each other', () => {
    expect(formatShortDate('2021-11-12')).toBe('12/11/2021');
    expect(formatShortDate('2021-11-28')).toBe('28/11/2021');
    expect(formatShortDate('2022-01-05')).toBe('05/01/2022');
  });

  it('rejects an invalid date', () => {
    expect(() => formatPlaceDateLine('Hà Tĩnh', '2021-02-29')).toThrow(RangeError);
    expect(() => formatShortDate('2021-13-01')).toThrow(RangeError);
    expect(() => decree30DayMonth('12/11/2021')).toThrow(RangeError);
  });
});
