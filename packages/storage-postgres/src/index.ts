/**
 * `@pccovid-inspect/storage-postgres` — a `StorageAdapter` on PostgreSQL (node-postgres): JSONB
 * records with typed index rows, one transaction per commit, row-level security per province,
 * schema migrations under an advisory lock, a bulk path for portal statistics.
 *
 * @packageDocumentation
 */
export { createPostgresStorage } from './postgres-storage.js';
export type { PostgresStorage } from './postgres-storage.js';
export type { PostgresStorageOptions } from './postgres-options.js';
export { POSTGRES_SCHEMA_VERSION } from './postgres-migrations.js';
export { defaultTenantRole } from './postgres-tenants.js';
