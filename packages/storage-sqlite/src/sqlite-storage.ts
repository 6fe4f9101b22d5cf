import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { AsyncMutex } from '@pccovid-inspect/core/adapter-kit';
import { ConfigurationError, InspectError, STORAGE_CONTRACT_VERSION, StorageError } from '@pccovid-inspect/core';
import type { StorageAdapter, StorageOperations } from '@pccovid-inspect/core';
import { SqliteCallerError } from './internal/sqlite-caller-error.js';
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
 * Creates the embedded SQLite `StorageAdapter` (better-sqlite3): one file, WAL journal,
 * `synchronous` per `durability`, `busy_timeout`, foreign keys on, and schema migrations recorded
 * in `schema_migrations` (a file at an older schema version is upgraded on open; see
 * `SQLITE_SCHEMA_VERSION`).
 *
 * - better-sqlite3 is synchronous; the contract's transaction callback is async. Every call on the
 *   connection therefore runs through an in-process async mutex: `transaction(fn)` holds it from
 *   `BEGIN IMMEDIATE` to `COMMIT`/`ROLLBACK`, and plain calls wait for it, so nothing interleaves
 *   with an open transaction. Inside `fn` use the `tx` argument: calling the adapter itself there
 *   is refused with `STORAGE_FAILED` (it would wait for the transaction it is part of).
 * - Several processes may open the same file: SQLite's write lock (waited for up to
 *   `busyTimeoutMs`) serialises their writes, and every versioned write checks the version in the
 *   same statement (`UPDATE … WHERE version = ?`), so a stale writer gets `CONFLICT`.
 * - `countBy` is a SQL `GROUP BY` over the `record_indexes` side table (index seeks and primary-key
 *   lookups; no record's JSON is read), and a query ordered by an index field walks the
 *   `record_indexes_by_value` index in order instead of sorting every match.
 * - Portal statistics are typed rows with a bulk path (multi-row prepared INSERTs in one
 *   transaction, from any Iterable) and an aggregate summary served from the table's primary key.
 *
 * @example
 * ```ts
 * import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
 *
 * const storage = createSqliteStorage({ filename: 'ha-tinh-2021.db' });
 * await storage.transaction(async (tx) => {
 *   await tx.put({ collection: 'visits', tenantId: '42', id: 'v-1', data: { target: 'Chợ Hà Tĩnh' },
 *     indexes: { status: 'planned' }, updatedAt: '2021-12-06T01:30:00.000Z', expectedVersion: 0 });
 *   await tx.appendAudit(event);
 * });
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
  const statistics = new SqlitePortalStatistics(db);
  /** Every call on the one connection runs through it: a transaction's awaiting callback never interleaves. */
  const mutex = new AsyncMutex();
  /** The open transaction of the current async context, to refuse re-entrant adapter calls. */
  const scope = new AsyncLocalStorage<{ open: boolean }>();
  let closing = false;

  /** Runs one plain call on the connection, after any open transaction. */
  const plain = <T>(operation: string, fn: () => T): Promise<T> => {
    if (scope.getStore()?.open) {
      return Promise.reject(failure(operation, 'called on the adapter inside its own transaction callback; use the `tx` argument'));
    }
    if (closing) return Promise.reject(failure(operation, 'the adapter was disposed; create a new one'));
    return mutex.run(() => {
      if (!db.open) throw failure(operation, 'the adapter was disposed; create a new one');
      return wrap(operation, fn);
    });
  };

  const operations = (run: <T>(operation: string, fn: () => T) => Promise<T>): StorageOperations => ({
    get: (collection, tenantId, id) => run('get', () => records.get(collection, tenantId, id)),
    put: (request) => run('put', () => records.put(request)),
    query: (request) => run('query', () => records.query(request)),
    appendAudit: (record) => run('appendAudit', () => logs.appendAudit(record)),
    readAudit: (tenantId, readOptions) => run('readAudit', () => logs.readAudit(tenantId, readOptions)),
    lastAudit: (tenantId) => run('lastAudit', () => logs.lastAudit(tenantId)),
    enqueueOutbox: (messages) => run('enqueueOutbox', () => logs.enqueueOutbox(messages)),
    readOutbox: (tenantId, readOptions) => run('readOutbox', () => logs.readOutbox(tenantId, readOptions)),
    markOutbox: (tenantId, id, update) => run('markOutbox', () => logs.markOutbox(tenantId, id, update)),
  });

  const storage: SqliteStorage = {
    contractVersion: STORAGE_CONTRACT_VERSION,
    name: NAME,
    capabilities: { transactions: true, multiProcess: !inMemory, durable: !inMemory, portalStatistics: true, maxRecordBytes: null, groupedCounts: true },
    ...operations(plain),
    transaction<T>(fn: (tx: StorageOperations) => Promise<T>): Promise<T> {
      if (scope.getStore()?.open) {
        return Promise.reject(failure('transaction', 'transactions do not nest; use the `tx` argument of the open one'));
      }
      if (closing) return Promise.reject(failure('transaction', 'the adapter was disposed; create a new one'));
      return mutex.run(async () => {
        if (!db.open) throw failure('transaction', 'the adapter was disposed; create a new one');
        wrap('transaction', () => db.exec('BEGIN IMMEDIATE'));
        const state = { open: true };
        const tx = operations(async (operation, step) => {
          if (!state.open) throw failure(operation, 'the transaction has already ended; use `tx` only inside its callback');
          return wrap(operation, step);
        });
        try {
          const result = await scope.run(state, () => fn(tx));
          state.open = false;
          wrap('commit', () => db.exec('COMMIT'));
          return result;
        } catch (error) {
          state.open = false;
          try {
            if (db.inTransaction) db.exec('ROLLBACK');
          } catch {
            // The connection already rolled back (e.g. after SQLITE_FULL); the original error matters.
          }
          throw error;
        }
      });
    },
    countBy: (request) => plain('countBy', () => records.countBy(request)),
    insertPortalStatistics: (rows) => plain('insertPortalStatistics', () => statistics.insert(rows)),
    summarizePortalStatistics: (tenantId, range) => plain('summarizePortalStatistics', () => statistics.summarize(tenantId, range)),
    async dispose() {
      if (scope.getStore()?.open) throw failure('dispose', 'cannot dispose inside a transaction callback');
      if (closing) return;
      closing = true;
      await mutex.run(() => db.close());
    },
  };
  return storage;
}
