import Database from 'better-sqlite3';
import { ConfigurationError, InspectError, STORAGE_CONTRACT_VERSION, StorageError } from '@pccovid-inspect/core';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { SqliteCallerError } from './internal/sqlite-caller-error.js';
import { SqliteCommit } from './sqlite-commit.js';
import { SqliteLogs } from './sqlite-logs.js';
import { migrateSqlite } from './sqlite-migrations.js';
import { SqlitePortalStatistics } from './sqlite-portal-statistics.js';
import { SqliteRecords } from './sqlite-records.js';

/**
 * Options of `createSqliteStorage`.
 *
 * @example
 * ```ts
 * const options: SqliteStorageOptions = { filename: '/var/lib/pccovid/ha-tinh.db', durability: 'full' };
 * ```
 */
export interface SqliteStorageOptions {
  /**
   * Path of the database file (created when missing), or `':memory:'` for a private in-memory
   * database (neither durable nor shared between processes).
   * @default './pccovid-inspect.db'
   */
  filename?: string;
  /**
   * `'normal'` sets `PRAGMA synchronous = NORMAL`: in WAL mode a committed transaction survives a
   * crash or kill of the process, but the last commits before a power loss or OS crash may be
   * lost (the file is never corrupted). `'full'` (`synchronous = FULL`) syncs the WAL on every
   * commit, so commits also survive power loss, at the cost of one fsync per commit.
   * @default 'normal'
   */
  durability?: 'normal' | 'full';
  /**
   * How long a write waits for another process's lock before failing with `STORAGE_FAILED`
   * (`PRAGMA busy_timeout`), in milliseconds.
   * @default 5000
   */
  busyTimeoutMs?: number;
}

/**
 * The SQLite adapter: a `StorageAdapter` whose portal-statistics methods are always present.
 *
 * @example
 * ```ts
 * const storage: SqliteStorage = createSqliteStorage({ filename: 'ha-tinh.db' });
 * await storage.insertPortalStatistics(rowsFromCsv());
 * ```
 */
export type SqliteStorage = StorageAdapter & Required<Pick<StorageAdapter, 'insertPortalStatistics' | 'summarizePortalStatistics' | 'countBy'>>;

const NAME = 'sqlite';

function failure(operation: string, detailEn: string, cause?: unknown): StorageError {
  return new StorageError({ adapterName: NAME, operation, detailEn, cause });
}

/** Runs a synchronous SQLite step; errors of this library pass through, others become `StorageError`. */
function wrap<T>(operation: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SqliteCallerError) throw error.error;
    if (InspectError.isInstance(error)) throw error;
    throw failure(operation, error instanceof Error ? error.message : String(error), error);
  }
}

function checkOptions(options: SqliteStorageOptions): void {
  const problems: [string, string][] = [];
  if (options.filename !== undefined && (typeof options.filename !== 'string' || options.filename.length === 0)) {
    problems.push(['filename phải là đường dẫn tệp hoặc ":memory:"', 'filename must be a file path or ":memory:"']);
  }
  if (options.durability !== undefined && options.durability !== 'normal' && options.durability !== 'full') {
    problems.push(["durability phải là 'normal' hoặc 'full'", "durability must be 'normal' or 'full'"]);
  }
  const timeout = options.busyTimeoutMs;
  if (timeout !== undefined && (!Number.isSafeInteger(timeout) || timeout < 0)) {
    problems.push(['busyTimeoutMs phải là số nguyên ≥ 0', 'busyTimeoutMs must be a whole number ≥ 0']);
  }
  const first = problems[0];
  if (first) throw new ConfigurationError({ problemVi: first[0], problemEn: first[1] });
}

/** Opens the connection, sets the pragmas and migrates the schema. */
function open(filename: string, durability: 'normal' | 'full', busyTimeoutMs: number): Database.Database {
  const db = wrap('open', () => new Database(filename));
  try {
    wrap('open', () => {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
      db.pragma('foreign_keys = ON');
      migrateSqlite(db);
    });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Creates the embedded SQLite `StorageAdapter` (storage contract v2, better-sqlite3): one file,
 * WAL journal, `synchronous` per `durability`, `busy_timeout`, foreign keys on, and schema
 * migrations recorded in `schema_migrations` (a file at an older schema version is upgraded on
 * open; see `SQLITE_SCHEMA_VERSION`).
 *
 * - `commit(batch)` is ONE SQLite transaction, run synchronously from `BEGIN IMMEDIATE` to
 *   `COMMIT`: every put's version is checked, then the audit seq, then the records, index rows,
 *   audit row and outbox rows are written. A stale version is `CONFLICT` naming the record, a
 *   taken audit seq is `CONFLICT` with `collection: 'audit'`, and either writes nothing. As
 *   better-sqlite3 never yields inside a call, no other call of this process interleaves with a
 *   commit, and no in-process lock is needed.
 * - Several processes may open the same file: SQLite's write lock (waited for up to
 *   `busyTimeoutMs`) serialises their commits and `markOutbox` calls, and each checks versions
 *   and the audit seq after taking it, so a stale writer gets `CONFLICT`.
 * - Core checks every request before it reaches the adapter (`guardStorage`), so the adapter does
 *   not re-validate; its own errors are backend ones (`STORAGE_FAILED` for an unreadable file or a
 *   lock not obtained in time, `CONFIGURATION_INVALID` for a file of a newer schema).
 * - `countBy` is a SQL `GROUP BY` over the `record_indexes` side table (index seeks and primary-key
 *   lookups; no record's JSON is read), and a query ordered by an index field walks the
 *   `record_indexes_by_value` index in order instead of sorting every match. Records without a
 *   value for the order field (they sort first ascending, last descending) are read only when
 *   some exist: counts of records and index rows per collection, kept by triggers in every
 *   writer's transaction (schema version 3), tell in two primary-key lookups, so a sorted page
 *   does not grow with the collection.
 * - Portal statistics are typed rows with a bulk path (prepared INSERTs in one transaction, from
 *   any Iterable) and an aggregate summary served from the table's primary key.
 *
 * @example
 * ```ts
 * import { createInspectionService } from '@pccovid-inspect/core';
 * import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
 *
 * const storage = createSqliteStorage({ filename: 'ha-tinh-2021.db' });
 * const service = createInspectionService({ storage, tenant }); // core builds and checks each commit batch
 * // …
 * await storage.dispose();
 * ```
 */
export function createSqliteStorage(options: SqliteStorageOptions = {}): SqliteStorage {
  checkOptions(options);
  const filename = options.filename ?? './pccovid-inspect.db';
  const inMemory = filename === ':memory:';
  const db = open(filename, options.durability ?? 'normal', options.busyTimeoutMs ?? 5000);
  const records = new SqliteRecords(db);
  const logs = new SqliteLogs(db);
  const commits = new SqliteCommit(db, records, logs);
  const statistics = new SqlitePortalStatistics(db);

  /**
   * Runs one call on the connection. better-sqlite3 is synchronous, so the call runs to its end
   * (a transaction from BEGIN to COMMIT) before anything else of this process can run.
   */
  const run = async <T>(operation: string, fn: () => T): Promise<T> => {
    if (!db.open) throw failure(operation, 'the adapter was disposed; create a new one');
    return wrap(operation, fn);
  };

  return {
    contractVersion: STORAGE_CONTRACT_VERSION,
    name: NAME,
    capabilities: { multiProcess: !inMemory, durable: !inMemory, portalStatistics: true, maxRecordBytes: null, groupedCounts: true },
    get: (collection, tenantId, id) => run('get', () => records.get(collection, tenantId, id)),
    query: (request) => run('query', () => records.query(request)),
    commit: (batch) => run('commit', () => commits.commit(batch)),
    readAudit: (tenantId, readOptions) => run('readAudit', () => logs.readAudit(tenantId, readOptions)),
    lastAudit: (tenantId) => run('lastAudit', () => logs.lastAudit(tenantId)),
    readOutbox: (tenantId, readOptions) => run('readOutbox', () => logs.readOutbox(tenantId, readOptions)),
    markOutbox: (tenantId, id, update) => run('markOutbox', () => logs.markOutbox(tenantId, id, update)),
    countBy: (request) => run('countBy', () => records.countBy(request)),
    insertPortalStatistics: (rows) => run('insertPortalStatistics', () => statistics.insert(rows)),
    summarizePortalStatistics: (tenantId, range) => run('summarizePortalStatistics', () => statistics.summarize(tenantId, range)),
    async dispose() {
      if (db.open) db.close();
    },
  };
}
