import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCodePoints, compareIndexValues, decodeQueryCursor } from '@pccovid-inspect/core/adapter-kit';
import type { IndexValue, PutRequest, QueryRequest } from '@pccovid-inspect/core';
import { createSqliteStorage, type SqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { migrateSqlite } from '../src/sqlite-migrations.js';
import { SqliteRecords, orderedQuerySteps } from '../src/sqlite-records.js';
import { commitPuts, visitPut } from './commit-batch.js';
import { countsOfFile } from './record-counts.js';

/** The text that only the step reading records without a value (the anti-join) contains. */
const UNVALUED_STEP = /AND NOT EXISTS \(SELECT 1 FROM record_indexes o WHERE/;

/** Records whose `record_indexes` rows differ from their non-null `indexes` (rank and value as the adapter binds them). */
function indexRowsMatchRecords(filename: string): { mismatched: string[] } {
  const db = new Database(filename, { readonly: true });
  try {
    const mismatched: string[] = [];
    const rowsOf = db.prepare('SELECT field, rank, value FROM record_indexes WHERE tenant_id = ? AND collection = ? AND id = ? ORDER BY field');
    for (const r of db.prepare('SELECT tenant_id, collection, id, indexes FROM records').all() as { tenant_id: string; collection: string; id: string; indexes: string }[]) {
      const expected = Object.entries(JSON.parse(r.indexes) as Record<string, IndexValue>)
        .filter(([, v]) => v !== null)
        .sort(([a], [b]) => compareCodePoints(a, b))
        .map(([field, v]) => ({ field, rank: typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : 3, value: typeof v === 'boolean' ? Number(v) : v }));
      if (JSON.stringify(rowsOf.all(r.tenant_id, r.collection, r.id)) !== JSON.stringify(expected)) mismatched.push(`${r.tenant_id}/${r.collection}/${r.id}`);
    }
    return { mismatched };
  } finally {
    db.close();
  }
}

/** Every id of a sorted query, page after page. */
async function allPages(storage: Pick<SqliteStorage, 'query'>, request: QueryRequest): Promise<string[]> {
  const ids: string[] = [];
  let cursor = request.cursor ?? null;
  do {
    const page: Awaited<ReturnType<SqliteStorage['query']>> = await storage.query({ ...request, cursor });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** The contract's order by brute force: the field's value (a missing field is null), then id. */
function bruteForce(
  records: { id: string; indexes: Record<string, IndexValue> }[],
  field: string,
  direction: 'asc' | 'desc',
  keep: (r: { indexes: Record<string, IndexValue> }) => boolean = () => true,
): string[] {
  const valueOf = (r: { indexes: Record<string, IndexValue> }) => r.indexes[field] ?? null;
  const sorted = records.filter(keep).sort((a, b) => compareIndexValues(valueOf(a), valueOf(b)) || compareCodePoints(a.id, b.id));
  return (direction === 'asc' ? sorted : sorted.reverse()).map((r) => r.id);
}

describe('sorted queries and records without a value for the order field', () => {
  const directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-unvalued-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('orderedQuerySteps leaves the unvalued step out exactly when no record lacks a value', () => {
    const request: QueryRequest = { collection: 'visits', tenantId: '42', orderBy: { field: 'scheduledOn' } };
    const parts = (direction: 'asc' | 'desc', unvalued: number, after: { value: IndexValue; id: string } | null = null) =>
      orderedQuerySteps(
        { ...request, orderBy: { field: 'scheduledOn', direction } },
        'scheduledOn',
        after ? { field: 'scheduledOn', direction, ...after } : null,
        101,
        unvalued,
      ).map((s) => s.part);
    expect(parts('asc', 0)).toEqual(['valued']);
    expect(parts('asc', 1)).toEqual(['null', 'valued']);
    expect(parts('desc', 0)).toEqual(['valued']);
    expect(parts('desc', 3)).toEqual(['valued', 'null']);
    // A cursor inside the null part: ascending, the null part (if any is left) then the values; descending, the rest of the null part.
    expect(parts('asc', 0, { value: null, id: 'v-1' })).toEqual(['valued']);
    expect(parts('desc', 0, { value: null, id: 'v-1' })).toEqual([]);
    expect(parts('desc', 2, { value: null, id: 'v-1' })).toEqual(['null']);
    // Without counts (the default), the null part is always read, as before.
    expect(orderedQuerySteps(request, 'scheduledOn', null, 101).map((s) => s.part)).toEqual(['null', 'valued']);
  });

  describe('through the adapter, with every statement it runs logged', () => {
    const filename = join(directory, 'steps.db');
    let storage: SqliteStorage;
    let db: Database.Database;
    let records: SqliteRecords;
    const ran: string[] = [];
    const day = (i: number) => `2021-12-${String(1 + (i % 28)).padStart(2, '0')}`;

    beforeAll(async () => {
      storage = createSqliteStorage({ filename });
      const puts = Array.from({ length: 600 }, (_, i) => visitPut(`v-${String(i).padStart(4, '0')}`, 0, { indexes: { campaignId: `c-${i % 3}`, scheduledOn: day(i) } }));
      await commitPuts(storage, puts);
      // A second connection whose every statement is logged (better-sqlite3's `verbose`), read through the adapter's own SqliteRecords.
      db = new Database(filename, { verbose: (sql) => ran.push(String(sql)) });
      migrateSqlite(db);
      records = new SqliteRecords(db);
    }, 60_000);
    afterAll(async () => {
      db.close();
      await storage.dispose();
    });

    const query = (request: Omit<QueryRequest, 'collection' | 'tenantId'>) => {
      ran.length = 0;
      const page = records.query({ collection: 'visits', tenantId: '42', ...request });
      return { page, ranUnvalued: ran.some((sql) => UNVALUED_STEP.test(sql)), statements: [...ran] };
    };

    it('every record has the field: no page of either direction runs the unvalued step', () => {
      const first = query({ where: { campaignId: 'c-1' }, orderBy: { field: 'scheduledOn' }, limit: 100 });
      expect(first.ranUnvalued, first.statements.join('\n')).toBe(false);
      expect(first.page.items).toHaveLength(100);
      expect(first.page.items[0]?.indexes.scheduledOn).toBe('2021-12-01');
      let cursor = first.page.nextCursor;
      let pages = 0;
      let lastDesc: ReturnType<typeof query> | null = null;
      for (cursor = null; pages === 0 || cursor; pages++) {
        lastDesc = query({ where: { campaignId: 'c-1' }, orderBy: { field: 'scheduledOn', direction: 'desc' }, limit: 60, cursor });
        expect(lastDesc.ranUnvalued, lastDesc.statements.join('\n')).toBe(false);
        cursor = lastDesc.page.nextCursor;
      }
      expect(pages).toBe(4); // 200 visits of c-1, 60 a page
      expect(lastDesc?.page.items.at(-1)?.indexes.scheduledOn).toBe('2021-12-01');
    });

    it('one record without the field: the step runs and finds it first; once it has a value again the step is skipped', async () => {
      await commitPuts(storage, [visitPut('v-0001', 1, { indexes: { campaignId: 'c-1', scheduledOn: null } })]);
      const withNull = query({ where: { campaignId: 'c-1' }, orderBy: { field: 'scheduledOn' }, limit: 100 });
      expect(withNull.ranUnvalued).toBe(true);
      expect(withNull.page.items[0]?.id).toBe('v-0001');
      // A record lacking the field in another campaign still makes the step run (the counts are per collection), and it finds nothing.
      await commitPuts(storage, [visitPut('v-0001', 2, { indexes: { campaignId: 'c-1', scheduledOn: day(1) } }), visitPut('v-0002', 1, { indexes: { campaignId: 'c-2' } })]);
      const otherCampaign = query({ where: { campaignId: 'c-1' }, orderBy: { field: 'scheduledOn' }, limit: 100 });
      expect(otherCampaign.ranUnvalued).toBe(true);
      expect(otherCampaign.page.items[0]?.indexes.scheduledOn).toBe('2021-12-01');
      await commitPuts(storage, [visitPut('v-0002', 2, { indexes: { campaignId: 'c-2', scheduledOn: day(2) } })]);
      expect(query({ where: { campaignId: 'c-1' }, orderBy: { field: 'scheduledOn' }, limit: 100 }).ranUnvalued).toBe(false);
      expect(countsOfFile(filename).kept).toEqual(countsOfFile(filename).recounted);
    });

    it('reads the counts and every step in one read transaction (one snapshot)', () => {
      const { statements } = query({ orderBy: { field: 'scheduledOn' }, limit: 10 });
      expect(statements[0]).toBe('BEGIN');
      expect(statements.at(-1)).toBe('COMMIT');
    });
  });

  describe('results equal the contract order by brute force', () => {
    const filename = join(directory, 'order.db');
    let storage: SqliteStorage;
    const stored: { id: string; indexes: Record<string, IndexValue> }[] = [];
    /** A mix of every rank, nulls and missing fields over 90 visits in 2 campaigns. */
    const valueOf = (i: number): IndexValue | undefined => [undefined, null, true, false, 3, -1.5, 0, 'a', 'b', '2021-12-07', undefined, 12][i % 12];

    beforeAll(async () => {
      storage = createSqliteStorage({ filename });
      const puts: PutRequest[] = [];
      for (let i = 0; i < 90; i++) {
        const value = valueOf(i);
        const indexes: Record<string, IndexValue> = { campaignId: `c-${i % 2}`, ...(value === undefined ? {} : { rank: value }), always: i % 5 };
        puts.push(visitPut(`v-${String((i * 37) % 90).padStart(3, '0')}`, 0, { indexes }));
        stored.push({ id: `v-${String((i * 37) % 90).padStart(3, '0')}`, indexes });
      }
      await commitPuts(storage, puts);
    }, 60_000);
    afterAll(() => storage.dispose());

    it('for records with, without and with null values, both directions, page sizes across the null/valued boundary, with and without a filter', async () => {
      for (const field of ['rank', 'always', 'nowhere']) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const limit of [1, 7, 16, 100]) {
            const all = await allPages(storage, { collection: 'visits', tenantId: '42', orderBy: { field, direction }, limit });
            expect(all, `${field} ${direction} ${limit}`).toEqual(bruteForce(stored, field, direction));
            const filtered = await allPages(storage, { collection: 'visits', tenantId: '42', where: { campaignId: 'c-1' }, orderBy: { field, direction }, limit });
            expect(filtered, `${field} ${direction} ${limit} c-1`).toEqual(bruteForce(stored, field, direction, (r) => r.indexes.campaignId === 'c-1'));
          }
        }
      }
    }, 60_000);

    it('a cursor in the null part stays right when its records get values before the next page', async () => {
      const other = createSqliteStorage({ filename: join(directory, 'moving.db') });
      try {
        await commitPuts(other, [
          visitPut('n-1', 0, { indexes: {} }),
          visitPut('n-2', 0, { indexes: { at: null } }),
          visitPut('v-1', 0, { indexes: { at: 5 } }),
          visitPut('v-2', 0, { indexes: { at: 'x' } }),
        ]);
        const first = await other.query({ collection: 'visits', tenantId: '42', orderBy: { field: 'at' }, limit: 1 });
        expect(first.items.map((r) => r.id)).toEqual(['n-1']);
        expect(decodeQueryCursor(first.nextCursor ?? '', 'at', 'asc')).toMatchObject({ value: null, id: 'n-1' });
        // Both null records get values: no record lacks `at` any more, and the rest of the
        // ascending order (everything after the position null/n-1) is the valued part from its start.
        await commitPuts(other, [visitPut('n-1', 1, { indexes: { at: 0 } }), visitPut('n-2', 1, { indexes: { at: 1 } })]);
        const rest = await allPages(other, { collection: 'visits', tenantId: '42', orderBy: { field: 'at' }, limit: 1, cursor: first.nextCursor });
        expect(rest).toEqual(['n-1', 'n-2', 'v-1', 'v-2']);
        // Descending, a cursor inside the null part (the last part), then the rest of it gets values: nothing is left after it.
        await commitPuts(other, [visitPut('n-3', 0, { indexes: {} }), visitPut('n-4', 0, { indexes: { at: null } })]);
        const descFirst = await other.query({ collection: 'visits', tenantId: '42', orderBy: { field: 'at', direction: 'desc' }, limit: 5 });
        expect(descFirst.items.map((r) => r.id)).toEqual(['v-2', 'v-1', 'n-2', 'n-1', 'n-4']);
        expect(await allPages(other, { collection: 'visits', tenantId: '42', orderBy: { field: 'at', direction: 'desc' }, limit: 5, cursor: descFirst.nextCursor })).toEqual([
          'n-3',
        ]);
        await commitPuts(other, [visitPut('n-3', 1, { indexes: { at: 2 } })]);
        expect(await allPages(other, { collection: 'visits', tenantId: '42', orderBy: { field: 'at', direction: 'desc' }, limit: 5, cursor: descFirst.nextCursor })).toEqual([]);
        expect(await allPages(other, { collection: 'visits', tenantId: '42', orderBy: { field: 'at', direction: 'desc' }, limit: 2 })).toEqual([
          'v-2',
          'v-1',
          'n-3',
          'n-2',
          'n-1',
          'n-4',
        ]);
      } finally {
        await other.dispose();
      }
    }, 30_000);
  });

  it('the trigger-kept counts stay exact through creates, updates that add, null and drop fields, raw deletes (cascading to index rows) and rolled-back commits', async () => {
    const filename = join(directory, 'counts.db');
    const storage = createSqliteStorage({ filename });
    try {
      await commitPuts(storage, [
        visitPut('a', 0, { indexes: { x: 1, y: 'p' } }),
        visitPut('b', 0, { indexes: { x: null } }),
        visitPut('c', 0, { indexes: {} }),
        visitPut('d', 0, { tenantId: '43', indexes: { x: true } }),
        { ...visitPut('e', 0, { indexes: { x: 2 } }), collection: 'targets' },
      ]);
      await commitPuts(storage, [
        visitPut('a', 1, { indexes: { y: 'q' } }),
        visitPut('b', 1, { indexes: { x: 'z', y: null } }),
        visitPut('c', 1, { indexes: { x: false, y: 'p' } }),
      ]);
      // Values changed within a rank and across ranks, kept, dropped and added in one update.
      await commitPuts(storage, [visitPut('d', 1, { tenantId: '43', indexes: { x: 'true', y: -0.5 } })], { tenantId: '43' }); // x: true → 'true', y added
      await commitPuts(storage, [visitPut('d', 2, { tenantId: '43', indexes: { x: 'true', y: 7, z: false } })], { tenantId: '43' }); // x kept, y -0.5 → 7, z added
      // A stale put rolls the whole batch back, counts included.
      await expect(commitPuts(storage, [visitPut('f', 0, { indexes: { x: 1 } }), visitPut('a', 1, { indexes: {} })])).rejects.toMatchObject({ code: 'CONFLICT' });
      let counts = countsOfFile(filename);
      expect(counts.kept).toEqual(counts.recounted);
      expect(counts.kept.records).toEqual([
        { tenant_id: '42', collection: 'targets', n: 1 },
        { tenant_id: '42', collection: 'visits', n: 3 },
        { tenant_id: '43', collection: 'visits', n: 1 },
      ]);
      expect(indexRowsMatchRecords(filename)).toEqual({ mismatched: [] });
      expect(counts.kept.indexRows.filter((r) => r.tenant_id === '43')).toEqual([
        { tenant_id: '43', collection: 'visits', field: 'x', n: 1 },
        { tenant_id: '43', collection: 'visits', field: 'y', n: 1 },
        { tenant_id: '43', collection: 'visits', field: 'z', n: 1 },
      ]);
      expect(counts.kept.indexRows.filter((r) => r.tenant_id === '42' && r.collection === 'visits')).toEqual([
        { tenant_id: '42', collection: 'visits', field: 'x', n: 2 },
        { tenant_id: '42', collection: 'visits', field: 'y', n: 2 },
      ]);
      // Another writer deleting and moving rows directly: the triggers follow (foreign keys on, as the adapter sets them).
      const raw = new Database(filename);
      raw.pragma('foreign_keys = ON');
      raw.prepare("DELETE FROM records WHERE tenant_id = '42' AND collection = 'visits' AND id = 'b'").run();
      raw.prepare("UPDATE record_indexes SET field = 'w' WHERE tenant_id = '42' AND collection = 'visits' AND id = 'c' AND field = 'y'").run();
      raw.close();
      counts = countsOfFile(filename);
      expect(counts.kept).toEqual(counts.recounted);
      expect(await allPages(storage, { collection: 'visits', tenantId: '42', orderBy: { field: 'x' }, limit: 1 })).toEqual(['a', 'c']);
    } finally {
      await storage.dispose();
    }
  }, 30_000);
});
