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

/**
 * @internal One unit of work over the committed state (copy-on-write): writes go to private
 * overlays, reads see the overlays over the committed state, `commit()` applies the overlays in
 * one synchronous step, and dropping the unit is the rollback. Plain writes are units of one
 * operation; a transaction is one unit for its whole callback.
 */
export class MemoryUnit {
  private readonly records = new Map<string, Map<string, StoredRecord>>();
  private readonly audit = new Map<string, AuditRecord[]>();
  private readonly outbox = new Map<string, Map<string, OutboxEntry>>();
  private nextPosition: number;

  constructor(private readonly base: CommittedState) {
    this.nextPosition = base.nextPosition;
  }

  getRecord(bucket: string, id: string): StoredRecord | undefined {
    return this.records.get(bucket)?.get(id) ?? this.base.records.get(bucket)?.get(id);
  }

  /** Every record of a bucket, with this unit's writes over the committed ones. */
  recordsOf(bucket: string): StoredRecord[] {
    const committed = this.base.records.get(bucket);
    const pending = this.records.get(bucket);
    if (!pending) return committed ? [...committed.values()] : [];
    const merged = new Map(committed ?? []);
    for (const [id, record] of pending) merged.set(id, record);
    return [...merged.values()];
  }

  setRecord(bucket: string, record: StoredRecord): void {
    let pending = this.records.get(bucket);
    if (!pending) this.records.set(bucket, (pending = new Map<string, StoredRecord>()));
    pending.set(record.id, record);
  }

  auditOf(tenantId: string): AuditRecord[] {
    const committed = this.base.audit.get(tenantId) ?? [];
    const pending = this.audit.get(tenantId);
    return pending ? [...committed, ...pending] : [...committed];
  }

  lastSeq(tenantId: string): number {
    return (this.base.audit.get(tenantId)?.length ?? 0) + (this.audit.get(tenantId)?.length ?? 0);
  }

  appendAudit(record: AuditRecord): void {
    let pending = this.audit.get(record.tenantId);
    if (!pending) this.audit.set(record.tenantId, (pending = []));
    pending.push(record);
  }

  getOutbox(tenantId: string, id: string): OutboxEntry | undefined {
    return this.outbox.get(tenantId)?.get(id) ?? this.base.outbox.get(tenantId)?.get(id);
  }

  /** Every message of a tenant, oldest first (by `createdAt`, then insertion). */
  outboxOf(tenantId: string): OutboxEntry[] {
    const merged = new Map(this.base.outbox.get(tenantId) ?? []);
    for (const [id, entry] of this.outbox.get(tenantId) ?? []) merged.set(id, entry);
    return [...merged.values()].sort((a, b) => (a.record.createdAt === b.record.createdAt ? a.position - b.position : a.record.createdAt < b.record.createdAt ? -1 : 1));
  }

  /** Stores a message; a new one gets the next insertion position. */
  setOutbox(record: OutboxRecord, position?: number): void {
    let pending = this.outbox.get(record.tenantId);
    if (!pending) this.outbox.set(record.tenantId, (pending = new Map<string, OutboxEntry>()));
    pending.set(record.id, { record, position: position ?? this.nextPosition++ });
  }

  /** Applies every pending write to the committed state, synchronously. */
  commit(): void {
    for (const [bucket, pending] of this.records) {
      let committed = this.base.records.get(bucket);
      if (!committed) this.base.records.set(bucket, (committed = new Map<string, StoredRecord>()));
      for (const [id, record] of pending) committed.set(id, record);
    }
    for (const [tenantId, pending] of this.audit) {
      const chain = this.base.audit.get(tenantId);
      if (chain) chain.push(...pending);
      else this.base.audit.set(tenantId, [...pending]);
    }
    for (const [tenantId, pending] of this.outbox) {
      let committed = this.base.outbox.get(tenantId);
      if (!committed) this.base.outbox.set(tenantId, (committed = new Map<string, OutboxEntry>()));
      for (const [id, entry] of pending) committed.set(id, entry);
    }
    this.base.nextPosition = this.nextPosition;
  }
}
