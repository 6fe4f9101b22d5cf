import type { AuditRecord, OutboxRecord, PortalStatisticsRow, StoredRecord } from '@pccovid-inspect/core';

/** @internal An outbox message and its insertion position (the tie-break of "oldest first"). */
export interface OutboxEntry {
  record: OutboxRecord;
  position: number;
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
  /** tenantId → id → message. */
  outbox: Map<string, Map<string, OutboxEntry>>;
  /** tenantId → `targetId \0 date` → row. */
  statistics: Map<string, Map<string, PortalStatisticsRow>>;
  /** Next outbox insertion position. */
  nextPosition: number;
}

/** @internal An empty committed state. */
export function createCommittedState(): CommittedState {
  return { records: new Map(), audit: new Map(), outbox: new Map(), statistics: new Map(), nextPosition: 1 };
}

/** @internal The key of a tenant's collection. */
export function bucketOf(tenantId: string, collection: string): string {
  return `${tenantId}\u0000${collection}`;
}
