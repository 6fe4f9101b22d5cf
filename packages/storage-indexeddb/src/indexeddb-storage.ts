import { wrap } from 'idb';
import { ConfigurationError } from '@pccovid-inspect/core';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { defineStorageAdapter } from '@pccovid-inspect/core/adapter-kit';
import { commitBatch } from './internal/indexeddb-commit.js';
import { ADAPTER_NAME, BLOCKED_HINT, storageError, toStorageError } from './internal/indexeddb-errors.js';
import { countRecords, getRecord, lastAuditRecord, queryRecords, readAuditRecords, readOutboxRecords } from './internal/indexeddb-reads.js';
import { SCHEMA_VERSION, upgradeSchema } from './internal/indexeddb-schema.js';
import type { InspectDb } from './internal/indexeddb-schema.js';

/**
 * Options of `createIndexedDbStorage`.
 *
 * @example
 * ```ts
 * const options: IndexedDbStorageOptions = { name: 'pccovid-inspect-ha-tinh' };
 * ```
 */
export interface IndexedDbStorageOptions {
  /**
   * The IndexedDB database name. Two adapters with the same name (in one tab, or in two tabs of
   * one site) share one store.
   * @default 'pccovid-inspect'
   */
  name?: string;
  /**
   * The IndexedDB factory. In a browser leave it out (`globalThis.indexedDB`). In Node tests pass a
   * fresh `new IDBFactory()` of `fake-indexeddb` after `import 'fake-indexeddb/auto'` (idb needs the
   * IndexedDB classes as globals).
   * @default globalThis.indexedDB
   */
  indexedDB?: IDBFactory;
}

/**
 * Opens (and on first use creates) the database. A newer schema on the device is a `VersionError`;
 * a tab that holds an older version open and does not close it blocks the upgrade: both become
 * `StorageError`s saying what to do.
 */
async function openDatabase(factory: IDBFactory, name: string, onVersionChange: () => void): Promise<InspectDb> {
  const request = factory.open(name, SCHEMA_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    upgradeSchema(wrap(request.result) as unknown as InspectDb, event.oldVersion);
  });
  const blocked = new Promise<never>((_, reject) => {
    request.addEventListener('blocked', () => reject(storageError('open', `the database "${name}" cannot be upgraded — ${BLOCKED_HINT}`)));
  });
  const opened = wrap(request) as unknown as Promise<InspectDb>;
  try {
    const db = await Promise.race([opened, blocked]);
    // Another tab wants a newer version: let it, and reopen (then fail with VersionError) on the next call.
    db.addEventListener('versionchange', () => {
      db.close();
      onVersionChange();
    });
    return db;
  } catch (error) {
    // An open that succeeds after we gave up (the other tab closed late) must not stay open.
    opened.then((db) => db.close()).catch(() => {});
    throw toStorageError(error, 'open');
  }
}

/**
 * Creates a `StorageAdapter` (contract v2) on the browser's IndexedDB, through `idb`: an
 * inspector's device keeps visit packets, answers, the audit chain and the outbox offline, and they
 * survive a reload or a restart of the browser.
 *
 * - Stores: `records` (key `[tenantId, collection, id]`, a multi-entry index of the index fields),
 *   `audit` (key `[tenantId, seq]`), `outbox` (key `[tenantId, id]`, indexes by due time and age).
 * - `commit(batch)` is ONE readwrite transaction: it reads the stored versions and the audit head,
 *   checks puts, then outbox updates, then the audit seq, and aborts on a conflict, so nothing is
 *   written (`ConflictError` naming the record, `'outbox'` or `'audit'`).
 * - `capabilities`: `durable: true`; `multiProcess: true` — tabs of one site share the database,
 *   and IndexedDB runs readwrite transactions on overlapping stores one at a time, so two tabs'
 *   commits are checked against each other; `portalStatistics: false`; `groupedCounts: true`.
 * - `query` reads the candidates of one equality or `in` filter through the index (else the
 *   tenant's collection), then filters, orders and pages in memory with the adapter kit's order.
 * - IndexedDB failures (`QuotaExceededError`, `VersionError`, a blocked upgrade…) become
 *   `StorageError`s (`STORAGE_FAILED`) that say what to do; the `DOMException` is the `cause`.
 *
 * The database is opened on the first call; `dispose()` closes it.
 *
 * @example
 * ```ts
 * import { createIndexedDbStorage } from '@pccovid-inspect/storage-indexeddb';
 * import { createInspectionService } from '@pccovid-inspect/core';
 *
 * const service = createInspectionService({ storage: createIndexedDbStorage({ name: 'pccovid-inspect' }), tenant });
 * ```
 */
export function createIndexedDbStorage(options: IndexedDbStorageOptions = {}): StorageAdapter {
  const name = options.name ?? 'pccovid-inspect';
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) {
    throw new ConfigurationError({
      problemVi: 'môi trường này không có IndexedDB; trong Node, truyền indexedDB (ví dụ từ fake-indexeddb)',
      problemEn: 'this environment has no IndexedDB; in Node, pass indexedDB (e.g. from fake-indexeddb)',
    });
  }
  if (name.length === 0) {
    throw new ConfigurationError({ problemVi: 'name không được rỗng', problemEn: 'name must not be empty' });
  }
  let database: Promise<InspectDb> | null = null;
  let disposed = false;

  const connect = (): Promise<InspectDb> => {
    if (!database) {
      const opening = openDatabase(factory, name, () => {
        if (database === opening) database = null;
      });
      database = opening;
      // A failed open is not cached: the next call tries again.
      opening.catch(() => {
        if (database === opening) database = null;
      });
    }
    return database;
  };
  /** Runs one operation on the open database; IndexedDB failures become `StorageError`s. */
  const run = async <T>(operation: string, fn: (db: InspectDb) => Promise<T>): Promise<T> => {
    if (disposed) throw storageError(operation, 'the adapter was disposed; create a new one');
    try {
      return await fn(await connect());
    } catch (error) {
      throw toStorageError(error, operation);
    }
  };

  return defineStorageAdapter({
    name: ADAPTER_NAME,
    capabilities: { durable: true, multiProcess: true, portalStatistics: false, maxRecordBytes: null, groupedCounts: true },
    get: (collection, tenantId, id) => run('get', (db) => getRecord(db, collection, tenantId, id)),
    query: (request) => run('query', (db) => queryRecords(db, request)),
    commit: (batch) => run('commit', (db) => commitBatch(db, batch)),
    readAudit: (tenantId, readOptions) => run('readAudit', (db) => readAuditRecords(db, tenantId, readOptions)),
    lastAudit: (tenantId) => run('lastAudit', (db) => lastAuditRecord(db, tenantId)),
    readOutbox: (tenantId, readOptions) => run('readOutbox', (db) => readOutboxRecords(db, tenantId, readOptions)),
    countBy: (request) => run('countBy', (db) => countRecords(db, request)),
    dispose: async () => {
      disposed = true;
      const open = database;
      database = null;
      if (open) await open.then((db) => db.close()).catch(() => {});
    },
  });
}
