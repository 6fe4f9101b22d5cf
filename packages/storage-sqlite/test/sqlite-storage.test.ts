import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, StorageError } from '@pccovid-inspect/core';
import type { PortalStatisticsRow } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import type { SqliteStorageOptions } from '@pccovid-inspect/storage-sqlite';

const AT = '2021-12-06T01:30:00.000Z';
const visit = (id: string, expectedVersion = 0) => ({
  collection: 'visits',
  tenantId: '42',
  id,
  data: { id },
  indexes: { status: 'planned' },
  updatedAt: AT,
  expectedVersion,
});

describe('createSqliteStorage', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-storage-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('rejects bad options with CONFIGURATION_INVALID before touching the disk', () => {
    const bad: SqliteStorageOptions[] = [{ filename: '' }, { durability: 'paranoid' as 'full' }, { busyTimeoutMs: -1 }, { busyTimeoutMs: 1.5 }];
    for (const options of bad) expect(() => createSqliteStorage(options)).toThrow(ConfigurationError);
  });

  it('fails to open an unreachable path with STORAGE_FAILED', () => {
    expect(() => createSqliteStorage({ filename: join(directory, 'missing', 'dir', 'x.db') })).toThrow(StorageError);
  });

  it('puts the file in WAL mode and declares a durable, multi-process store', async () => {
    const filename = join(directory, 'wal.db');
    const storage = createSqliteStorage({ filename, durability: 'full' });
    await storage.put(visit('v-1'));
    const other = new Database(filename, { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    expect(storage.capabilities).toEqual({ transactions: true, multiProcess: true, durable: true, portalStatistics: true, maxRecordBytes: null, groupedCounts: true });
    await storage.dispose();
  });

  it('runs in memory with ":memory:", declaring neither durability nor multi-process', async () => {
    const storage = createSqliteStorage({ filename: ':memory:' });
    await storage.put(visit('v-1'));
    expect(await storage.get('visits', '42', 'v-1')).toMatchObject({ version: 1 });
    expect(storage.capabilities).toMatchObject({ durable: false, multiProcess: false });
    await storage.dispose();
  });

  it('refuses a call on the adapter itself inside its own transaction with STORAGE_FAILED instead of deadlocking', async () => {
    const storage = createSqliteStorage({ filename: join(directory, 'reentrant.db') });
    const outcome = storage.transaction(async (tx) => {
      await tx.put(visit('v-1'));
      await storage.put(visit('v-2'));
    });
    await expect(outcome).rejects.toMatchObject({ code: 'STORAGE_FAILED', operation: 'put' });
    await expect(storage.transaction(async () => storage.transaction(async () => 1))).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(await storage.get('visits', '42', 'v-1')).toBeNull();
    await storage.dispose();
  });

  it('rolls back a bulk insert whose iterator throws, passing the original error through', async () => {
    const storage = createSqliteStorage({ filename: join(directory, 'bulk.db') });
    const failure = new Error('CSV truncated at line 70001');
    function* rows(): Generator<PortalStatisticsRow> {
      for (let i = 0; i < 70_000; i++) {
        yield {
          tenantId: '42',
          targetId: `t-${i % 700}`,
          districtCode: '436',
          date: `2021-11-${String((i % 30) + 1).padStart(2, '0')}`,
          registeredPoints: 1,
          scans: i % 3,
          distinctVisitors: 0,
        };
      }
      throw failure;
    }
    await expect(storage.insertPortalStatistics(rows())).rejects.toBe(failure);
    expect(await storage.summarizePortalStatistics('42', { from: '2021-11-01', to: '2021-11-30' })).toEqual([]);
    await storage.dispose();
  });

  it('answers the summary from the primary key without a temporary sort (the covering index)', async () => {
    const filename = join(directory, 'plan.db');
    const storage = createSqliteStorage({ filename });
    await storage.dispose();
    const db = new Database(filename, { readonly: true });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT target_id, COUNT(*), SUM(scans = 0), SUM(scans), MAX(registered_points)
         FROM portal_statistics WHERE tenant_id = ? AND date BETWEEN ? AND ? GROUP BY target_id`,
      )
      .all('42', '2021-11-01', '2021-11-30') as { detail: string }[];
    db.close();
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toMatch(/SEARCH portal_statistics USING PRIMARY KEY \(tenant_id=\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
