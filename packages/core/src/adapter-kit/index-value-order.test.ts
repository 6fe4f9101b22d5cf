import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareIndexValues, indexValueRank } from '@pccovid-inspect/core/adapter-kit';
import type { IndexValue } from '@pccovid-inspect/core';

describe('index value order', () => {
  it('ranks null (and a missing field) < booleans < numbers < strings', () => {
    expect([undefined, null, false, true, 0, -1.5, '', 'x'].map(indexValueRank)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('sorts mixed values by type first, then within the type', () => {
    const values: IndexValue[] = ['b', 10, true, null, 'a', -2, false, '10', 1];
    expect([...values].sort(compareIndexValues)).toEqual([null, false, true, -2, 1, 10, '10', 'a', 'b']);
  });

  it('never treats values of different types as equal', () => {
    expect(compareIndexValues(true, 1)).toBeLessThan(0);
    expect(compareIndexValues(1, '1')).toBeLessThan(0);
    expect(compareIndexValues(null, undefined)).toBe(0);
    expect(compareIndexValues(false, false)).toBe(0);
    expect(compareIndexValues(2.5, 2.5)).toBe(0);
  });

  it('compares strings by code point, not UTF-16 code unit or locale', () => {
    expect(compareCodePoints('Z', 'a')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abcd')).toBeLessThan(0);
    expect(compareCodePoints('Hà', 'Hà')).toBe(0);
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FFFD, although '\u{1F600}' < '\uFFFD'.
    expect('\u{1F600}' < '\uFFFD').toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect(compareIndexValues('\uFFFD', '\u{1F600}')).toBeLessThan(0);
  });

  it('agrees with the order of UTF-8 bytes', () => {
    const texts = ['a', 'B', 'ă', 'Đ', '\u{1F600}', '\uFFFD', 'ạ', 'e\u0301', 'é', ''];
    const bytes = (s: string) => Array.from(new TextEncoder().encode(s));
    const byBytes = [...texts].sort((x, y) => {
      const [a, b] = [bytes(x), bytes(y)];
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return a.length - b.length;
    });
    expect([...texts].sort(compareCodePoints)).toEqual(byBytes);
  });
});
