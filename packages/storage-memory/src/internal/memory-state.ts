import type { AuditRecord, OutboxRecord, PortalStatisticsRow, StoredRecord } from '@pccovid-inspect/core';
import { compareCodePoints } from '@pccovid-inspect/core/adapter-kit';
import type { DueIndex } from './memory-due-index.js';

/** @internal A tenant's outbox: the messages by id, and those with a `dueAt` in due order. */
export interface TenantOutbox {
  messages: Map<string, OutboxRecord>;
  due: DueIndex;
}

/**
 * @internal The committed state. Stored objects are never mutated: a write replaces them with a
 * fresh copy, and reads hand out copies.
 */
export interface CommittedState {
  /** `tenantId \0 collection` → id → record. */
  records: Map<string, Map<string, StoredRecord>>;
  /** tenantId → chain, where `chain[i].seq === i + 1`. */
  audit: Map<string, AuditRecord[]>;
  /** tenantId → outbox. */
  outbox: Map<string, TenantOutbox>;
  /** tenantId → `targetId \0 date` → row. */
  statistics: Map<string, Map<string, PortalStatisticsRow>>;
}

/** @internal An empty committed state. */
export function createCommittedState(): CommittedState {
  return { records: new Map(), audit: new Map(), outbox: new Map(), statistics: new Map() };
}

/** @internal The key of a tenant's collection. */
export function bucketOf(tenantId: string, collection: string): string {
  return `${tenantId}\u0000${collection}`;
}

/** @internal Messages oldest first: by `createdAt`, then `id` (code-point order, as SQL `BINARY` / `COLLATE "C"`). */
export function compareByAge(a: OutboxRecord, b: OutboxRecord): number {
  return compareCodePoints(a.createdAt, b.createdAt) || compareCodePoints(a.id, b.id);
}
