import { z } from 'zod';
import { STORAGE_CONTRACT_VERSION } from '../contracts/storage-adapter.js';
import type { AuditRecord, CountByRequest, CountByResult, IndexValue, OutboxRecord, StorageAdapter, StorageOperations, StoredRecord } from '../contracts/storage-adapter.js';
import { checkCountByRequest, compareGroupKeys, matchesIndexFilter } from '../adapter-kit/grouped-counts.js';
import { isIndexValue } from '../adapter-kit/storage-request-checks.js';
import { countByPaging } from './grouped-counts.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { InspectError } from '../errors/inspect-error.js';
import { StorageError } from '../errors/storage-error.js';

const StoredRecordShape = z.object({
  collection: z.string(),
  tenantId: z.string(),
  id: z.string(),
  version: z.number().int().positive(),
  data: z.unknown(),
  indexes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  updatedAt: z.string(),
});
const AuditShape = z.object({ tenantId: z.string(), seq: z.number().int().positive(), hash: z.string(), prevHash: z.string() }).passthrough();
const OutboxShape = z.object({ tenantId: z.string(), id: z.string(), status: z.enum(['pending', 'sent', 'failed']) }).passthrough();

/**
 * Checks an adapter at start-up: contract version and required capabilities.
 * Throws `ConfigurationError` naming what is wrong.
 */
export function assertUsableStorage(storage: StorageAdapter): void {
  if (!storage || typeof storage !== 'object') {
    throw new ConfigurationError({ problemVi: 'thiếu bộ lưu trữ (storage)', problemEn: 'no storage adapter was given' });
  }
  // Widened, so that the comparison narrows neither `storage` nor the constant to `never`.
  const contractVersion: unknown = storage.contractVersion;
  if (contractVersion !== STORAGE_CONTRACT_VERSION) {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${storage.name}" dùng phiên bản hợp đồng ${String(contractVersion)}, cần ${STORAGE_CONTRACT_VERSION}`,
      problemEn: `storage "${storage.name}" implements contract version ${String(contractVersion)}, expected ${STORAGE_CONTRACT_VERSION}`,
    });
  }
  if (storage.capabilities?.transactions !== true) {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${storage.name}" không hỗ trợ giao dịch (transactions)`,
      problemEn: `storage "${storage.name}" does not declare transactions`,
    });
  }
  if (storage.capabilities.groupedCounts === true && typeof storage.countBy !== 'function') {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${storage.name}" khai báo groupedCounts nhưng không có hàm countBy`,
      problemEn: `storage "${storage.name}" declares capabilities.groupedCounts but has no countBy method`,
    });
  }
}

function wrapError(adapterName: string, operation: string, error: unknown): never {
  if (InspectError.isInstance(error)) throw error;
  throw new StorageError({ adapterName, operation, cause: error });
}

function checkShape<T>(adapterName: string, operation: string, schema: z.ZodType, value: T): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new StorageError({ adapterName, operation, detailEn: `malformed result: ${r.error.issues[0]?.message ?? ''}`, cause: r.error });
  return value;
}

/**
 * @internal Checks what an adapter's `countBy` returned: a `groups` array whose keys hold exactly
 * the `groupBy` fields with index values, counts that are whole numbers ≥ 1, keys that pass the
 * request's `where` where they can be compared, and keys strictly increasing in the promised
 * order (so sorted, and none repeated).
 */
export function checkCountByResult(adapterName: string, request: CountByRequest, result: CountByResult | undefined): CountByResult {
  const fail = (detailEn: string): never => {
    throw new StorageError({ adapterName, operation: 'countBy', detailEn: `malformed result: ${detailEn}` });
  };
  if (typeof result !== 'object' || result === null || !Array.isArray(result.groups)) return fail('no groups array');
  const filtered = Object.entries(request.where ?? {}).filter(([field]) => request.groupBy.includes(field));
  let previous: Record<string, IndexValue> | null = null;
  result.groups.forEach((group, i) => {
    if (typeof group !== 'object' || group === null || typeof group.key !== 'object' || group.key === null) fail(`groups[${i}] has no key`);
    if (!Number.isSafeInteger(group.count) || group.count < 1) fail(`groups[${i}].count must be a whole number ≥ 1`);
    const fields = Object.keys(group.key);
    if (fields.length !== request.groupBy.length || request.groupBy.some((f) => !Object.hasOwn(group.key, f) || !isIndexValue(group.key[f]))) {
      fail(`groups[${i}].key must hold an index value for exactly the groupBy fields`);
    }
    for (const [field, filter] of filtered) {
      if (!matchesIndexFilter(group.key[field], filter)) fail(`groups[${i}].key.${field} does not pass the where filter`);
    }
    if (previous !== null && compareGroupKeys(request.groupBy, previous, group.key) >= 0) fail(`groups[${i}] is repeated or out of order`);
    previous = group.key;
  });
  return result;
}

/** @internal Wraps operations: unknown errors become STORAGE_FAILED; results are checked. */
function guardOperations(adapterName: string, ops: StorageOperations): StorageOperations {
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      return wrapError(adapterName, operation, e);
    }
  };
  const checkRecord = (operation: string, rec: StoredRecord | null, collection: string, tenantId: string, id?: string) => {
    if (rec === null) return rec;
    checkShape(adapterName, operation, StoredRecordShape, rec);
    if (rec.collection !== collection || rec.tenantId !== tenantId || (id !== undefined && rec.id !== id)) {
      throw new StorageError({ adapterName, operation, detailEn: 'returned a record of another collection, tenant or id' });
    }
    return rec;
  };
  return {
    get: (collection, tenantId, id) => call('get', async () => checkRecord('get', await ops.get(collection, tenantId, id), collection, tenantId, id)) as never,
    put: (req) =>
      call('put', async () => {
        const rec = await ops.put(req);
        checkRecord('put', rec, req.collection, req.tenantId, req.id);
        if (rec.version !== req.expectedVersion + 1) {
          throw new StorageError({ adapterName, operation: 'put', detailEn: `version ${rec.version} after expected ${req.expectedVersion}` });
        }
        return rec;
      }),
    query: (req) =>
      call('query', async () => {
        const page = await ops.query(req);
        if (!page || !Array.isArray(page.items)) throw new StorageError({ adapterName, operation: 'query', detailEn: 'no items array' });
        for (const r of page.items) checkRecord('query', r, req.collection, req.tenantId);
        return page;
      }) as never,
    appendAudit: (rec: AuditRecord) => call('appendAudit', () => ops.appendAudit(rec)),
    readAudit: (tenantId, o) =>
      call('readAudit', async () => {
        const list = await ops.readAudit(tenantId, o);
        for (const a of list) checkShape(adapterName, 'readAudit', AuditShape, a);
        return list;
      }),
    lastAudit: (tenantId) =>
      call('lastAudit', async () => {
        const a = await ops.lastAudit(tenantId);
        return a === null ? null : checkShape(adapterName, 'lastAudit', AuditShape, a);
      }),
    enqueueOutbox: (recs: OutboxRecord[]) => call('enqueueOutbox', () => ops.enqueueOutbox(recs)),
    readOutbox: (tenantId, o) =>
      call('readOutbox', async () => {
        const list = await ops.readOutbox(tenantId, o);
        for (const m of list) checkShape(adapterName, 'readOutbox', OutboxShape, m);
        return list;
      }),
    markOutbox: (tenantId, id, u) => call('markOutbox', () => ops.markOutbox(tenantId, id, u)),
  };
}

/** The storage operations core uses, every call wrapped. */
export interface GuardedStorage extends StorageOperations {
  readonly adapter: StorageAdapter;
  /**
   * Grouped counts of committed records: the request is checked once here, then counted by the
   * adapter when it declares `capabilities.groupedCounts` (its result is checked), else by paging
   * through `query` (`countByPaging`).
   */
  countBy(request: CountByRequest): Promise<CountByResult>;
  transaction<T>(fn: (tx: StorageOperations) => Promise<T>): Promise<T>;
}

/**
 * Wraps an adapter so that core never sees a raw adapter error or an unchecked result: unknown
 * errors become `StorageError` (`STORAGE_FAILED`) naming the adapter and the operation, our own
 * typed errors (`CONFLICT`…) pass through, and returned records are checked.
 *
 * @example
 * ```ts
 * const storage = guardStorage(createMemoryStorage());
 * ```
 */
export function guardStorage(adapter: StorageAdapter): GuardedStorage {
  assertUsableStorage(adapter);
  const name = adapter.name;
  const direct = guardOperations(name, adapter);
  const nativeCountBy = adapter.capabilities.groupedCounts === true;
  return {
    ...direct,
    adapter,
    countBy: async (request) => {
      checkCountByRequest(request);
      if (!nativeCountBy) return countByPaging(direct, request);
      try {
        return checkCountByResult(name, request, await adapter.countBy?.(request));
      } catch (e) {
        return wrapError(name, 'countBy', e);
      }
    },
    transaction: async (fn) => {
      // An error thrown by `fn` (our own code, or an adapter call inside it, already wrapped)
      // passes through as it is; only a failure of the adapter's transaction itself (BEGIN,
      // COMMIT…) becomes STORAGE_FAILED.
      let thrownByCallback: unknown = undefined;
      try {
        return await adapter.transaction(async (tx) => {
          try {
            return await fn(guardOperations(name, tx));
          } catch (e) {
            thrownByCallback = e;
            throw e;
          }
        });
      } catch (e) {
        if (e !== undefined && e === thrownByCallback) throw e;
        return wrapError(name, 'transaction', e);
      }
    },
  };
}
