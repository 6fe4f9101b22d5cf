import {
  AUDIT_CONFLICT_COLLECTION,
  OUTBOX_CONFLICT_COLLECTION,
  compareCodePoints,
  compareIndexValues,
  decodeQueryCursor,
  encodeQueryCursor,
  matchesWhere,
} from '@pccovid-inspect/core/adapter-kit';
import type { CommitBatch } from '@pccovid-inspect/core/adapter-kit';
import { ConflictError } from '@pccovid-inspect/core';
import type { AuditRecord, IndexValue, OutboxRecord, QueryPage, QueryRequest, ReadOutboxOptions, StoredRecord } from '@pccovid-inspect/core';
import type { CommittedState, TenantOutbox } from './memory-state.js';
import { bucketOf, compareByAge } from './memory-state.js';
import { DueIndex } from './memory-due-index.js';

const DEFAULT_QUERY_LIMIT = 100;
const DEFAULT_LOG_LIMIT = 1000;

/** A deep copy, so callers never share objects with the stored state. */
const copy = <T>(value: T): T => structuredClone(value);

/** The value of an index field of a record; a missing field counts as null. */
function indexValueOf(record: StoredRecord, field: string | null): IndexValue {
  if (field === null || !Object.hasOwn(record.indexes, field)) return null;
  return record.indexes[field] ?? null;
}

/** @internal A committed record, copied out. */
export function getRecord<T>(state: CommittedState, collection: string, tenantId: string, id: string): StoredRecord<T> | null {
  const record = state.records.get(bucketOf(tenantId, collection))?.get(id);
  return record ? (copy(record) as StoredRecord<T>) : null;
}

/** @internal One page of committed records, filtered and ordered by an index field, ties by id. */
export function queryRecords<T>(state: CommittedState, request: QueryRequest): QueryPage<T> {
  const field = request.orderBy?.field ?? null;
  const direction = request.orderBy?.direction ?? 'asc';
  const after = request.cursor ? decodeQueryCursor(request.cursor, field, direction) : null;
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  const sign = direction === 'asc' ? 1 : -1;
  const isAfterCursor = (record: StoredRecord): boolean =>
    after === null || sign * (compareIndexValues(indexValueOf(record, field), after.value) || compareCodePoints(record.id, after.id)) > 0;
  const found: StoredRecord[] = [];
  for (const record of state.records.get(bucketOf(request.tenantId, request.collection))?.values() ?? []) {
    if (matchesWhere(record.indexes, request.where) && isAfterCursor(record)) found.push(record);
  }
  found.sort((a, b) => sign * (compareIndexValues(indexValueOf(a, field), indexValueOf(b, field)) || compareCodePoints(a.id, b.id)));
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = found.length > limit && last ? encodeQueryCursor({ field, direction, value: indexValueOf(last, field), id: last.id }) : null;
  return { items: items.map((record) => copy(record) as StoredRecord<T>), nextCursor };
}

/**
 * @internal Commits a batch in one synchronous step: every check first (each put's version, then
 * each outbox update's, then the audit seq), then every write. Nothing awaits in between, so no
 * other call can interleave, and a failed check leaves the state untouched.
 */
export function commitBatch(state: CommittedState, batch: CommitBatch): StoredRecord[] {
  for (const put of batch.puts) {
    const current = state.records.get(bucketOf(put.tenantId, put.collection))?.get(put.id);
    if ((current?.version ?? 0) !== put.expectedVersion) {
      throw new ConflictError({ collection: put.collection, id: put.id, expectedVersion: put.expectedVersion, actualVersion: current ? current.version : null });
    }
  }
  const stored = state.outbox.get(batch.tenantId);
  for (const update of batch.outboxUpdates) {
    const current = stored?.messages.get(update.id);
    if (current?.version !== update.expectedVersion) {
      throw new ConflictError({ collection: OUTBOX_CONFLICT_COLLECTION, id: update.id, expectedVersion: update.expectedVersion, actualVersion: current ? current.version : null });
    }
  }
  const chain = state.audit.get(batch.tenantId) ?? [];
  if (batch.audit.seq !== chain.length + 1) {
    throw new ConflictError({ collection: AUDIT_CONFLICT_COLLECTION, id: batch.audit.id, expectedVersion: batch.audit.seq - 1, actualVersion: chain.length });
  }
  // Copy everything before the first write, so a copy that fails (a value structuredClone refuses) changes nothing.
  const records: StoredRecord[] = batch.puts.map((put) =>
    copy({ collection: put.collection, tenantId: put.tenantId, id: put.id, version: put.expectedVersion + 1, data: put.data, indexes: put.indexes, updatedAt: put.updatedAt }),
  );
  const audit = copy(batch.audit);
  const messages = batch.outbox.map(copy);
  const updated = batch.outboxUpdates.map(({ id, expectedVersion, ...delivery }) => ({
    ...(stored?.messages.get(id) as OutboxRecord),
    ...copy(delivery),
    version: expectedVersion + 1,
  }));
  for (const record of records) {
    const bucket = bucketOf(record.tenantId, record.collection);
    let committed = state.records.get(bucket);
    if (!committed) state.records.set(bucket, (committed = new Map<string, StoredRecord>()));
    committed.set(record.id, record);
  }
  if (chain.length === 0) state.audit.set(batch.tenantId, chain);
  chain.push(audit);
  let outbox = stored;
  if (!outbox) state.outbox.set(batch.tenantId, (outbox = { messages: new Map(), due: new DueIndex() } satisfies TenantOutbox));
  for (const message of updated) {
    const previous = outbox.messages.get(message.id) as OutboxRecord;
    if (previous.dueAt !== null) outbox.due.remove(previous.dueAt, previous.id);
    if (message.dueAt !== null) outbox.due.add(message.dueAt, message.id);
    outbox.messages.set(message.id, message);
  }
  for (const message of messages) {
    if (outbox.messages.has(message.id)) continue;
    outbox.messages.set(message.id, message);
    if (message.dueAt !== null) outbox.due.add(message.dueAt, message.id);
  }
  return records.map(copy);
}

/** @internal Audit records of a tenant after `afterSeq`, ascending. */
export function readAuditRecords(state: CommittedState, tenantId: string, options?: { afterSeq?: number; limit?: number }): AuditRecord[] {
  const afterSeq = options?.afterSeq ?? 0;
  return (state.audit.get(tenantId) ?? []).slice(afterSeq, afterSeq + (options?.limit ?? DEFAULT_LOG_LIMIT)).map(copy);
}

/** @internal The last audit record of a tenant. */
export function lastAuditRecord(state: CommittedState, tenantId: string): AuditRecord | null {
  const chain = state.audit.get(tenantId);
  const last = chain?.[chain.length - 1];
  return last ? copy(last) : null;
}

/**
 * @internal A tenant's messages: with `dueBy`, those due by then in due order, read from the due
 * index (the due part only, never the whole outbox); without, oldest first (a scan and a sort).
 */
export function readOutboxRecords(state: CommittedState, tenantId: string, options: ReadOutboxOptions = {}): OutboxRecord[] {
  const outbox = state.outbox.get(tenantId);
  if (!outbox) return [];
  const { status, dueBy, limit = DEFAULT_LOG_LIMIT } = options;
  const found: OutboxRecord[] = [];
  if (dueBy !== undefined) {
    for (const id of outbox.due.dueBy(dueBy)) {
      if (found.length >= limit) break;
      const message = outbox.messages.get(id) as OutboxRecord;
      if (status === undefined || message.status === status) found.push(message);
    }
    return found.map(copy);
  }
  for (const message of outbox.messages.values()) if (status === undefined || message.status === status) found.push(message);
  return found.sort(compareByAge).slice(0, limit).map(copy);
}
