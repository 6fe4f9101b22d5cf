import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalStatisticsRow } from '@pccovid-inspect/core';
import { createPostgresStorage } from '../src/index.js';
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

describe('the bulk path (COPY into a stage, then INSERT as each province’s role)', () => {
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
      for (let i = 0; i < 20_000; i++) yield row('s-broken', `t-${i}`, '2021-12-01', 1);
      throw failure;
    }
    await expect(storage.insertPortalStatistics(broken())).rejects.toBe(failure);
    expect(await db.sql("SELECT COUNT(*)::integer AS n FROM pccovid.portal_statistics WHERE tenant_id = 's-broken'")).toEqual([{ n: 0 }]);
    expect(await storage.insertPortalStatistics([row('s-broken', 't-1', '2021-12-01', 1)])).toEqual({ inserted: 1 });
  });
});
