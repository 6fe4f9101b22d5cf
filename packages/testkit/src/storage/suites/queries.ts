import { describe, expect, it } from 'vitest';
import type { IndexValue, QueryPage, QueryRequest, StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { HEAVY_TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT, commitPut, commitRecords, putRequest, seedRecords } from '../internal/fixtures.js';

const STATUSES = ['planned', 'underway', 'answered', 'closed'] as const;

/** Index fields of seeded record `i`: a status, a district, a score with ties and nulls, a flag. */
function indexesOf(i: number): Record<string, IndexValue> {
  return {
    status: STATUSES[i % 4] ?? 'planned',
    district: i % 3 === 0 ? '436' : '440',
    score: i % 10 === 0 ? null : i % 7,
    urgent: i % 5 === 0,
  };
}

/** Reads every page and returns the ids in page order, checking page sizes on the way. */
async function readAllPages(adapter: StorageAdapter, request: QueryRequest, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page: QueryPage = await adapter.query({ ...request, limit, cursor });
    expect(page.items.length, `expected a page of at most limit ${limit} items, but got ${page.items.length}`).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.id));
    if (page.nextCursor === null) return ids;
    expect(page.items.length, `expected a full page of ${limit} items before a non-null nextCursor, but got ${page.items.length}`).toBe(limit);
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end after 1000 pages');
}

/** Expected order: nulls first, then by value, ties by id; `desc` reverses the whole order. */
function expectedOrder(count: number, field: 'score', direction: 'asc' | 'desc'): string[] {
  const rows = Array.from({ length: count }, (_, i) => ({ id: `r-${String(i).padStart(3, '0')}`, value: indexesOf(i)[field] as number | null }));
  rows.sort((a, b) => {
    const va = a.value === null ? -Infinity : a.value;
    const vb = b.value === null ? -Infinity : b.value;
    return va === vb ? (a.id < b.id ? -1 : 1) : va - vb;
  });
  const ids = rows.map((r) => r.id);
  return direction === 'asc' ? ids : ids.reverse();
}

const ids = (page: { items: { id: string }[] }): string[] => page.items.map((item) => item.id);

/**
 * Index values chosen so that every wrong order shows: Vietnamese letters whose code-point order
 * differs from `localeCompare('vi')` ('E' U+0045 < 'Đ' U+0110, though Vietnamese sorts Đ right after
 * D; 'b' < 'ă' U+0103, though ă comes right after a), precomposed vs decomposed ('á' U+00E1 vs
 * 'a' + U+0301), upper before lower case, digits as strings vs numbers, a character beyond the
 * BMP ('😀' U+1F600 > '�' U+FFFD, though its UTF-16 code unit is smaller), booleans, nulls and
 * missing fields, and ties (broken by id). `undefined` = the field is missing.
 */
const MIXED_VALUES: [id: string, value: IndexValue | undefined][] = [
  ['m-01', 'Đà Nẵng'],
  ['m-02', 'Eakar'],
  ['m-03', 'Dak Lak'],
  ['m-04', 'ăn'],
  ['m-05', 'bún'],
  ['m-06', 'an'],
  ['m-07', 'á'],
  ['m-08', 'a\u0301'],
  ['m-09', 'Ư'],
  ['m-10', 'U'],
  ['m-11', 'ơ'],
  ['m-12', 'o'],
  ['m-13', 'Zalo'],
  ['m-14', '10'],
  ['m-15', '9'],
  ['m-16', ''],
  ['m-17', '\u{1F600}'],
  ['m-18', '\uFFFD'],
  ['m-19', 10],
  ['m-20', 9],
  ['m-21', -1.5],
  ['m-22', 0],
  ['m-23', true],
  ['m-24', false],
  ['m-25', null],
  ['m-26', undefined],
  ['m-27', 'Đà Nẵng'],
  ['m-28', false],
  ['m-00', 9],
];

/** The rule of the kit, written out independently of any adapter: null < booleans < numbers < strings by code point. */
function kitOrder(a: IndexValue | undefined, b: IndexValue | undefined): number {
  const rank = (v: IndexValue | undefined) => (v === null || v === undefined ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
    const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return x.length - y.length;
  }
  return Number(a ?? 0) - Number(b ?? 0);
}

function mixedExpected(direction: 'asc' | 'desc'): string[] {
  const sorted = [...MIXED_VALUES].sort(([ia, a], [ib, b]) => kitOrder(a, b) || (ia < ib ? -1 : 1)).map(([id]) => id);
  return direction === 'asc' ? sorted : sorted.reverse();
}

/** Says which neighbours are out of order, e.g. `"E" (m-02) came before "Đ" (m-01)`. */
function firstDifference(actual: string[], expected: string[]): string {
  const label = (id: string | undefined) => {
    const entry = MIXED_VALUES.find(([key]) => key === id);
    return entry ? `${entry[1] === undefined ? 'missing' : JSON.stringify(entry[1])} (${id})` : String(id);
  };
  const at = expected.findIndex((id, i) => actual[i] !== id);
  if (at < 0) return actual.length === expected.length ? 'none' : `${actual.length} items instead of ${expected.length}`;
  return `at position ${at} got ${label(actual[at])}, expected ${label(expected[at])}`;
}

/** @internal query: filters, order, paging, isolation. */
export function defineQueriesSuite(ctx: SuiteContext): void {
  describe('queries, filters and paging', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
    it('filters by equality on a string index field', async () => {
      await seedRecords(ctx.adapter(), 12, indexesOf);
      const page = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT, where: { status: 'underway' } });
      expect(ids(page), 'expected where { status: "underway" } to return exactly the 3 matching records, by id').toEqual(['r-001', 'r-005', 'r-009']);
      expect(page.nextCursor, 'expected a null nextCursor on the only page').toBeNull();
      expect(page.items[0]).toMatchObject({ collection: 'visits', tenantId: TENANT, version: 1, data: { n: 1 }, indexes: indexesOf(1) });
    });

    it('filters with `in` and combines fields with AND', async () => {
      await seedRecords(ctx.adapter(), 12, indexesOf);
      const either = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT, where: { status: { in: ['planned', 'closed'] } } });
      expect(ids(either), 'expected `in: [planned, closed]` to return the records with either status').toEqual(['r-000', 'r-003', 'r-004', 'r-007', 'r-008', 'r-011']);
      const both = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT, where: { status: { in: ['planned', 'closed'] }, district: '436' } });
      expect(ids(both), 'expected two filters to be ANDed').toEqual(['r-000', 'r-003']);
      const none = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT, where: { status: { in: [] } } });
      expect(none, 'expected `in: []` to match nothing').toEqual({ items: [], nextCursor: null });
    });

    it('matches null against null values and missing fields', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ id: 'a', indexes: { closedOn: null } }));
      await commitPut(adapter, putRequest({ id: 'b', indexes: {} }));
      await commitPut(adapter, putRequest({ id: 'c', indexes: { closedOn: '2021-12-20' } }));
      expect(
        ids(await adapter.query({ collection: 'visits', tenantId: TENANT, where: { closedOn: null } })),
        'expected where { closedOn: null } to find a null value and a missing field',
      ).toEqual(['a', 'b']);
      expect(ids(await adapter.query({ collection: 'visits', tenantId: TENANT, where: { closedOn: { in: [null, '2021-12-20'] } } }))).toEqual(['a', 'b', 'c']);
      expect(ids(await adapter.query({ collection: 'visits', tenantId: TENANT, where: { closedOn: '2021-12-20' } }))).toEqual(['c']);
    });

    it('compares index values strictly by type (true ≠ 1 ≠ "1")', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ id: 'bool', indexes: { v: true } }));
      await commitPut(adapter, putRequest({ id: 'num', indexes: { v: 1 } }));
      await commitPut(adapter, putRequest({ id: 'str', indexes: { v: '1' } }));
      await commitPut(adapter, putRequest({ id: 'false', indexes: { v: false } }));
      await commitPut(adapter, putRequest({ id: 'zero', indexes: { v: 0 } }));
      const where = (v: IndexValue) => ({ collection: 'visits', tenantId: TENANT, where: { v } });
      expect(ids(await adapter.query(where(true)))).toEqual(['bool']);
      expect(ids(await adapter.query(where(1)))).toEqual(['num']);
      expect(ids(await adapter.query(where('1')))).toEqual(['str']);
      expect(ids(await adapter.query(where(false)))).toEqual(['false']);
      expect(ids(await adapter.query(where(0)))).toEqual(['zero']);
      expect(ids(await adapter.query({ collection: 'visits', tenantId: TENANT, where: { v: { in: [true, 0] } } }))).toEqual(['bool', 'zero']);
    });

    it('orders by id by default, and by an index field asc or desc with ties broken by id', async () => {
      await seedRecords(ctx.adapter(), 30, indexesOf);
      const base = { collection: 'visits', tenantId: TENANT, limit: 1000 };
      const byId = await ctx.adapter().query(base);
      expect(ids(byId), 'expected a query without orderBy to return the records by id').toEqual(Array.from({ length: 30 }, (_, i) => `r-${String(i).padStart(3, '0')}`));
      const asc = await ctx.adapter().query({ ...base, orderBy: { field: 'score' } });
      expect(ids(asc), 'expected orderBy score asc: nulls first, then by number, ties by id').toEqual(expectedOrder(30, 'score', 'asc'));
      const desc = await ctx.adapter().query({ ...base, orderBy: { field: 'score', direction: 'desc' } });
      expect(ids(desc), 'expected orderBy score desc: the asc order reversed, ties included (nulls last)').toEqual(expectedOrder(30, 'score', 'desc'));
      const text = await ctx.adapter().query({ ...base, where: { urgent: true }, orderBy: { field: 'status', direction: 'desc' } });
      // urgent: 0, 5, 10, 15, 20, 25 → underway (5, 25) > planned (0, 20) > closed (15) > answered (10)
      expect(ids(text), 'expected orderBy status desc: strings by code point reversed, ties by id reversed').toEqual(['r-025', 'r-005', 'r-020', 'r-000', 'r-015', 'r-010']);
    });

    it('orders mixed index values by the kit rule (null < booleans < numbers < strings by code point, not by locale), both ways, across pages', async () => {
      const adapter = ctx.adapter();
      await commitRecords(
        adapter,
        TENANT,
        MIXED_VALUES.map(([id, value]) => putRequest({ id, data: { value: value ?? null }, indexes: value === undefined ? {} : { place: value } })),
      );
      const asc = mixedExpected('asc');
      // The data tells the rules apart: locale order and UTF-16 order would both differ.
      const strings = MIXED_VALUES.flatMap(([, v]) => (typeof v === 'string' ? [v] : []));
      expect(
        [...strings].sort((a, b) => a.localeCompare(b, 'vi')),
        'the fixture must tell code-point order from Vietnamese locale order',
      ).not.toEqual([...strings].sort((a, b) => kitOrder(a, b)));
      expect([...strings].sort(), 'the fixture must tell code-point order from UTF-16 order').not.toEqual([...strings].sort((a, b) => kitOrder(a, b)));
      for (const direction of ['asc', 'desc'] as const) {
        const expected = direction === 'asc' ? asc : [...asc].reverse();
        for (const limit of [1000, 4]) {
          const actual = await readAllPages(adapter, { collection: 'visits', tenantId: TENANT, orderBy: { field: 'place', direction } }, limit);
          expect(
            actual,
            `expected orderBy place ${direction} (pages of ${limit}) in the kit order — null/missing < false < true < numbers < strings by Unicode code point, ties by id${direction === 'desc' ? ', all reversed' : ''} — but ${firstDifference(actual, expected)}`,
          ).toEqual(expected);
        }
      }
    });

    it('pages through 250 records with limit 40, returning each exactly once, in order', async () => {
      await seedRecords(ctx.adapter(), 250, indexesOf);
      const all = Array.from({ length: 250 }, (_, i) => `r-${String(i).padStart(3, '0')}`);
      const byId = await readAllPages(ctx.adapter(), { collection: 'visits', tenantId: TENANT }, 40);
      expect(byId, 'expected 250 records paged by id (limit 40) to come back each exactly once, in id order').toEqual(all);
      const asc = await readAllPages(ctx.adapter(), { collection: 'visits', tenantId: TENANT, orderBy: { field: 'score' } }, 40);
      expect(asc, 'expected paging by score asc (limit 40) to return each record exactly once, in order').toEqual(expectedOrder(250, 'score', 'asc'));
      const desc = await readAllPages(ctx.adapter(), { collection: 'visits', tenantId: TENANT, orderBy: { field: 'score', direction: 'desc' } }, 40);
      expect(desc, 'expected paging by score desc (limit 40) to return each record exactly once, in order').toEqual(expectedOrder(250, 'score', 'desc'));
      expect(new Set(desc).size).toBe(250);
      const filtered = await readAllPages(ctx.adapter(), { collection: 'visits', tenantId: TENANT, where: { district: '436' } }, 40);
      expect(filtered, 'expected paging a filtered query to return each matching record exactly once').toEqual(all.filter((_, i) => i % 3 === 0));
    });

    it('returns 100 items by default and a null cursor on the page holding the last item', async () => {
      await seedRecords(ctx.adapter(), 120, indexesOf);
      const first = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT });
      expect(first.items, 'expected a query without limit to return 100 items').toHaveLength(100);
      expect(first.nextCursor, 'expected a next cursor after the first 100 of 120').not.toBeNull();
      const second = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT, cursor: first.nextCursor });
      expect(second.items, 'expected the second page to hold the last 20 of 120').toHaveLength(20);
      expect(second.nextCursor, 'expected a null cursor on the page holding the last item').toBeNull();
      const exact = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT, limit: 60 });
      const rest = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT, limit: 60, cursor: exact.nextCursor });
      expect(rest.items, 'expected the second page of 60 to hold the last 60 of 120').toHaveLength(60);
      expect(rest.nextCursor, 'expected a null cursor on a full last page (no empty page after it)').toBeNull();
    });

    it('never returns records of another tenant or another collection', async () => {
      await seedRecords(ctx.adapter(), 5, indexesOf);
      await seedRecords(ctx.adapter(), 7, indexesOf, { tenantId: OTHER_TENANT });
      await seedRecords(ctx.adapter(), 3, indexesOf, { collection: 'campaigns' });
      const mine = await ctx.adapter().query({ collection: 'visits', tenantId: TENANT });
      expect(mine.items, 'expected a query to return only the 5 records of its own tenant and collection').toHaveLength(5);
      expect(
        mine.items.every((item) => item.tenantId === TENANT && item.collection === 'visits'),
        'expected no record of another tenant or collection in the page',
      ).toBe(true);
      const theirs = await readAllPages(ctx.adapter(), { collection: 'visits', tenantId: OTHER_TENANT }, 2);
      expect(theirs, 'expected tenant 40’s 7 records, paged by 2, and no other tenant’s').toHaveLength(7);
      const filtered = await ctx.adapter().query({ collection: 'visits', tenantId: OTHER_TENANT, where: { status: 'planned' } });
      expect(
        filtered.items.every((item) => item.tenantId === OTHER_TENANT),
        'expected a filtered query to return only its own tenant’s records',
      ).toBe(true);
      expect(await ctx.adapter().query({ collection: 'visits', tenantId: 'nobody' })).toEqual({ items: [], nextCursor: null });
    });

    it('returns the current version of updated records', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ indexes: { status: 'planned' } }));
      await commitPut(adapter, putRequest({ expectedVersion: 1, indexes: { status: 'underway' }, data: { v: 2 } }));
      expect(await adapter.query({ collection: 'visits', tenantId: TENANT, where: { status: 'planned' } })).toEqual({ items: [], nextCursor: null });
      const page = await adapter.query({ collection: 'visits', tenantId: TENANT, where: { status: 'underway' } });
      expect(page.items, 'expected query to return the current version (2) of an updated record').toEqual([expect.objectContaining({ id: 'v-1', version: 2, data: { v: 2 } })]);
    });
  });
}
