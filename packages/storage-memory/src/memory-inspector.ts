import { ConfigurationError } from '@pccovid-inspect/core';
import type { AuditRecord, IndexValue, OutboxRecord, StorageAdapter } from '@pccovid-inspect/core';
import { committedStates } from './memory-storage.js';
import { bucketOf, compareByAge } from './internal/memory-state.js';

/**
 * A read-only view of what a memory adapter has committed, bypassing its own read methods. It
 * has the shape of the testkit's `StorageInspector`, so it is the `inspect` of the conformance kit;
 * it also lets an app's tests check stored state directly. Every method returns copies.
 *
 * @example
 * ```ts
 * const view: MemoryStorageInspector = inspectMemoryStorage(storage);
 * view.countRecords('visits', '42'); // 0
 * ```
 */
export interface MemoryStorageInspector {
  /** The committed record, or null. */
  record(collection: string, tenantId: string, id: string): { version: number; data: unknown; indexes: Record<string, IndexValue>; updatedAt: string } | null;
  /** How many records a tenant has in a collection. */
  countRecords(collection: string, tenantId: string): number;
  /** The tenant's audit chain, by ascending seq. */
  audit(tenantId: string): AuditRecord[];
  /** The tenant's outbox, oldest first (`createdAt`, then `id`). */
  outbox(tenantId: string): OutboxRecord[];
  /** How many portal-statistics rows the tenant has. */
  countPortalStatistics(tenantId: string): number;
}

/**
 * Returns the read-only committed-state view of an adapter made by `createMemoryStorage`
 * (a `ConfigurationError` for any other adapter).
 *
 * @example
 * ```ts
 * import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
 * import { createMemoryStorage, inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
 *
 * describeStorageConformance({ name: 'memory', createAdapter: () => createMemoryStorage(), inspect: inspectMemoryStorage });
 * ```
 */
export function inspectMemoryStorage(adapter: StorageAdapter): MemoryStorageInspector {
  const state = committedStates.get(adapter);
  if (!state) {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${adapter?.name}" không được tạo bởi createMemoryStorage`,
      problemEn: `storage "${adapter?.name}" was not made by createMemoryStorage`,
    });
  }
  return {
    record(collection, tenantId, id) {
      const stored = state.records.get(bucketOf(tenantId, collection))?.get(id);
      return stored ? structuredClone({ version: stored.version, data: stored.data, indexes: stored.indexes, updatedAt: stored.updatedAt }) : null;
    },
    countRecords: (collection, tenantId) => state.records.get(bucketOf(tenantId, collection))?.size ?? 0,
    audit: (tenantId) => structuredClone(state.audit.get(tenantId) ?? []),
    outbox: (tenantId) => [...(state.outbox.get(tenantId)?.messages.values() ?? [])].sort(compareByAge).map((message) => structuredClone(message)),
    countPortalStatistics: (tenantId) => state.statistics.get(tenantId)?.size ?? 0,
  };
}
