import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '@pccovid-inspect/core';
import { chainAuditRecord, verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import { SQLITE_SCHEMA_VERSION, createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { SQLITE_MIGRATIONS, migrateSqlite } from '../src/sqlite-migrations.js';
import type { OutboxRecord } from '@pccovid-inspect/core';
import { AT, commitPuts, outboxMessage, outboxUpdate, visitPut } from './commit-batch.js';
import { countsOfFile } from './record-counts.js';

function appliedVersions(filename: string): number[] {
  const db = new Database(filename, { readonly: true });
  try {
    return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
  } finally {
    db.close();
  }
}

function tables(filename: string): string[] {
  const db = new Database(filename, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** A message as the builds before schema version 4 stored it: without the delivery fields of contract v2's outbox. */
function beforeV4(message: OutboxRecord, status: 'pending' | 'sent' | 'failed' = 'pending'): Record<string, unknown> {
  const { fallbackChannels: _f, version: _v, dueAt: _d, leaseOwner: _l, ...rest } = message;
  return { ...rest, status };
}

describe('schema migrations', () => {
  let directory = '';
  let filename = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-migrations-'));
    filename = join(directory, 'store.db');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('creates every table of the latest schema in a new file and records each step once', async () => {
    const storage = createSqliteStorage({ filename });
    await storage.dispose();
    expect(appliedVersions(filename)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    expect(SQLITE_SCHEMA_VERSION).toBe(SQLITE_MIGRATIONS.length);
    expect(tables(filename)).toEqual(['audit_log', 'index_value_counts', 'outbox', 'portal_statistics', 'record_counts', 'record_indexes', 'records', 'schema_migrations']);
  });

  it('opens a file twice, one after the other and both at once, without migrating again or losing data', async () => {
    const first = createSqliteStorage({ filename });
    await commitPuts(first, [visitPut('v-1', 0, { data: { a: 1 } })]);
    const second = createSqliteStorage({ filename });
    expect(await second.get('visits', '42', 'v-1')).toMatchObject({ version: 1, data: { a: 1 } });
    await first.dispose();
    await second.dispose();
    const third = createSqliteStorage({ filename });
    expect(await third.get('visits', '42', 'v-1')).toMatchObject({ version: 1 });
    await third.dispose();
    expect(appliedVersions(filename)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
  });

  it('upgrades a file at an older schema version and keeps its data', async () => {
    const old = new Database(filename);
    migrateSqlite(old, SQLITE_MIGRATIONS.slice(0, 1));
    old
      .prepare('INSERT INTO records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('42', 'visits', 'v-old', 3, JSON.stringify({ target: 'Chợ Hồng Lĩnh' }), JSON.stringify({}), AT);
    old.close();
    expect(appliedVersions(filename)).toEqual([1]);
    expect(tables(filename)).not.toContain('portal_statistics');

    const storage = createSqliteStorage({ filename });
    try {
      expect(appliedVersions(filename)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
      expect(await storage.get('visits', '42', 'v-old')).toMatchObject({ version: 3, data: { target: 'Chợ Hồng Lĩnh' } });
      await storage.insertPortalStatistics([{ tenantId: '42', targetId: 't-1', districtCode: '436', date: '2021-12-01', registeredPoints: 2, scans: 0, distinctVisitors: 0 }]);
      expect(await storage.summarizePortalStatistics('42', { from: '2021-12-01', to: '2021-12-31' })).toEqual([
        { targetId: 't-1', districtCode: '436', days: 1, zeroScanDays: 1, totalScans: 0, maxRegisteredPoints: 2 },
      ]);
    } finally {
      await storage.dispose();
    }
  });

  it('migrates a file at schema version 2 (as the contract-v1 adapter and the builds before the counts wrote it): fills the counts, reads it and continues its chain', async () => {
    // The rows exactly as the v1 adapter wrote them (put, appendAudit, enqueueOutbox); version 3
    // only adds the trigger-kept counts, filled from these rows by the migration.
    expect(SQLITE_SCHEMA_VERSION).toBe(4);
    const v1 = new Database(filename);
    v1.pragma('journal_mode = WAL');
    migrateSqlite(v1, SQLITE_MIGRATIONS.slice(0, 2));
    const insertRecord = v1.prepare('INSERT INTO records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertIndex = v1.prepare('INSERT INTO record_indexes (tenant_id, collection, id, field, rank, value) VALUES (?, ?, ?, ?, ?, ?)');
    const visits = [
      { id: 'v-1', version: 3, indexes: { status: 'underway', scheduledOn: '2021-12-07', started: true } },
      { id: 'v-2', version: 1, indexes: { status: 'planned', scheduledOn: '2021-12-06', started: false } },
      { id: 'v-3', version: 1, indexes: { status: 'planned', scheduledOn: null, started: false } },
      { id: 'v-4', version: 2, indexes: { status: 'planned', started: false } },
      { id: 'v-5', version: 1, indexes: { status: 'underway', scheduledOn: '2021-12-05', started: true } },
    ];
    for (const v of visits) {
      insertRecord.run('42', 'visits', v.id, v.version, JSON.stringify({ target: `Chợ ${v.id}` }), JSON.stringify(v.indexes), AT);
      for (const [field, value] of Object.entries(v.indexes)) {
        if (value === null) continue;
        const rank = typeof value === 'boolean' ? 1 : typeof value === 'number' ? 2 : 3;
        insertIndex.run('42', 'visits', v.id, field, rank, typeof value === 'boolean' ? Number(value) : value);
      }
    }
    const first = await chainAuditRecord(null, {
      tenantId: '42',
      id: 'a-1',
      at: AT,
      actor: { role: 'teamLead', id: 'p-1' },
      action: 'visit.start',
      subject: { collection: 'visits', id: 'v-1' },
      details: {},
    });
    v1.prepare('INSERT INTO audit_log (tenant_id, seq, id, at, record) VALUES (?, ?, ?, ?, ?)').run('42', 1, 'a-1', AT, JSON.stringify(first));
    const message = outboxMessage('m-1');
    v1.prepare('INSERT INTO outbox (tenant_id, id, created_at, status, record) VALUES (?, ?, ?, ?, ?)').run('42', 'm-1', AT, 'pending', JSON.stringify(beforeV4(message)));
    v1.close();

    expect(tables(filename)).not.toContain('record_counts');

    const storage = createSqliteStorage({ filename });
    try {
      expect(appliedVersions(filename)).toEqual([1, 2, 3, 4]);
      const counts = countsOfFile(filename);
      expect(counts.kept).toEqual(counts.recounted);
      expect(counts.kept.records).toEqual([{ tenant_id: '42', collection: 'visits', n: 5 }]);
      expect(counts.kept.indexRows).toEqual([
        { tenant_id: '42', collection: 'visits', field: 'scheduledOn', n: 3 },
        { tenant_id: '42', collection: 'visits', field: 'started', n: 5 },
        { tenant_id: '42', collection: 'visits', field: 'status', n: 5 },
      ]);
      expect(await storage.get('visits', '42', 'v-1')).toMatchObject({ version: 3, data: { target: 'Chợ v-1' }, indexes: visits[0]?.indexes });
      const sorted = await storage.query({ collection: 'visits', tenantId: '42', orderBy: { field: 'scheduledOn' } });
      expect(sorted.items.map((r) => r.id)).toEqual(['v-3', 'v-4', 'v-5', 'v-2', 'v-1']);
      const descending = await storage.query({ collection: 'visits', tenantId: '42', orderBy: { field: 'scheduledOn', direction: 'desc' }, limit: 3 });
      expect(descending.items.map((r) => r.id)).toEqual(['v-1', 'v-2', 'v-5']);
      expect(
        (await storage.query({ collection: 'visits', tenantId: '42', orderBy: { field: 'scheduledOn', direction: 'desc' }, cursor: descending.nextCursor })).items.map((r) => r.id),
      ).toEqual(['v-4', 'v-3']);
      // Every record holds a `status`: the sorted read skips the null part and still finds all.
      expect((await storage.query({ collection: 'visits', tenantId: '42', orderBy: { field: 'status' } })).items.map((r) => r.id)).toEqual(['v-2', 'v-3', 'v-4', 'v-1', 'v-5']);
      expect((await storage.countBy({ collection: 'visits', tenantId: '42', where: { started: false }, groupBy: ['status'] })).groups).toEqual([
        { key: { status: 'planned' }, count: 3 },
      ]);
      expect(await storage.lastAudit('42')).toEqual(first);
      expect(await storage.readOutbox('42')).toEqual([message]);

      const [updated] = await commitPuts(storage, [visitPut('v-1', 3, { indexes: { status: 'reviewed', scheduledOn: '2021-12-07', started: true } })]);
      expect(updated).toMatchObject({ version: 4 });
      await commitPuts(storage, [], { outboxUpdates: [outboxUpdate('m-1', 1)] });
      expect((await storage.readAudit('42')).map((a) => a.seq)).toEqual([1, 2, 3]);
      expect(await verifyAuditChain(await storage.readAudit('42'))).toEqual({ ok: true, count: 3 });
      expect((await storage.countBy({ collection: 'visits', tenantId: '42', groupBy: ['status'] })).groups).toEqual([
        { key: { status: 'planned' }, count: 3 },
        { key: { status: 'reviewed' }, count: 1 },
        { key: { status: 'underway' }, count: 1 },
      ]);
      const after = countsOfFile(filename);
      expect(after.kept).toEqual(after.recounted);
      expect((await storage.readOutbox('42', { status: 'sent' })).map((m) => m.id)).toEqual(['m-1']);
    } finally {
      await storage.dispose();
    }
  });

  it('migrates a file at schema version 3: a failed message is pending again and due, a pending one due at its deliverAfter, a sent one not due; the outbox reads by due time and takes updates', async () => {
    const v3 = new Database(filename);
    migrateSqlite(v3, SQLITE_MIGRATIONS.slice(0, 3));
    const insert = v3.prepare('INSERT INTO outbox (tenant_id, id, created_at, status, record) VALUES (?, ?, ?, ?, ?)');
    const later = '2021-12-07T00:00:00.000Z';
    const rows: [string, 'pending' | 'sent' | 'failed', Partial<OutboxRecord>][] = [
      ['m-sent', 'sent', { attempts: 1, providerMessageId: 'ses-1' }],
      ['m-failed', 'failed', { attempts: 3, lastError: 'NOTIFICATION_FAILED: HTTP 503' }],
      ['m-embargoed', 'pending', { deliverAfter: later }],
      ['m-pending', 'pending', {}],
    ];
    for (const [id, status, fields] of rows) insert.run('42', id, AT, status, JSON.stringify(beforeV4(outboxMessage(id, fields), status)));
    v3.close();

    const storage = createSqliteStorage({ filename });
    try {
      expect(appliedVersions(filename)).toEqual([1, 2, 3, 4]);
      const migrated = (fields: Partial<OutboxRecord>) => ({ fallbackChannels: [], version: 1, leaseOwner: null, ...fields });
      expect(await storage.readOutbox('42')).toEqual([
        outboxMessage('m-embargoed', migrated({ deliverAfter: later, dueAt: later })),
        outboxMessage('m-failed', migrated({ status: 'pending', dueAt: AT, attempts: 3, lastError: 'NOTIFICATION_FAILED: HTTP 503' })),
        outboxMessage('m-pending', migrated({ dueAt: AT })),
        outboxMessage('m-sent', migrated({ status: 'sent', dueAt: null, attempts: 1, providerMessageId: 'ses-1' })),
      ]);
      expect((await storage.readOutbox('42', { dueBy: AT })).map((m) => m.id)).toEqual(['m-failed', 'm-pending']);
      expect((await storage.readOutbox('42', { dueBy: later })).map((m) => m.id)).toEqual(['m-failed', 'm-pending', 'm-embargoed']);
      await commitPuts(storage, [], { outboxUpdates: [outboxUpdate('m-failed', 1, { attempts: 4 })] });
      expect((await storage.readOutbox('42', { dueBy: later })).map((m) => m.id)).toEqual(['m-pending', 'm-embargoed']);
      expect((await storage.readOutbox('42', { status: 'sent' })).map((m) => [m.id, m.version])).toEqual([
        ['m-failed', 2],
        ['m-sent', 1],
      ]);
      const db = new Database(filename, { readonly: true });
      try {
        expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'outbox_by_due'").pluck().get()).toMatch(/WHERE due_at IS NOT NULL/);
        expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'outbox_v3'").pluck().get()).toBeUndefined();
      } finally {
        db.close();
      }
    } finally {
      await storage.dispose();
    }
    // Opened again, the file is at version 4 and passes the schema check (the rebuilt outbox is not "early").
    const again = createSqliteStorage({ filename });
    await again.dispose();
  });

  it('a file at the current version is refused by a build that knows only version 2 (no downgrade), and stays as it is', async () => {
    const storage = createSqliteStorage({ filename });
    await commitPuts(storage, [visitPut('v-1', 0, { indexes: { scheduledOn: '2021-12-07' } })]);
    await storage.dispose();
    const older = new Database(filename);
    try {
      expect(() => migrateSqlite(older, SQLITE_MIGRATIONS.slice(0, 2))).toThrow(ConfigurationError);
    } finally {
      older.close();
    }
    expect(appliedVersions(filename)).toEqual([1, 2, 3, 4]);
    expect(countsOfFile(filename).kept.records).toEqual([{ tenant_id: '42', collection: 'visits', n: 1 }]);
  });

  it('refuses a file written by a newer schema with CONFIGURATION_INVALID and leaves it untouched', () => {
    const newer = new Database(filename);
    newer.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    newer.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(SQLITE_SCHEMA_VERSION + 1, 'from the future', AT);
    newer.close();
    expect(() => createSqliteStorage({ filename })).toThrow(ConfigurationError);
    expect(appliedVersions(filename)).toEqual([SQLITE_SCHEMA_VERSION + 1]);
    expect(tables(filename)).toEqual(['schema_migrations']);
  });

  it('rolls back every step of a failed migration run, so the file stays at its old version', () => {
    const db = new Database(filename);
    const broken = [...SQLITE_MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE broken (' }];
    expect(() => migrateSqlite(db, broken)).toThrow();
    db.close();
    expect(tables(filename)).toEqual([]);
  });
});
