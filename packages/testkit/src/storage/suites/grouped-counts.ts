import { describe, expect, it } from 'vitest';
import { compareIndexValues } from '@pccovid-inspect/core/adapter-kit';
import type { IndexFilter, IndexValue, StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT, commitPut, commitRecords, expectConflict, putRequest, seedRecords } from '../internal/fixtures.js';

/** The request and result of `countBy`, as the contract declares them. */
type CountByRequest = Parameters<NonNullable<StorageAdapter['countBy']>>[0];
type CountGroup = Awaited<ReturnType<NonNullable<StorageAdapter['countBy']>>>['groups'][number];

const DISTRICTS = ['Thành phố Hà Tĩnh', 'Thị xã Hồng Lĩnh', 'Huyện Hương Sơn', 'Huyện Đức Thọ', 'Huyện Kỳ Anh'] as const;
const STATES = ['planned', 'underway', 'reviewed', 'cancelled'] as const;

/**
 * Index fields of seeded record `i`: a Vietnamese district, a state, a boolean, a field that is
 * sometimes null and sometimes missing, and one whose values mix types (`true`, `1`, `'1'`).
 */
function indexesOf(i: number): Record<string, IndexValue> {
  const indexes: Record<string, IndexValue> = {
    campaignId: i % 4 === 0 ? 'c-2' : 'c-1',
    district: DISTRICTS[i % 5] ?? 'Huyện Kỳ Anh',
    state: STATES[i % 4] ?? 'planned',
    started: i % 3 === 0,
    mixed: i % 3 === 0 ? true : i % 3 === 1 ? 1 : '1',
  };
  if (i % 7 === 0) indexes.closedOn = null;
  else if (i % 7 !== 1) indexes.closedOn = `2021-12-${String(10 + (i % 5)).padStart(2, '0')}`;
  return indexes;
}

const COUNT = 160;
const ALL = Array.from({ length: COUNT }, (_, i) => indexesOf(i));

function valueOf(indexes: Record<string, IndexValue>, field: string): IndexValue {
  return Object.hasOwn(indexes, field) ? (indexes[field] ?? null) : null;
}

function passes(indexes: Record<string, IndexValue>, where: Record<string, IndexFilter>): boolean {
  return Object.entries(where).every(([field, filter]) => {
    const value = valueOf(indexes, field);
    return filter !== null && typeof filter === 'object' ? filter.in.includes(value) : value === filter;
  });
}

/** The expected groups, counted one record at a time in plain JavaScript, in key order. */
function bruteForce(records: readonly Record<string, IndexValue>[], groupBy: string[], where: Record<string, IndexFilter> = {}): CountGroup[] {
  const groups: CountGroup[] = [];
  for (const indexes of records) {
    if (!passes(indexes, where)) continue;
    const key = Object.fromEntries(groupBy.map((field) => [field, valueOf(indexes, field)])) as Record<string, IndexValue>;
    const found = groups.find((g) => groupBy.every((field) => g.key[field] === key[field]));
    if (found) found.count += 1;
    else groups.push({ key, count: 1 });
  }
  return groups.sort((a, b) => {
    for (const field of groupBy) {
      const order = compareIndexValues(a.key[field], b.key[field]);
      if (order !== 0) return order;
    }
    return 0;
  });
}

/** @internal countBy: grouped counts over index fields (when `capabilities.groupedCounts`). */
export function defineGroupedCountsSuite(ctx: SuiteContext): void {
  describe('grouped counts', { timeout: TEST_TIMEOUT_MS }, () => {
    const countBy = (request: Omit<CountByRequest, 'collection' | 'tenantId'> & Partial<CountByRequest>) => {
      const adapter = ctx.adapter();
      if (typeof adapter.countBy !== 'function') throw new Error('the adapter declares capabilities.groupedCounts but has no countBy');
      return adapter.countBy({ collection: 'visits', tenantId: TENANT, ...request });
    };

    it('counts per value of one field, Vietnamese strings in code-point order', async () => {
      await seedRecords(ctx.adapter(), COUNT, indexesOf);
      const result = await countBy({ groupBy: ['district'] });
      expect(result, 'expected countBy district to give each district’s count, counted one record at a time, in key order').toEqual({ groups: bruteForce(ALL, ['district']) });
      expect(
        result.groups.map((g) => g.key.district),
        'expected the districts in Unicode code-point order (not Vietnamese locale order): "Huyện Đức Thọ" after "Huyện Kỳ Anh"',
      ).toEqual(['Huyện Hương Sơn', 'Huyện Kỳ Anh', 'Huyện Đức Thọ', 'Thành phố Hà Tĩnh', 'Thị xã Hồng Lĩnh']);
      expect(result.groups.reduce((n, g) => n + g.count, 0)).toBe(COUNT);
    });

    it('groups by several fields, with booleans and null (or a missing field) as keys', async () => {
      await seedRecords(ctx.adapter(), COUNT, indexesOf);
      const byTwo = await countBy({ groupBy: ['state', 'district'] });
      expect(byTwo, 'expected countBy state × district to match the counts of each record').toEqual({ groups: bruteForce(ALL, ['state', 'district']) });
      expect(byTwo.groups.every((g) => Object.keys(g.key).sort().join() === 'district,state' && Number.isSafeInteger(g.count) && g.count >= 1)).toBe(true);
      const byFlag = await countBy({ groupBy: ['started', 'closedOn'] });
      expect(byFlag, 'expected countBy started × closedOn to match, with null and a missing field in one group').toEqual({ groups: bruteForce(ALL, ['started', 'closedOn']) });
      // null (explicit or missing) first, then false before true
      expect(byFlag.groups[0], 'expected the first group to be (false, null): null first, then false before true').toMatchObject({ key: { started: false, closedOn: null } });
      expect(byFlag.groups.filter((g) => g.key.closedOn === null).reduce((n, g) => n + g.count, 0)).toBe(ALL.filter((x) => valueOf(x, 'closedOn') === null).length);
      const nowhere = await countBy({ groupBy: ['noSuchField'] });
      expect(nowhere, 'expected a field no record has to give one group (null) of every record').toEqual({ groups: [{ key: { noSuchField: null }, count: COUNT }] });
    });

    it('keeps true, 1 and "1" in separate groups', async () => {
      await seedRecords(ctx.adapter(), COUNT, indexesOf);
      const result = await countBy({ groupBy: ['mixed'] });
      expect(
        result.groups.map((g) => g.key.mixed),
        'expected true, 1 and "1" to be three groups, in the order booleans < numbers < strings',
      ).toEqual([true, 1, '1']);
      expect(result, 'expected the counts of true, 1 and "1" kept apart').toEqual({ groups: bruteForce(ALL, ['mixed']) });
    });

    it('counts only what `where` selects: equality, `in`, null, booleans, several fields', async () => {
      await seedRecords(ctx.adapter(), COUNT, indexesOf);
      const wheres: Record<string, IndexFilter>[] = [
        { campaignId: 'c-1' },
        { campaignId: 'c-1', started: true },
        { district: { in: ['Huyện Đức Thọ', 'Thị xã Hồng Lĩnh'] }, state: 'reviewed' },
        { closedOn: null },
        { closedOn: { in: [null, '2021-12-12'] }, campaignId: 'c-2' },
        { mixed: 1 },
        { state: { in: [] } },
        { campaignId: 'c-404' },
      ];
      for (const where of wheres) {
        expect(await countBy({ where, groupBy: ['state', 'district'] }), JSON.stringify(where)).toEqual({ groups: bruteForce(ALL, ['state', 'district'], where) });
        expect(await countBy({ where, groupBy: ['started'] }), JSON.stringify(where)).toEqual({ groups: bruteForce(ALL, ['started'], where) });
      }
      // A grouped field that is also filtered holds only the filtered values.
      const filtered = await countBy({ where: { state: { in: ['planned', 'reviewed'] } }, groupBy: ['state'] });
      expect(
        filtered.groups.map((g) => g.key.state),
        'expected a grouped field that is also filtered to hold only the filtered values',
      ).toEqual(['planned', 'reviewed']);
    });

    it('keeps tenants and collections apart', async () => {
      await seedRecords(ctx.adapter(), 20, indexesOf);
      await seedRecords(ctx.adapter(), 30, indexesOf, { tenantId: OTHER_TENANT });
      await seedRecords(ctx.adapter(), 10, indexesOf, { collection: 'remediations' });
      const first = Array.from({ length: 20 }, (_, i) => indexesOf(i));
      expect(await countBy({ groupBy: ['state'] }), 'expected countBy to count only tenant 42’s visits').toEqual({ groups: bruteForce(first, ['state']) });
      expect(await countBy({ tenantId: OTHER_TENANT, groupBy: ['state'] })).toEqual({
        groups: bruteForce(
          Array.from({ length: 30 }, (_, i) => indexesOf(i)),
          ['state'],
        ),
      });
      expect(await countBy({ collection: 'remediations', groupBy: ['state'] })).toEqual({
        groups: bruteForce(
          Array.from({ length: 10 }, (_, i) => indexesOf(i)),
          ['state'],
        ),
      });
      expect(await countBy({ tenantId: 'nobody', groupBy: ['state'] })).toEqual({ groups: [] });
    });

    it('counts the current version of updated records, and nothing of a refused batch', async () => {
      const adapter = ctx.adapter();
      await commitRecords(adapter, TENANT, [
        putRequest({ id: 'a', indexes: { state: 'planned', district: 'Huyện Can Lộc' } }),
        putRequest({ id: 'b', indexes: { state: 'planned', district: 'Huyện Can Lộc' } }),
      ]);
      await commitPut(adapter, putRequest({ id: 'a', expectedVersion: 1, indexes: { state: 'underway', district: 'Huyện Can Lộc' } }));
      await expectConflict(
        () =>
          commitRecords(adapter, TENANT, [
            putRequest({ id: 'c', indexes: { state: 'planned', district: 'Huyện Can Lộc' } }),
            putRequest({ id: 'b', expectedVersion: 0, indexes: { state: 'reviewed', district: 'Huyện Can Lộc' } }),
          ]),
        'a batch that creates the existing b',
        { collection: 'visits', id: 'b' },
      );
      expect(await countBy({ groupBy: ['state'] }), 'expected countBy to count the current versions and nothing of the refused batch').toEqual({
        groups: [
          { key: { state: 'planned' }, count: 1 },
          { key: { state: 'underway' }, count: 1 },
        ],
      });
    });
  });
}
