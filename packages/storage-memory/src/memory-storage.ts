import { AsyncMutex, GroupCounter, checkCountByRequest, matchesWhere } from '@pccovid-inspect/core/adapter-kit';
import { ConfigurationError, STORAGE_CONTRACT_VERSION, StorageError } from '@pccovid-inspect/core';
import type { StorageAdapter, StorageOperations } from '@pccovid-inspect/core';
import { createMemoryOperations } from './internal/memory-operations.js';
import { MemoryUnit, bucketOf, createCommittedState } from './internal/memory-state.js';
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

function endedError(operation: string): StorageError {
  return new StorageError({
    adapterName: 'memory',
    operation,
    detailEn: 'the transaction has already ended; use the `tx` handle only inside its callback',
  });
}

/**
 * Creates the reference in-memory `StorageAdapter`: versioned records, real transactional
 * rollback, the audit log, the outbox and portal statistics, all in this process's memory (gone
 * when it exits). It runs in Node, browsers and mobile runtimes (no Node built-ins). Use it in
 * tests and quick starts; use `@pccovid-inspect/storage-sqlite` to keep data.
 *
 * - Every value is deep-copied in and out (`structuredClone`), so callers cannot change stored
 *   state through objects they passed in or got back.
 * - Writes and transactions run one at a time (an async mutex). A transaction writes to a private
 *   copy-on-write overlay that is applied in one step when its callback resolves and dropped when
 *   it throws. Plain reads do not wait: they see committed state only.
 * - `countBy` counts committed records in place (no copies), grouped by index fields.
 * - Inside `transaction(fn)`, use the `tx` argument: a write through the adapter itself would wait
 *   for the transaction to end, which waits for the callback — a deadlock.
 *
 * Read what was committed with `inspectMemoryStorage(storage)`.
 *
 * @example
 * ```ts
 * import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
 *
 * const storage = createMemoryStorage();
 * await storage.transaction(async (tx) => {
 *   await tx.put({ collection: 'visits', tenantId: '42', id: 'v-1', data: { target: 'Chợ Hà Tĩnh' },
 *     indexes: { status: 'planned' }, updatedAt: '2021-12-06T01:30:00.000Z', expectedVersion: 0 });
 * });
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
  const mutex = new AsyncMutex();
  let disposed = false;
  const guard = (operation: string): void => {
    if (disposed) throw disposedError(operation);
  };

  /** Operations that only read committed state: no lock needed. */
  const reader = (): StorageOperations => createMemoryOperations(new MemoryUnit(state), { maxRecordBytes, guard });

  /** Runs `fn` as one locked unit of work, committed when it resolves. */
  const unitOfWork = <T>(operation: string, fn: (ops: StorageOperations) => Promise<T>): Promise<T> =>
    mutex.run(async () => {
      guard(operation);
      const unit = new MemoryUnit(state);
      let open = true;
      const ops = createMemoryOperations(unit, {
        maxRecordBytes,
        guard: (op) => {
          guard(op);
          if (!open) throw endedError(op);
        },
      });
      try {
        const result = await fn(ops);
        unit.commit();
        return result;
      } finally {
        open = false;
      }
    });

  const storage: MemoryStorage = {
    contractVersion: STORAGE_CONTRACT_VERSION,
    name: 'memory',
    capabilities: { transactions: true, multiProcess: false, durable: false, portalStatistics: true, maxRecordBytes, groupedCounts: true },
    get: (collection, tenantId, id) => reader().get(collection, tenantId, id),
    put: (request) => unitOfWork('put', (ops) => ops.put(request)),
    query: (request) => reader().query(request),
    appendAudit: (record) => unitOfWork('appendAudit', (ops) => ops.appendAudit(record)),
    readAudit: (tenantId, readOptions) => reader().readAudit(tenantId, readOptions),
    lastAudit: (tenantId) => reader().lastAudit(tenantId),
    enqueueOutbox: (records) => unitOfWork('enqueueOutbox', (ops) => ops.enqueueOutbox(records)),
    readOutbox: (tenantId, readOptions) => reader().readOutbox(tenantId, readOptions),
    markOutbox: (tenantId, id, update) => unitOfWork('markOutbox', (ops) => ops.markOutbox(tenantId, id, update)),
    transaction: (fn) => unitOfWork('transaction', fn),
    insertPortalStatistics: (rows) =>
      mutex.run(async () => {
        guard('insertPortalStatistics');
        return insertRows(state, rows);
      }),
    summarizePortalStatistics: async (tenantId, range) => {
      guard('summarizePortalStatistics');
      return summarizeRows(state, tenantId, range);
    },
    countBy: async (request) => {
      guard('countBy');
      checkCountByRequest(request);
      // Committed state only, read in place: no copy of any record is made.
      const counter = new GroupCounter(request.groupBy);
      for (const record of state.records.get(bucketOf(request.tenantId, request.collection))?.values() ?? []) {
        if (matchesWhere(record.indexes, request.where)) counter.add(record.indexes);
      }
      return { groups: counter.groups() };
    },
    dispose: async () => {
      if (disposed) return;
      await mutex.run(async () => {
        disposed = true;
      });
    },
  };
  committedStates.set(storage, state);
  return storage;
}
