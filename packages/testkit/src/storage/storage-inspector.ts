import type { AuditRecord, IndexValue, OutboxRecord } from '@pccovid-inspect/core';

/**
 * A value, or a promise of it: inspectors may read synchronously (memory, SQLite) or not.
 *
 * @example
 * ```ts
 * const count: Awaitable<number> = Promise.resolve(3);
 * ```
 */
export type Awaitable<T> = T | Promise<T>;

/**
 * One record exactly as the adapter stored it, read through the backdoor.
 *
 * @example
 * ```ts
 * const stored: InspectedRecord = { version: 2, data: { status: 'underway' }, indexes: { status: 'underway' }, updatedAt: '2021-12-07T00:00:00.000Z' };
 * ```
 */
export interface InspectedRecord {
  /** The stored version (1 after create, +1 per successful put). */
  version: number;
  /** The stored JSON document. */
  data: unknown;
  /** The stored index fields. */
  indexes: Record<string, IndexValue>;
  /** The stored `updatedAt`. */
  updatedAt: string;
}

/**
 * The backdoor an adapter author gives the conformance kit: it reads what was REALLY stored
 * (committed), bypassing the adapter's own read methods — a second SQLite connection to the
 * same file, the memory adapter's committed maps, the JSON files on disk, a second PostgreSQL
 * client. The kit uses it to prove that a rejected or rolled-back write left nothing behind,
 * which the adapter's own `get` could hide (a cache).
 *
 * Read only committed state: the kit calls the inspector only when no `commit` is in flight.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * import type { StorageInspector } from '@pccovid-inspect/testkit/storage';
 *
 * function inspectFile(filename: string): StorageInspector {
 *   const db = new Database(filename, { readonly: true });
 *   return {
 *     record: (collection, tenantId, id) => {
 *       const row = db.prepare('SELECT version, data, indexes, updated_at FROM records WHERE tenant_id = ? AND collection = ? AND id = ?')
 *         .get(tenantId, collection, id) as { version: number; data: string; indexes: string; updated_at: string } | undefined;
 *       return row ? { version: row.version, data: JSON.parse(row.data), indexes: JSON.parse(row.indexes), updatedAt: row.updated_at } : null;
 *     },
 *     countRecords: (collection, tenantId) => 0, // SELECT count(*) …
 *     audit: (tenantId) => [],                   // SELECT … ORDER BY seq
 *     outbox: (tenantId) => [],                  // SELECT … ORDER BY created_at
 *     close: () => db.close(),
 *   };
 * }
 * ```
 */
export interface StorageInspector {
  /** The stored record, or `null` when nothing is stored under that key. */
  record(collection: string, tenantId: string, id: string): Awaitable<InspectedRecord | null>;
  /** How many records a tenant has in a collection. */
  countRecords(collection: string, tenantId: string): Awaitable<number>;
  /** Every audit record of a tenant, by ascending `seq`. */
  audit(tenantId: string): Awaitable<AuditRecord[]>;
  /** Every outbox message of a tenant, in the order `readOutbox` would return them. */
  outbox(tenantId: string): Awaitable<OutboxRecord[]>;
  /**
   * How many portal-statistics rows a tenant has. Required when the adapter declares
   * `capabilities.portalStatistics`.
   */
  countPortalStatistics?(tenantId: string): Awaitable<number>;
  /** Releases whatever the inspector opened (a connection, a file handle). Called after each test. */
  close?(): Awaitable<void>;
}
