/**
 * `@pccovid-inspect/storage-sqlite` — the embedded default `StorageAdapter`: one SQLite file
 * (better-sqlite3), WAL, schema migrations, a bulk path for portal statistics.
 *
 * @packageDocumentation
 */
export { createSqliteStorage } from './sqlite-storage.js';
export type { SqliteStorage, SqliteStorageOptions } from './sqlite-storage.js';
export { SQLITE_SCHEMA_VERSION } from './sqlite-migrations.js';
