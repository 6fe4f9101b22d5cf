import { GroupCounter, defineStorageAdapter, matchesWhere } from '@pccovid-inspect/core/adapter-kit';
import { ConfigurationError, StorageError } from '@pccovid-inspect/core';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { commitBatch, getRecord, lastAuditRecord, queryRecords, readAuditRecords, readOutboxRecords } from './internal/memory-operations.js';
import { bucketOf, createCommittedState } from './internal/memory-state.js';
import type { CommittedState } from './internal/memory-state.js';
import { insertRows, summarizeRows } from './internal/memory-statistics.js';

/**
 * Options of `createMemoryStorage`.
 *
 * @example
 * ```ts
 * const options: MemoryStorageOptions = { maxRecordBytes: 256 * 1024 };
 * ```
 */
export interface MemoryStorageOptions {
  /**
   * Largest `data` a put accepts, in bytes of UTF-8 JSON; larger is a `ValidationError`. Set it to
   * the limit of your production adapter so tests catch oversized documents early.
   * @default null (no limit)
   */
  maxRecordBytes?: number | null;
}

/**
 * The memory adapter: a `StorageAdapter` whose portal-statistics methods are always present.
 *
 * @example
 * ```ts
 * const storage: MemoryStorage = createMemoryStorage();
 * await storage.insertPortalStatistics(rows);
 * ```
 */
export type MemoryStorage = StorageAdapter & Required<Pick<StorageAdapter, 'insertPortalStatistics' | 'summarizePortalStatistics' | 'countBy'>>;

/** @internal Committed state of each memory adapter, for `inspectMemoryStorage`. */
export const committedStates = new WeakMap<object, CommittedState>();

function disposedError(operation: string): StorageError {
  return new StorageError({ adapterName: 'memory', operation, detailEn: 'the adapter was disposed; create a new one' });
}

/**
 * Creates the reference in-memory `StorageAdapter` (contract v2): versioned records, atomic
 * commits, the audit log, the outbox and portal statistics, all in this process's memory (gone
 * when it exits). It runs in Node, browsers and mobile runtimes (no Node built-ins). Use it in
 * tests and quick starts; use `@pccovid-inspect/storage-sqlite` to keep data.
 *
 * - Every value is deep-copied in and out (`structuredClone`), so callers cannot change stored
 *   state through objects they passed in or got back.
 * - `commit(batch)` checks every put's version, every outbox update's version and the audit seq,
 *   then applies the whole batch in one synchronous step: no other call can interleave, and a
 *   failed check writes nothing.
 * - `readOutbox({ dueBy })` reads a per-tenant index of messages sorted by due time (binary
 *   search, then only the due ones); without `dueBy` it sorts the tenant's messages by age.
 * - `countBy` counts committed records in place (no copies), grouped by index fields.
 * - Requests are checked by core before they arrive (`guardStorage`); the adapter trusts them.
 *
 * Read what was committed with `inspectMemoryStorage(storage)`.
 *
 * @example
 * ```ts
 * import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
 * import { createInspectionService } from '@pccovid-inspect/core';
 *
 * const service = createInspectionService({ storage: createMemoryStorage(), tenant });
 * ```
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): MemoryStorage {
  const maxRecordBytes = options.maxRecordBytes ?? null;
  if (maxRecordBytes !== null && (!Number.isSafeInteger(maxRecordBytes) || maxRecordBytes < 1)) {
    throw new ConfigurationError({
      problemVi: 'maxRecordBytes phải là số nguyên dương hoặc null',
      problemEn: 'maxRecordBytes must be a positive whole number or null',
    });
  }
  const state = createCommittedState();
  let disposed = false;
  /** Runs one synchronous operation unless the adapter was disposed. */
  const run = async <T>(operation: string, fn: () => T): Promise<T> => {
    if (disposed) throw disposedError(operation);
    return fn();
  };

  const storage = defineStorageAdapter({
    name: 'memory',
    capabilities: { multiProcess: false, durable: false, portalStatistics: true, maxRecordBytes, groupedCounts: true },
    get: (collection, tenantId, id) => run('get', () => getRecord(state, collection, tenantId, id)),
    query: (request) => run('query', () => queryRecords(state, request)),
    commit: (batch) => run('commit', () => commitBatch(state, batch)),
    readAudit: (tenantId, readOptions) => run('readAudit', () => readAuditRecords(state, tenantId, readOptions)),
    lastAudit: (tenantId) => run('lastAudit', () => lastAuditRecord(state, tenantId)),
    readOutbox: (tenantId, readOptions) => run('readOutbox', () => readOutboxRecords(state, tenantId, readOptions)),
    insertPortalStatistics: (rows) => run('insertPortalStatistics', () => insertRows(state, rows)),
    summarizePortalStatistics: (tenantId, range) => run('summarizePortalStatistics', () => summarizeRows(state, tenantId, range)),
    countBy: (request) =>
      run('countBy', () => {
        // Committed state only, read in place: no copy of any record is made.
        const counter = new GroupCounter(request.groupBy);
        for (const record of state.records.get(bucketOf(request.tenantId, request.collection))?.values() ?? []) {
          if (matchesWhere(record.indexes, request.where)) counter.add(record.indexes);
        }
        return { groups: counter.groups() };
      }),
    dispose: async () => {
      disposed = true;
    },
  }) as MemoryStorage;
  committedStates.set(storage, state);
  return storage;
}
