import type { IndexValue } from '../contracts/storage-adapter.js';

/**
 * The rank of an index value in the total order every built-in adapter sorts by: a missing field
 * counts as null (0), then booleans (1), numbers (2), strings (3). Values of different ranks never
 * compare equal (`true`, `1` and `'1'` are three values); a SQL adapter can store the rank in its
 * own column and compare `(rank, value)`.
 *
 * @example
 * ```ts
 * indexValueRank(undefined); // 0
 * indexValueRank(false);     // 1
 * indexValueRank(-3.5);      // 2
 * indexValueRank('');        // 3
 * ```
 */
export function indexValueRank(value: IndexValue | undefined): 0 | 1 | 2 | 3 {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return 1;
  return typeof value === 'number' ? 2 : 3;
}

/**
 * Compares two strings by Unicode code point — the order of their UTF-8 bytes, as SQLite's
 * `BINARY` collation and PostgreSQL's `COLLATE "C"` — not by UTF-16 code unit as `<` does, and
 * not by locale. Returns a negative number, 0 or a positive number.
 *
 * @example
 * ```ts
 * compareCodePoints('Z', 'a') < 0;          // true: 'Z' is U+005A
 * compareCodePoints('\u{1F600}', '\uFFFD') > 0; // true, although '\u{1F600}' < '\uFFFD'
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/**
 * Compares two index values in the shared total order: null (or missing) < booleans
 * (`false` < `true`) < numbers < strings (by code point). Ties on the sort value are broken by
 * id, with `compareCodePoints`.
 *
 * @example
 * ```ts
 * const byClosedOn = (a: StoredRecord, b: StoredRecord) =>
 *   compareIndexValues(a.indexes.closedOn, b.indexes.closedOn) || compareCodePoints(a.id, b.id);
 * [true, null, 'a', 2].sort(compareIndexValues); // [null, true, 2, 'a']
 * ```
 */
export function compareIndexValues(a: IndexValue | undefined, b: IndexValue | undefined): number {
  const ra = indexValueRank(a);
  const rb = indexValueRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 3) return compareCodePoints(a as string, b as string);
  const na = Number(a);
  const nb = Number(b);
  return na === nb ? 0 : na < nb ? -1 : 1;
}
