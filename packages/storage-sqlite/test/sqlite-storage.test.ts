import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, ConflictError } from '@pccovid-inspect/core';
import type { PortalStatisticsRow } from '@pccovid-inspect/core';
import { AUDIT_CONFLICT_COLLECTION, assertUsableStorage, guardStorage, verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import type { SqliteStorage, SqliteStorageOptions } from '@pccovid-inspect/storage-sqlite';
import { AT, TENANT, buildBatch, commitPuts, outboxMessage, outboxUpdate, visitPut } from './commit-batch.js';

/** What a second, read-only connection sees in the file: only committed rows. */
function committed(filename: string) {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    return {
      records: db.prepare('SELECT collection, id, version FROM records ORDER BY collection, id').all() as { collection: string; id: string; version: number }[],
      indexRows: db.prepare('SELECT COUNT(*) FROM record_indexes').pluck().get() as number,
      audit: db.prepare('SELECT seq FROM audit_log ORDER BY tenant_id, seq').pluck().all() as number[],
      outbox: db.prepare('SELECT id, status, version FROM outbox ORDER BY created_at, id').all() as { id: string; status: string; version: number }[],
    };
  } finally {
    db.close();
  }
}

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

  it('refuses a path in a directory that does not exist with CONFIGURATION_INVALID (retrying would not help)', () => {
    expect(() => createSqliteStorage({ filename: join(directory, 'missing', 'dir', 'x.db') })).toThrow(ConfigurationError);
  });

  it('puts the file in WAL mode and declares a contract-v2, durable, multi-process store that core accepts', async () => {
    const filename = join(directory, 'wal.db');
    const storage = createSqliteStorage({ filename, durability: 'full' });
    await commitPuts(storage, [visitPut('v-1')]);
    const other = new Database(filename, { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    expect(storage.contractVersion).toBe(2);
    expect(storage.capabilities).toEqual({ multiProcess: true, durable: true, portalStatistics: true, maxRecordBytes: null, groupedCounts: true });
    for (const gone of ['transaction', 'put', 'appendAudit', 'enqueueOutbox']) expect(storage).not.toHaveProperty(gone);
    expect(() => assertUsableStorage(storage)).not.toThrow();
    await storage.dispose();
  });

  it('runs in memory with ":memory:", declaring neither durability nor multi-process', async () => {
    const storage = createSqliteStorage({ filename: ':memory:' });
    await commitPuts(storage, [visitPut('v-1')]);
    expect(await storage.get('visits', TENANT, 'v-1')).toMatchObject({ version: 1 });
    expect(storage.capabilities).toMatchObject({ durable: false, multiProcess: false });
    await storage.dispose();
  });

  it('fails every call after dispose with STORAGE_FAILED, and dispose may be called twice', async () => {
    const storage = createSqliteStorage({ filename: join(directory, 'disposed.db') });
    const batch = await buildBatch(storage, [visitPut('v-1')]);
    await storage.dispose();
    await storage.dispose();
    await expect(storage.get('visits', TENANT, 'v-1')).rejects.toMatchObject({ code: 'STORAGE_FAILED', operation: 'get' });
    await expect(storage.commit(batch)).rejects.toMatchObject({ code: 'STORAGE_FAILED', operation: 'commit' });
  });

  it('rolls back a bulk insert whose iterator throws, passing the original error through', async () => {
    const storage = createSqliteStorage({ filename: join(directory, 'bulk.db') });
    const failure = new Error('CSV truncated at line 70001');
    function* rows(): Generator<PortalStatisticsRow> {
      for (let i = 0; i < 70_000; i++) {
        yield {
          tenantId: TENANT,
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
    expect(await storage.summarizePortalStatistics(TENANT, { from: '2021-11-01', to: '2021-11-30' })).toEqual([]);
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
      .all(TENANT, '2021-11-01', '2021-11-30') as { detail: string }[];
    db.close();
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toMatch(/SEARCH portal_statistics USING PRIMARY KEY \(tenant_id=\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});

describe('commit(batch) on a real file', () => {
  let directory = '';
  let filename = '';
  let storage: SqliteStorage;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-commit-'));
    filename = join(directory, 'commit.db');
    storage = createSqliteStorage({ filename });
  });
  afterEach(async () => {
    await storage.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes the puts, the audit event and the outbox messages together and returns the records in the order of the puts', async () => {
    await commitPuts(storage, [visitPut('v-2')]);
    const batch = await buildBatch(
      storage,
      [visitPut('v-3'), visitPut('v-2', 1, { data: { id: 'v-2', state: 'underway' }, indexes: { status: 'underway', started: true } }), visitPut('v-1')],
      {
        outbox: [outboxMessage('m-1'), outboxMessage('m-2')],
      },
    );
    const stored = await storage.commit(batch);
    expect(stored.map((r) => [r.id, r.version])).toEqual([
      ['v-3', 1],
      ['v-2', 2],
      ['v-1', 1],
    ]);
    expect(stored[1]).toEqual({
      collection: 'visits',
      tenantId: TENANT,
      id: 'v-2',
      version: 2,
      data: { id: 'v-2', state: 'underway' },
      indexes: { status: 'underway', started: true },
      updatedAt: batch.puts[1]?.updatedAt,
    });
    // The returned data is the put's own object (nothing parsed back); changing it afterwards does not reach the store.
    expect(stored[1]?.data).toBe(batch.puts[1]?.data);
    (stored[1]?.data as { state: string }).state = 'changed';
    expect(await storage.get('visits', TENANT, 'v-2')).toMatchObject({ version: 2, data: { state: 'underway' }, indexes: { status: 'underway', started: true } });
    expect(await storage.lastAudit(TENANT)).toEqual(batch.audit);
    expect(await verifyAuditChain(await storage.readAudit(TENANT))).toEqual({ ok: true, count: 2 });
    expect((await storage.readOutbox(TENANT)).map((m) => m.id)).toEqual(['m-1', 'm-2']);
    expect(committed(filename)).toMatchObject({ audit: [1, 2], records: [{ id: 'v-1' }, { id: 'v-2', version: 2 }, { id: 'v-3' }] });
    const page = await storage.query({ collection: 'visits', tenantId: TENANT, where: { status: 'underway', started: true } });
    expect(page.items.map((r) => r.id)).toEqual(['v-2']);
  });

  it('commits an audit event alone (no puts, no messages)', async () => {
    expect(await commitPuts(storage, [])).toEqual([]);
    expect((await storage.readAudit(TENANT)).map((a) => a.seq)).toEqual([1]);
  });

  it('writes nothing and names the record when any put of the batch is stale, checked before the audit seq', async () => {
    await commitPuts(storage, [visitPut('v-1'), visitPut('v-2')], { outbox: [outboxMessage('m-1')] });
    const before = committed(filename);
    const stale = [
      { puts: [visitPut('v-3'), visitPut('v-1', 1), visitPut('v-2', 0)], culprit: { id: 'v-2', expectedVersion: 0, actualVersion: 1 } },
      { puts: [visitPut('v-3'), visitPut('v-9', 1)], culprit: { id: 'v-9', expectedVersion: 1, actualVersion: null } },
      { puts: [visitPut('v-1', 2), visitPut('v-3')], culprit: { id: 'v-1', expectedVersion: 2, actualVersion: 1 } },
    ];
    for (const { puts, culprit } of stale) {
      // The audit seq is ALSO taken (chained after nothing): the stale record is reported, not the audit.
      const batch = await buildBatch(storage, puts, { previous: null, outbox: [outboxMessage('m-new')] });
      const error: unknown = await storage.commit(batch).catch((e: unknown) => e);
      expect(ConflictError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: 'CONFLICT', collection: 'visits', ...culprit });
    }
    expect(committed(filename)).toEqual(before);
  });

  it('writes nothing and throws CONFLICT on the audit collection when the seq is not the last + 1', async () => {
    await commitPuts(storage, [visitPut('v-1')]);
    const first = await storage.lastAudit(TENANT);
    const before = committed(filename);
    for (const previous of [null, { ...first!, seq: 5 }]) {
      const batch = await buildBatch(storage, [visitPut('v-2'), visitPut('v-1', 1)], { previous, outbox: [outboxMessage('m-1')] });
      await expect(storage.commit(batch)).rejects.toMatchObject({ code: 'CONFLICT', collection: AUDIT_CONFLICT_COLLECTION, id: batch.audit.id, actualVersion: 1 });
    }
    expect(committed(filename)).toEqual(before);
  });

  it('lets exactly one of many concurrent batches chained on the same head win; the others write nothing', async () => {
    await commitPuts(storage, [visitPut('v-0')]);
    const head = await storage.lastAudit(TENANT);
    const batches = await Promise.all(
      Array.from({ length: 12 }, (_, i) => buildBatch(storage, [visitPut(`v-${i + 1}`)], { previous: head, auditId: `a-2-${i}`, outbox: [outboxMessage(`m-${i}`)] })),
    );
    const outcomes = await Promise.allSettled(batches.map((b) => storage.commit(b)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'CONFLICT', collection: 'audit' });
    const state = committed(filename);
    expect(state.records).toHaveLength(2);
    expect(state.outbox).toHaveLength(1);
    expect(await verifyAuditChain(await storage.readAudit(TENANT))).toEqual({ ok: true, count: 2 });
  });

  it('ignores an outbox message whose id exists (its delivery state is kept), and applies outbox updates by version in the commit', async () => {
    await commitPuts(storage, [visitPut('v-1')], { outbox: [outboxMessage('m-1')] });
    await commitPuts(storage, [], { outboxUpdates: [outboxUpdate('m-1', 1)] });
    await commitPuts(storage, [visitPut('v-2')], { outbox: [outboxMessage('m-1', { subject: 'again' }), outboxMessage('m-2')] });
    const outbox = await storage.readOutbox(TENANT);
    expect(outbox.map((m) => [m.id, m.status, m.version, m.attempts, m.providerMessageId, m.dueAt, m.subject])).toEqual([
      ['m-1', 'sent', 2, 1, 'ses-m-1', null, 'Lịch kiểm tra'],
      ['m-2', 'pending', 1, 0, null, AT, 'Lịch kiểm tra'],
    ]);
    expect(committed(filename).outbox).toEqual([
      { id: 'm-1', status: 'sent', version: 2 },
      { id: 'm-2', status: 'pending', version: 1 },
    ]);
    expect((await storage.readOutbox(TENANT, { dueBy: AT })).map((m) => m.id)).toEqual(['m-2']);
    // Stale (read at version 1, stored 2) or missing: CONFLICT on the outbox, and the batch's put is not written.
    for (const [update, actualVersion] of [
      [outboxUpdate('m-1', 1), 2],
      [outboxUpdate('m-404', 1), null],
    ] as const) {
      await expect(commitPuts(storage, [visitPut('v-3')], { outboxUpdates: [outboxUpdate('m-2', 1), update] })).rejects.toMatchObject({
        code: 'CONFLICT',
        collection: 'outbox',
        id: update.id,
        expectedVersion: 1,
        actualVersion,
      });
    }
    expect(committed(filename).records.map((r) => r.id)).toEqual(['v-1', 'v-2']);
    expect(committed(filename).outbox).toContainEqual({ id: 'm-2', status: 'pending', version: 1 });
  });

  it('rolls back the records and the audit row when a later write of the batch fails in SQLite (STORAGE_FAILED)', async () => {
    await commitPuts(storage, [visitPut('v-1')]);
    const before = committed(filename);
    // A trigger, set from a second connection, fails the outbox INSERT: the last write of the batch.
    const other = new Database(filename);
    other.exec("CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    other.close();
    const batch = await buildBatch(storage, [visitPut('v-2'), visitPut('v-1', 1)], { outbox: [outboxMessage('m-1')] });
    await expect(storage.commit(batch)).rejects.toMatchObject({ code: 'STORAGE_FAILED', operation: 'commit' });
    expect(committed(filename)).toEqual(before);
    // The connection is usable again, and the same batch commits once the cause is gone.
    const fix = new Database(filename);
    fix.exec('DROP TRIGGER refuse_outbox');
    fix.close();
    expect((await storage.commit(batch)).map((r) => r.version)).toEqual([1, 2]);
  });

  it('serves core through guardStorage: a malformed batch is refused by core and never reaches the file', async () => {
    const guarded = guardStorage(storage);
    const good = await buildBatch(storage, [visitPut('v-1')]);
    await expect(guarded.commit({ ...good, puts: [visitPut('v-1'), visitPut('v-1')] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(committed(filename)).toMatchObject({ records: [], audit: [] });
    expect((await guarded.commit(good)).map((r) => r.version)).toEqual([1]);
    expect((await guarded.countBy({ collection: 'visits', tenantId: TENANT, groupBy: ['status'] })).groups).toEqual([{ key: { status: 'planned' }, count: 1 }]);
  });
});
