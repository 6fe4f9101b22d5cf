import { ConflictError, NotFoundError } from '@pccovid-inspect/core';
import {
  checkAuditRecord,
  checkNonEmptyText,
  checkOutboxRecord,
  checkOutboxUpdate,
  checkPutRequest,
  checkQueryRequest,
  checkReadOptions,
  compareCodePoints,
  compareIndexValues,
  decodeQueryCursor,
  encodeQueryCursor,
  isIndexValue,
  throwValidationIssue,
} from '@pccovid-inspect/core/adapter-kit';
import type { IndexValue, StorageOperations, StoredRecord } from '@pccovid-inspect/core';
import type { MemoryUnit } from './memory-state.js';
import { bucketOf } from './memory-state.js';

/** @internal What the operations need besides the unit of work. */
export interface MemoryOperationSettings {
  maxRecordBytes: number | null;
  /** Throws when the adapter was disposed or the transaction has ended. */
  guard: (operation: string) => void;
}

const DEFAULT_QUERY_LIMIT = 100;
const DEFAULT_LOG_LIMIT = 1000;

/** A deep copy, so callers never share objects with the stored state. */
const copy = <T>(value: T): T => structuredClone(value);

/** The value of an index field of a record; a missing field counts as null. */
function indexValueOf(record: StoredRecord, field: string | null): IndexValue {
  if (field === null || !Object.hasOwn(record.indexes, field)) return null;
  return record.indexes[field] ?? null;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * @internal The `StorageOperations` over one unit of work: plain calls use a unit of one
 * operation, a transaction one unit for its callback.
 */
export function createMemoryOperations(unit: MemoryUnit, settings: MemoryOperationSettings): StorageOperations {
  const { guard, maxRecordBytes } = settings;
  return {
    async get<T>(collection: string, tenantId: string, id: string) {
      guard('get');
      checkNonEmptyText('get', ['collection'], collection);
      checkNonEmptyText('get', ['tenantId'], tenantId);
      checkNonEmptyText('get', ['id'], id);
      const record = unit.getRecord(bucketOf(tenantId, collection), id);
      return record ? (copy(record) as StoredRecord<T>) : null;
    },

    async put<T>(request: Parameters<StorageOperations['put']>[0]) {
      guard('put');
      checkPutRequest(request);
      if (maxRecordBytes !== null && utf8Length(JSON.stringify(request.data)) > maxRecordBytes) {
        throwValidationIssue('PutRequest', ['data'], `is larger than capabilities.maxRecordBytes (${maxRecordBytes} bytes of JSON)`);
      }
      const bucket = bucketOf(request.tenantId, request.collection);
      const current = unit.getRecord(bucket, request.id);
      if ((current?.version ?? 0) !== request.expectedVersion) {
        throw new ConflictError({
          collection: request.collection,
          id: request.id,
          expectedVersion: request.expectedVersion,
          actualVersion: current ? current.version : null,
        });
      }
      const record: StoredRecord = copy({
        collection: request.collection,
        tenantId: request.tenantId,
        id: request.id,
        version: request.expectedVersion + 1,
        data: request.data,
        indexes: request.indexes,
        updatedAt: request.updatedAt,
      });
      unit.setRecord(bucket, record);
      return copy(record) as StoredRecord<T>;
    },

    async query<T>(request: Parameters<StorageOperations['query']>[0]) {
      guard('query');
      checkQueryRequest(request);
      const field = request.orderBy?.field ?? null;
      const direction = request.orderBy?.direction ?? 'asc';
      const after = request.cursor ? decodeQueryCursor(request.cursor, field, direction) : null;
      const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
      const filters = Object.entries(request.where ?? {});
      const sign = direction === 'asc' ? 1 : -1;
      const matches = (record: StoredRecord): boolean =>
        filters.every(([name, filter]) => {
          const value = indexValueOf(record, name);
          return isIndexValue(filter) ? value === filter : filter.in.some((candidate) => candidate === value);
        });
      const isAfterCursor = (record: StoredRecord): boolean =>
        after === null || sign * (compareIndexValues(indexValueOf(record, field), after.value) || compareCodePoints(record.id, after.id)) > 0;
      const found = unit
        .recordsOf(bucketOf(request.tenantId, request.collection))
        .filter((record) => matches(record) && isAfterCursor(record))
        .sort((a, b) => sign * (compareIndexValues(indexValueOf(a, field), indexValueOf(b, field)) || compareCodePoints(a.id, b.id)));
      const items = found.slice(0, limit);
      const last = items[items.length - 1];
      const nextCursor = found.length > limit && last ? encodeQueryCursor({ field, direction, value: indexValueOf(last, field), id: last.id }) : null;
      return { items: items.map((record) => copy(record) as StoredRecord<T>), nextCursor };
    },

    async appendAudit(record) {
      guard('appendAudit');
      checkAuditRecord(record);
      const last = unit.lastSeq(record.tenantId);
      if (record.seq !== last + 1) {
        throw new ConflictError({ collection: 'audit', id: record.id, expectedVersion: record.seq - 1, actualVersion: last });
      }
      unit.appendAudit(copy(record));
    },

    async readAudit(tenantId, options) {
      guard('readAudit');
      checkNonEmptyText('readAudit', ['tenantId'], tenantId);
      checkReadOptions('readAudit', options);
      const afterSeq = options?.afterSeq ?? 0;
      return unit
        .auditOf(tenantId)
        .slice(afterSeq, afterSeq + (options?.limit ?? DEFAULT_LOG_LIMIT))
        .map(copy);
    },

    async lastAudit(tenantId) {
      guard('lastAudit');
      checkNonEmptyText('lastAudit', ['tenantId'], tenantId);
      const chain = unit.auditOf(tenantId);
      const last = chain[chain.length - 1];
      return last ? copy(last) : null;
    },

    async enqueueOutbox(records) {
      guard('enqueueOutbox');
      if (!Array.isArray(records)) throwValidationIssue('OutboxRecord', [], 'must be an array of messages');
      records.forEach(checkOutboxRecord);
      for (const record of records) {
        if (!unit.getOutbox(record.tenantId, record.id)) unit.setOutbox(copy(record));
      }
    },

    async readOutbox(tenantId, options) {
      guard('readOutbox');
      checkNonEmptyText('readOutbox', ['tenantId'], tenantId);
      checkReadOptions('readOutbox', options);
      const status = options?.status;
      return unit
        .outboxOf(tenantId)
        .filter((entry) => status === undefined || entry.record.status === status)
        .slice(0, options?.limit ?? DEFAULT_LOG_LIMIT)
        .map((entry) => copy(entry.record));
    },

    async markOutbox(tenantId, id, update) {
      guard('markOutbox');
      checkNonEmptyText('markOutbox', ['tenantId'], tenantId);
      checkNonEmptyText('markOutbox', ['id'], id);
      checkOutboxUpdate(update);
      const entry = unit.getOutbox(tenantId, id);
      if (!entry) throw new NotFoundError({ collection: 'outbox', id });
      unit.setOutbox(
        {
          ...entry.record,
          status: update.status,
          attempts: update.attempts,
          providerMessageId: update.providerMessageId === undefined ? entry.record.providerMessageId : update.providerMessageId,
          lastError: update.lastError === undefined ? entry.record.lastError : update.lastError,
        },
        entry.position,
      );
    },
  };
}
