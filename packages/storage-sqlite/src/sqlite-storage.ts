import { accessSync, constants as fsConstants, statSync } from 'node:fs';
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
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError({
      problemVi: 'tùy chọn phải là một đối tượng',
      problemEn: 'the options must be an object',
      hint: 'Call createSqliteStorage({ filename }) or createSqliteStorage().',
    });
  }
  const problems: [problemVi: string, problemEn: string, hint?: string][] = [];
  if (options.filename !== undefined && (typeof options.filename !== 'string' || options.filename.length === 0)) {
    problems.push(['filename phải là đường dẫn tệp hoặc ":memory:"', 'filename must be a file path or ":memory:"']);
  } else if (options.filename?.includes('\0')) {
    // The C library stops at the NUL: the part before it names another file, which would be opened silently.
    problems.push([
      'filename chứa ký tự NUL (U+0000)',
      'filename contains a NUL character (U+0000); the part before it names another file',
      'Remove the NUL: a file path cannot contain one (it often comes from a C string or a padded field read as text).',
    ]);
  }
  if (options.durability !== undefined && options.durability !== 'normal' && options.durability !== 'full') {
    problems.push(["durability phải là 'normal' hoặc 'full'", "durability must be 'normal' or 'full'"]);
  }
  const timeout = options.busyTimeoutMs;
  if (timeout !== undefined && (!Number.isSafeInteger(timeout) || timeout < 0)) {
    problems.push(['busyTimeoutMs phải là số nguyên ≥ 0', 'busyTimeoutMs must be a whole number ≥ 0']);
  }
  const first = problems[0];
  if (first) throw new ConfigurationError({ problemVi: first[0], problemEn: first[1], ...(first[2] === undefined ? {} : { hint: first[2] }) });
}

/**
 * What is wrong with a file SQLite could not open or read, and what to do: a typed error for each
 * cause a person must fix (`CONFIGURATION_INVALID` with a hint), `STORAGE_FAILED` for the rest
 * (a lock held too long by another process, an I/O error: retrying may help).
 */
function openFailure(filename: string, error: unknown): InspectError {
  if (InspectError.isInstance(error)) return error;
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : '';
  const message = error instanceof Error ? error.message : String(error);
  const invalid = (problemVi: string, problemEn: string, hint: string) => new ConfigurationError({ problemVi, problemEn, hint, cause: error });
  if (code === 'SQLITE_NOTADB') {
    return invalid(
      `"${filename}" không phải là cơ sở dữ liệu SQLite`,
      `"${filename}" is not a SQLite database (${message}): another kind of file, or an encrypted one`,
      'Check `filename`: point it at the inspection database, or at a path that does not exist yet to create a new one. Do not delete the file before finding out what it is.',
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return invalid(
      `tệp SQLite "${filename}" bị hỏng`,
      `the SQLite file "${filename}" is damaged (${message})`,
      'Stop every process that uses the file, then restore it from a backup (or try `sqlite3 <file> ".recover"` on a copy).',
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return invalid(
      `không ghi được tệp SQLite "${filename}" hoặc thư mục của nó`,
      `the SQLite file "${filename}" or its directory cannot be written (${message})`,
      'The adapter writes to the file and creates "<file>-wal" and "<file>-shm" beside it: make the file and its directory writable by this process.',
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || /directory does not exist/i.test(message)) {
    return invalid(
      `không mở được tệp SQLite "${filename}"`,
      `the SQLite file "${filename}" cannot be opened (${message})`,
      'Give `filename` the path of a file (not a directory) in a directory that exists and that this process may write to: the adapter creates "<file>-wal" and "<file>-shm" beside the file.',
    );
  }
  return failure('open', message, error);
}

/** Opens the connection, sets the pragmas, migrates the schema and prepares the statements. */
function open<T>(filename: string, durability: 'normal' | 'full', busyTimeoutMs: number, prepare: (db: Database.Database) => T): { db: Database.Database; parts: T } {
  if (filename !== ':memory:' && isDirectory(filename)) {
    throw new ConfigurationError({
      problemVi: `"${filename}" là một thư mục, không phải tệp SQLite`,
      problemEn: `"${filename}" is a directory, not a SQLite file`,
      hint: 'Give `filename` the path of the database file inside it, e.g. "<directory>/pccovid-inspect.db".',
    });
  }
  if (filename !== ':memory:' && !isWritable(filename)) {
    // SQLite would open it read-only without a word, and only the first write would fail.
    throw openFailure(filename, Object.assign(new Error('the file is read-only for this process'), { code: 'SQLITE_READONLY' }));
  }
  let db: Database.Database;
  try {
    db = new Database(filename);
  } catch (error) {
    throw openFailure(filename, error);
  }
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    migrateSqlite(db);
    return { db, parts: prepare(db) };
  } catch (error) {
    db.close();
    throw openFailure(filename, error);
  }
}

/** False when the file exists and this process may not write it (a missing file is created). */
function isWritable(path: string): boolean {
  try {
    accessSync(path, fsConstants.W_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EACCES' && (error as NodeJS.ErrnoException).code !== 'EROFS' && (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing (it will be created) or not readable (SQLite says why)
  }
}

/**
 * Creates the embedded SQLite `StorageAdapter` (storage contract v2, better-sqlite3): one file,
 * WAL journal, `synchronous` per `durability`, `busy_timeout`, foreign keys on, and schema
 * migrations recorded in `schema_migrations` (a file at an older schema version is upgraded on
 * open; see `SQLITE_SCHEMA_VERSION`).
 *
 * - `commit(batch)` is ONE SQLite transaction, run synchronously from `BEGIN IMMEDIATE` to
 *   `COMMIT`: every put's version is checked, then each outbox update is applied by version
 *   (`UPDATE … WHERE version = ?`), then the audit seq is checked, then the records, index rows,
 *   audit row and new outbox rows are written. A stale version is `CONFLICT` naming the record
 *   (or `collection: 'outbox'` and the message), a taken audit seq is `CONFLICT` with
 *   `collection: 'audit'`, and any of them writes nothing. As
 *   better-sqlite3 never yields inside a call, no other call of this process interleaves with a
 *   commit, and no in-process lock is needed.
 * - Several processes may open the same file: SQLite's write lock (waited for up to
 *   `busyTimeoutMs`) serialises their commits, and each checks versions
 *   and the audit seq after taking it, so a stale writer gets `CONFLICT`.
 * - Core checks every request before it reaches the adapter (`guardStorage`), so the adapter does
 *   not re-validate; its own errors are backend ones, and no raw driver error escapes. Opening
 *   throws `CONFIGURATION_INVALID`, with a hint saying what to do, for a filename with a NUL
 *   character, a directory, a missing parent directory, a file that is not a SQLite database or is
 *   damaged, one that cannot be written, one of a newer schema, and one whose tables do not match
 *   the schema version it records; any other failure (a lock not obtained in time, an I/O error)
 *   is `STORAGE_FAILED`, as is every failure of a call.
 * - `countBy` is a SQL `GROUP BY` over the `record_indexes` side table (index seeks and primary-key
 *   lookups; no record's JSON is read), and a query ordered by an index field walks the
 *   `record_indexes_by_value` index in order instead of sorting every match. Records without a
 *   value for the order field (they sort first ascending, last descending) are read only when
 *   some exist: counts of records and index rows per collection, kept by triggers in every
 *   writer's transaction (schema version 3), tell in two primary-key lookups, so a sorted page
 *   does not grow with the collection.
 * - `readOutbox({ dueBy })` walks the partial index `outbox_by_due` (messages with a due time only,
 *   by due time then id; schema version 4), so a deliverer's poll reads the due messages and
 *   nothing else.
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
  const { db, parts } = open(filename, options.durability ?? 'normal', options.busyTimeoutMs ?? 5000, (connection) => {
    const records = new SqliteRecords(connection);
    const logs = new SqliteLogs(connection);
    return { records, logs, commits: new SqliteCommit(connection, records, logs), statistics: new SqlitePortalStatistics(connection) };
  });
  const { records, logs, commits, statistics } = parts;

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
    countBy: (request) => run('countBy', () => records.countBy(request)),
    insertPortalStatistics: (rows) => run('insertPortalStatistics', () => statistics.insert(rows)),
    summarizePortalStatistics: (tenantId, range) => run('summarizePortalStatistics', () => statistics.summarize(tenantId, range)),
    async dispose() {
      if (db.open) wrap('dispose', () => db.close());
    },
  };
}
