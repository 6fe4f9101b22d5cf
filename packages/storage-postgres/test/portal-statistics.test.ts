import pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalStatisticsRow } from '@pccovid-inspect/core';
import { createPostgresStorage, defaultTenantRole } from '../src/index.js';
import type { PostgresStorage } from '../src/index.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

const row = (tenantId: string, targetId: string, date: string, scans: number): PortalStatisticsRow => ({
  tenantId,
  targetId,
  districtCode: '436',
  date,
  registeredPoints: 2,
  scans,
  distinctVisitors: scans,
});

describe('the bulk path (COPY into each province’s partition as its role; a re-import through a stage and an upsert)', () => {
  let db: TestDatabase;
  let storage: PostgresStorage;
  beforeAll(async () => {
    db = await createTestDatabase('pccovid_statistics');
    storage = await createPostgresStorage({ connectionString: db.url, poolSize: 1 });
  });
  afterAll(async () => {
    await storage?.dispose();
    await db?.drop();
  });

  it('stores targets whose ids hold a tab, a newline, a backslash and Vietnamese text byte-exactly', async () => {
    const ids = ['t\tab', 'line\nbreak', 'back\\slash\\N', 'Nhà thuốc Hồng Lĩnh\r'];
    expect(await storage.insertPortalStatistics(ids.map((id, i) => row('s-text', id, '2021-12-01', i)))).toEqual({ inserted: 4 });
    const summary = await storage.summarizePortalStatistics('s-text', { from: '2021-12-01', to: '2021-12-01' });
    expect(summary.map((s) => s.targetId).sort()).toEqual([...ids].sort());
  });

  it('keeps the last row of a target and day repeated in one import, and replaces stored rows on a re-import', async () => {
    await storage.insertPortalStatistics([row('s-dup', 't-1', '2021-12-01', 1), row('s-dup', 't-1', '2021-12-02', 5), row('s-dup', 't-1', '2021-12-01', 3)]);
    expect(await storage.summarizePortalStatistics('s-dup', { from: '2021-12-01', to: '2021-12-31' })).toEqual([
      { targetId: 't-1', districtCode: '436', days: 2, zeroScanDays: 0, totalScans: 8, maxRegisteredPoints: 2 },
    ]);
    await storage.insertPortalStatistics([row('s-dup', 't-1', '2021-12-02', 0)]);
    expect((await storage.summarizePortalStatistics('s-dup', { from: '2021-12-01', to: '2021-12-31' }))[0]).toMatchObject({ days: 2, zeroScanDays: 1, totalScans: 3 });
  });

  it('imports rows of several provinces in one call, each written as its own role', async () => {
    expect(await storage.insertPortalStatistics([row('s-a', 't-1', '2021-12-01', 1), row('s-b', 't-2', '2021-12-01', 2), row('s-a', 't-3', '2021-12-01', 3)])).toEqual({
      inserted: 3,
    });
    expect(await db.sql("SELECT tenant_id, COUNT(*)::integer AS n FROM pccovid.portal_statistics WHERE tenant_id IN ('s-a', 's-b') GROUP BY 1 ORDER BY 1")).toEqual([
      { tenant_id: 's-a', n: 2 },
      { tenant_id: 's-b', n: 1 },
    ]);
  });

  it('passes an error of the caller’s iterator through unchanged, writes nothing, and stays usable', async () => {
    const failure = new Error('the CSV file is truncated');
    function* broken(): Generator<PortalStatisticsRow> {
      // Past the first chunks (50,000 rows each): the error comes while a chunk's INSERT runs.
      for (let i = 0; i < 120_000; i++) yield row('s-broken', `t-${i}`, '2021-12-01', 1);
      throw failure;
    }
    await expect(storage.insertPortalStatistics(broken())).rejects.toBe(failure);
    expect(await db.sql("SELECT COUNT(*)::integer AS n FROM pccovid.portal_statistics WHERE tenant_id = 's-broken'")).toEqual([{ n: 0 }]);
    expect(await storage.insertPortalStatistics([row('s-broken', 't-1', '2021-12-01', 1)])).toEqual({ inserted: 1 });
  });

  it('across chunks (50,000 rows each): two provinces interleaved, keys repeated within a chunk and 120,000 rows later (the last wins), then a re-import', async () => {
    function* rows(scans: number): Generator<PortalStatisticsRow> {
      for (let i = 0; i < 120_000; i++) yield row(i % 3 === 0 ? 's-chunk-b' : 's-chunk-a', `t-${Math.floor(i / 3) % 40_000}`, '2021-12-01', scans);
      yield row('s-chunk-a', 't-1', '2021-12-01', 7);
    }
    expect(await storage.insertPortalStatistics(rows(1))).toEqual({ inserted: 120_001 });
    const counts = "SELECT tenant_id, COUNT(*)::integer AS n, SUM(scans)::integer AS scans FROM pccovid.portal_statistics WHERE tenant_id LIKE 's-chunk-%' GROUP BY 1 ORDER BY 1";
    // Province a's t-k comes in rows 3k+1 and 3k+2, and t-1 once more in the last chunk: one row per target, the last one stored.
    expect(await db.sql(counts)).toEqual([
      { tenant_id: 's-chunk-a', n: 40_000, scans: 40_000 - 1 + 7 },
      { tenant_id: 's-chunk-b', n: 40_000, scans: 40_000 },
    ]);
    expect(await storage.insertPortalStatistics(rows(2))).toEqual({ inserted: 120_001 });
    expect(await db.sql(counts)).toEqual([
      { tenant_id: 's-chunk-a', n: 40_000, scans: 2 * (40_000 - 1) + 7 },
      { tenant_id: 's-chunk-b', n: 40_000, scans: 80_000 },
    ]);
  }, 120_000);

  it('keeps rows longer than the reused arena holds (8 MiB a chunk) byte-exact, and upserts them on a re-import', async () => {
    // 50,000 rows of about 230 bytes: a chunk's text outgrows the arena, the rest goes to buffers of its own.
    const long = (i: number) => `${'Nhà thuốc '.repeat(20)}${String(i).padStart(6, '0')}`;
    function* rows(scans: number): Generator<PortalStatisticsRow> {
      for (let i = 0; i < 60_000; i++) yield row('s-long', long(i), '2021-12-01', scans);
    }
    expect(await storage.insertPortalStatistics(rows(1))).toEqual({ inserted: 60_000 });
    expect(await storage.insertPortalStatistics(rows(2))).toEqual({ inserted: 60_000 });
    const stored = await db.sql<{ n: number; scans: number; first: string; last: string }>(
      "SELECT COUNT(*)::integer AS n, SUM(scans)::integer AS scans, MIN(target_id) AS first, MAX(target_id) AS last FROM pccovid.portal_statistics WHERE tenant_id = 's-long'",
    );
    expect(stored).toEqual([{ n: 60_000, scans: 120_000, first: long(0), last: long(59_999) }]);
  }, 120_000);

  it("a province's role cannot load another province's rows through a stage of its own (COPY into a temporary table, INSERT … SELECT)", async () => {
    await storage.insertPortalStatistics([row('s-own', 't-1', '2021-12-01', 1), row('s-other', 't-1', '2021-12-01', 1)]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`SET ROLE "${defaultTenantRole('s-own')}"`);
      await client.query('BEGIN');
      // The direct route is closed: row-level security refuses COPY FROM into the table.
      await expect(pipeline(Readable.from(['s-own\tt-2\t2021-12-02\t436\t1\t1\t1\n']), client.query(copyFrom('COPY pccovid.portal_statistics FROM STDIN')))).rejects.toMatchObject({
        code: '0A000',
      });
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query('CREATE TEMPORARY TABLE stage (LIKE pccovid.portal_statistics) ON COMMIT DROP');
      await pipeline(Readable.from(['s-own\tt-2\t2021-12-02\t436\t1\t1\t1\ns-other\tt-2\t2021-12-02\t436\t1\t9\t9\n']), client.query(copyFrom('COPY stage FROM STDIN')));
      // The stage is the role's own (no policy on it), but the INSERT into the table is checked row by row.
      await expect(client.query('INSERT INTO pccovid.portal_statistics SELECT * FROM stage')).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/row-level security/) as unknown,
      });
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    expect(await db.sql("SELECT tenant_id, target_id FROM pccovid.portal_statistics WHERE tenant_id IN ('s-own', 's-other') ORDER BY 1, 2")).toEqual([
      { tenant_id: 's-other', target_id: 't-1' },
      { tenant_id: 's-own', target_id: 't-1' },
    ]);
  });
});
