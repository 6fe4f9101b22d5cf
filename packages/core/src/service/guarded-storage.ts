import { STORAGE_CONTRACT_VERSION } from '../contracts/storage-adapter.js';
import type {
  CommitBatch,
  CountByRequest,
  CountByResult,
  IndexValue,
  PortalStatisticsRow,
  QueryPage,
  QueryRequest,
  StorageAdapter,
  StoredRecord,
} from '../contracts/storage-adapter.js';
import { checkCountByRequest, compareGroupKeys, matchesIndexFilter } from '../adapter-kit/grouped-counts.js';
import { checkPutRequest, checkQueryRequest, isIndexValue } from '../adapter-kit/storage-request-checks.js';
import { MAX_OUTBOX_READ, checkAuditRecord, checkOutboxRecord, checkOutboxUpdate, checkReadOptions } from '../adapter-kit/log-record-checks.js';
import { checkPortalStatisticsRow, checkSummaryRange } from '../adapter-kit/portal-statistics-checks.js';
import { checkNonEmptyText, throwValidationIssue } from '../adapter-kit/validation-issue.js';
import { countByPaging } from './grouped-counts.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { InspectError } from '../errors/inspect-error.js';
import { StorageError } from '../errors/storage-error.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/**
 * What is wrong with a record an adapter returned, or null. Hand-written (no zod): it runs on
 * every record of every page, so it must cost next to nothing.
 */
function storedRecordProblem(rec: unknown): string | null {
  if (!isObject(rec)) return 'a record is not an object';
  if (typeof rec.collection !== 'string' || typeof rec.tenantId !== 'string' || typeof rec.id !== 'string') return 'a record has no collection, tenantId or id';
  if (!isWhole(rec.version)) return `record ${String(rec.id)} has no whole version ≥ 1`;
  if (typeof rec.updatedAt !== 'string') return `record ${rec.id} has no updatedAt`;
  if (!('data' in rec)) return `record ${rec.id} has no data`;
  if (!isObject(rec.indexes)) return `record ${rec.id} has no indexes object`;
  for (const v of Object.values(rec.indexes)) if (!isIndexValue(v)) return `record ${rec.id} has an index value that is not a string, number, boolean or null`;
  return null;
}

function auditProblem(a: unknown): string | null {
  if (!isObject(a)) return 'an audit event is not an object';
  if (typeof a.tenantId !== 'string' || !isWhole(a.seq) || typeof a.hash !== 'string' || typeof a.prevHash !== 'string')
    return 'an audit event lacks tenantId, seq, hash or prevHash';
  return null;
}

const OUTBOX_STATUSES: ReadonlySet<unknown> = new Set(['pending', 'sending', 'sent', 'dead']);

function outboxProblem(m: unknown): string | null {
  if (!isObject(m)) return 'an outbox message is not an object';
  if (typeof m.tenantId !== 'string' || typeof m.id !== 'string' || !OUTBOX_STATUSES.has(m.status) || !isWhole(m.version))
    return 'an outbox message lacks tenantId, id, version or a known status';
  return null;
}

/** The operations every v2 adapter must have. */
const REQUIRED_OPERATIONS = ['get', 'query', 'commit', 'readAudit', 'lastAudit', 'readOutbox', 'dispose'] as const;

/**
 * Checks an adapter at start-up: contract version, required operations and capabilities.
 * Throws `ConfigurationError` (`CONFIGURATION_INVALID`) naming what is wrong; an adapter written
 * for contract v1 (interactive `transaction(fn)`, `put`, `appendAudit`) is named as such, with
 * what to change.
 */
export function assertUsableStorage(storage: StorageAdapter): void {
  if (!storage || typeof storage !== 'object') {
    throw new ConfigurationError({ problemVi: 'thiếu bộ lưu trữ (storage)', problemEn: 'no storage adapter was given' });
  }
  // Widened, so that the comparison narrows neither `storage` nor the constant to `never`.
  const contractVersion: unknown = storage.contractVersion;
  const loose = storage as unknown as Record<string, unknown>;
  if (contractVersion === 1 || (contractVersion === undefined && typeof loose.transaction === 'function' && typeof loose.commit !== 'function')) {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${storage.name}" viết theo hợp đồng lưu trữ phiên bản 1 (giao dịch tương tác transaction/put/appendAudit); thư viện này cần phiên bản ${STORAGE_CONTRACT_VERSION} (một lô ghi commit(batch))`,
      problemEn: `storage "${storage.name}" implements storage contract v1 (interactive transaction/put/appendAudit); this version of core needs contract v${STORAGE_CONTRACT_VERSION} (one commit(batch))`,
      hint: 'Replace put, appendAudit, enqueueOutbox, markOutbox and transaction with one commit(batch) that applies the puts, the audit event, the new outbox messages and the outbox updates atomically, set contractVersion: 2, and run @pccovid-inspect/testkit/storage (guide: "Writing a storage adapter", section "From contract v1 to v2").',
    });
  }
  if (contractVersion !== STORAGE_CONTRACT_VERSION) {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${storage.name}" dùng phiên bản hợp đồng ${String(contractVersion)}, cần ${STORAGE_CONTRACT_VERSION}`,
      problemEn: `storage "${storage.name}" implements contract version ${String(contractVersion)}, expected ${STORAGE_CONTRACT_VERSION}`,
    });
  }
  const missing = REQUIRED_OPERATIONS.filter((op) => typeof loose[op] !== 'function');
  if (missing.length > 0) {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${storage.name}" thiếu các hàm: ${missing.join(', ')}`,
      problemEn: `storage "${storage.name}" lacks the operations: ${missing.join(', ')}`,
    });
  }
  if (typeof storage.capabilities !== 'object' || storage.capabilities === null) {
    throw new ConfigurationError({ problemVi: `bộ lưu trữ "${storage.name}" không khai báo capabilities`, problemEn: `storage "${storage.name}" declares no capabilities` });
  }
  const max = storage.capabilities.maxRecordBytes;
  if (max !== null && (!Number.isSafeInteger(max) || max < 1)) {
    throw new ConfigurationError({
      problemVi: `bộ lưu trữ "${storage.name}": capabilities.maxRecordBytes phải là số nguyên dương hoặc null`,
      problemEn: `storage "${storage.name}": capabilities.maxRecordBytes must be a positive whole number or null`,
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

function checkShape<T>(adapterName: string, operation: string, problemOf: (value: unknown) => string | null, value: T): T {
  const problem = problemOf(value);
  if (problem !== null) throw new StorageError({ adapterName, operation, detailEn: `malformed result: ${problem}` });
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

const encoder = new TextEncoder();

/**
 * Checks a commit batch once, before it reaches the adapter (`VALIDATION_FAILED` with
 * the path): one tenant, each record at most once, well-formed puts within `maxRecordBytes`, a
 * well-formed audit event and outbox messages of that tenant, each message id once.
 *
 * @example
 * ```ts
 * checkCommitBatch({ tenantId: '42', puts: [put, put], audit, outbox: [], outboxUpdates: [] }, null);
 * // throws ValidationError at ['puts', 1]: writes visits/v-1 a second time
 * ```
 */
export function checkCommitBatch(batch: CommitBatch, maxRecordBytes: number | null): void {
  const subject = 'CommitBatch';
  if (typeof batch !== 'object' || batch === null) throwValidationIssue(subject, [], 'must be an object');
  checkNonEmptyText(subject, ['tenantId'], batch.tenantId);
  if (!Array.isArray(batch.puts)) throwValidationIssue(subject, ['puts'], 'must be an array of puts');
  if (!Array.isArray(batch.outbox)) throwValidationIssue(subject, ['outbox'], 'must be an array of messages');
  if (!Array.isArray(batch.outboxUpdates)) throwValidationIssue(subject, ['outboxUpdates'], 'must be an array of outbox updates');
  const keys = new Set<string>();
  batch.puts.forEach((put, i) => {
    checkPutRequest(put);
    if (put.tenantId !== batch.tenantId) throwValidationIssue(subject, ['puts', i, 'tenantId'], 'must be the batch tenant');
    const key = `${put.collection}\u0000${put.id}`;
    if (keys.has(key)) throwValidationIssue(subject, ['puts', i], `writes ${put.collection}/${put.id} a second time`);
    keys.add(key);
    if (maxRecordBytes !== null && encoder.encode(JSON.stringify(put.data)).length > maxRecordBytes) {
      throwValidationIssue(subject, ['puts', i, 'data'], `is larger than the adapter's maxRecordBytes (${maxRecordBytes})`);
    }
  });
  checkAuditRecord(batch.audit);
  if (batch.audit.tenantId !== batch.tenantId) throwValidationIssue(subject, ['audit', 'tenantId'], 'must be the batch tenant');
  if (batch.audit.seq < 1) throwValidationIssue(subject, ['audit', 'seq'], 'must be 1 or more');
  const ids = new Set<string>();
  batch.outbox.forEach((m, i) => {
    checkOutboxRecord(m, i);
    if (m.tenantId !== batch.tenantId) throwValidationIssue(subject, ['outbox', i, 'tenantId'], 'must be the batch tenant');
    if (ids.has(m.id)) throwValidationIssue(subject, ['outbox', i, 'id'], `message ${m.id} appears twice`);
    ids.add(m.id);
  });
  const updated = new Set<string>();
  batch.outboxUpdates.forEach((u, i) => {
    checkOutboxUpdate(u, i);
    if (updated.has(u.id)) throwValidationIssue(subject, ['outboxUpdates', i, 'id'], `message ${u.id} is updated twice`);
    updated.add(u.id);
  });
}

/** The storage operations core uses: every request checked once, every result checked, every unknown error wrapped. */
export interface GuardedStorage extends Pick<StorageAdapter, 'get' | 'query' | 'commit' | 'readAudit' | 'lastAudit' | 'readOutbox'> {
  readonly adapter: StorageAdapter;
  /**
   * Grouped counts of committed records: the request is checked once here, then counted by the
   * adapter when it declares `capabilities.groupedCounts` (its result is checked), else by paging
   * through `query` (`countByPaging`).
   */
  countBy(request: CountByRequest): Promise<CountByResult>;
  /** The portal-statistics bulk path, each row checked as the adapter reads it (`VALIDATION_FAILED` at the row); `CONFIGURATION_INVALID` when the adapter has none. */
  insertPortalStatistics: NonNullable<StorageAdapter['insertPortalStatistics']>;
  /** Per-target totals (the range checked first); `CONFIGURATION_INVALID` when the adapter has no portal statistics. */
  summarizePortalStatistics: NonNullable<StorageAdapter['summarizePortalStatistics']>;
}

/**
 * Wraps an adapter the way core uses it. Each request is checked once, here, so an adapter
 * implements only its backend's operations and may trust what it receives: a bad request is a
 * `ValidationError` (`VALIDATION_FAILED`, with the path) and never reaches the adapter. Unknown
 * adapter errors become `StorageError` (`STORAGE_FAILED`) naming the adapter and the operation;
 * our own typed errors (`CONFLICT`, `NOT_FOUND`…) pass through; returned records are checked.
 *
 * @example
 * ```ts
 * const storage = guardStorage(createMemoryStorage());
 * await storage.commit(batch); // checked, then committed atomically by the adapter
 * ```
 */
export function guardStorage(adapter: StorageAdapter): GuardedStorage {
  assertUsableStorage(adapter);
  const adapterName = adapter.name;
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      return wrapError(adapterName, operation, e);
    }
  };
  const checkRecord = (operation: string, rec: StoredRecord | null, collection: string, tenantId: string, id?: string) => {
    if (rec === null) return rec;
    checkShape(adapterName, operation, storedRecordProblem, rec);
    if (rec.collection !== collection || rec.tenantId !== tenantId || (id !== undefined && rec.id !== id)) {
      throw new StorageError({ adapterName, operation, detailEn: 'returned a record of another collection, tenant or id' });
    }
    return rec;
  };
  const maxRecordBytes = adapter.capabilities.maxRecordBytes;
  const nativeCountBy = adapter.capabilities.groupedCounts === true;
  const portal = (operation: string) => {
    if (adapter.capabilities.portalStatistics !== true || typeof adapter[operation as 'insertPortalStatistics'] !== 'function') {
      throw new ConfigurationError({
        problemVi: `bộ lưu trữ "${adapterName}" không hỗ trợ số liệu cổng (portalStatistics)`,
        problemEn: `storage "${adapterName}" does not implement portal statistics (${operation})`,
      });
    }
  };
  const query = async <T>(req: QueryRequest): Promise<QueryPage<T>> => {
    checkQueryRequest(req);
    return call('query', async () => {
      const page = await adapter.query<T>(req);
      if (!page || !Array.isArray(page.items)) throw new StorageError({ adapterName, operation: 'query', detailEn: 'no items array' });
      for (const r of page.items) checkRecord('query', r, req.collection, req.tenantId);
      return page;
    });
  };
  return {
    adapter,
    get: async <T>(collection: string, tenantId: string, id: string) => {
      checkNonEmptyText('RecordKey', ['collection'], collection);
      checkNonEmptyText('RecordKey', ['tenantId'], tenantId);
      checkNonEmptyText('RecordKey', ['id'], id);
      return call('get', async () => checkRecord('get', await adapter.get<T>(collection, tenantId, id), collection, tenantId, id) as StoredRecord<T> | null);
    },
    query,
    commit: async (batch) => {
      checkCommitBatch(batch, maxRecordBytes);
      return call('commit', async () => {
        const stored = await adapter.commit(batch);
        if (!Array.isArray(stored) || stored.length !== batch.puts.length) {
          throw new StorageError({ adapterName, operation: 'commit', detailEn: `returned ${Array.isArray(stored) ? stored.length : 'no'} records for ${batch.puts.length} puts` });
        }
        batch.puts.forEach((put, i) => {
          const rec = stored[i] ?? null;
          checkRecord('commit', rec, put.collection, put.tenantId, put.id);
          if (rec?.version !== put.expectedVersion + 1) {
            throw new StorageError({
              adapterName,
              operation: 'commit',
              detailEn: `version ${String(rec?.version)} after expected ${put.expectedVersion} for ${put.collection}/${put.id}`,
            });
          }
        });
        return stored;
      });
    },
    readAudit: async (tenantId, o) => {
      checkNonEmptyText('AuditReadOptions', ['tenantId'], tenantId);
      checkReadOptions('AuditReadOptions', o);
      return call('readAudit', async () => {
        const list = await adapter.readAudit(tenantId, o);
        if (!Array.isArray(list)) throw new StorageError({ adapterName, operation: 'readAudit', detailEn: 'no array' });
        for (const a of list) checkShape(adapterName, 'readAudit', auditProblem, a);
        return list;
      });
    },
    lastAudit: async (tenantId) => {
      checkNonEmptyText('AuditReadOptions', ['tenantId'], tenantId);
      return call('lastAudit', async () => {
        const a = await adapter.lastAudit(tenantId);
        return a === null ? null : checkShape(adapterName, 'lastAudit', auditProblem, a);
      });
    },
    readOutbox: async (tenantId, o) => {
      checkNonEmptyText('OutboxReadOptions', ['tenantId'], tenantId);
      checkReadOptions('OutboxReadOptions', o, MAX_OUTBOX_READ);
      return call('readOutbox', async () => {
        const list = await adapter.readOutbox(tenantId, o);
        if (!Array.isArray(list)) throw new StorageError({ adapterName, operation: 'readOutbox', detailEn: 'no array' });
        for (const m of list) checkShape(adapterName, 'readOutbox', outboxProblem, m);
        return list;
      });
    },
    countBy: async (request) => {
      checkCountByRequest(request);
      if (!nativeCountBy) return countByPaging({ query }, request);
      return call('countBy', async () => checkCountByResult(adapterName, request, await adapter.countBy?.(request)));
    },
    insertPortalStatistics: async (rows) => {
      portal('insertPortalStatistics');
      if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== 'function') {
        throwValidationIssue('PortalStatisticsRow', [], 'must be an iterable of rows');
      }
      // Checked as the adapter reads them, so a million-row generator still streams; a bad row
      // throws from inside the adapter's loop, and the adapter rolls the whole bulk back.
      function* checked(): Generator<PortalStatisticsRow> {
        let i = 0;
        for (const row of rows) {
          checkPortalStatisticsRow(row, i++);
          yield row;
        }
      }
      return call('insertPortalStatistics', async () => (await adapter.insertPortalStatistics?.(checked())) ?? { inserted: 0 });
    },
    summarizePortalStatistics: async (tenantId, range) => {
      portal('summarizePortalStatistics');
      checkSummaryRange(tenantId, range);
      return call('summarizePortalStatistics', async () => (await adapter.summarizePortalStatistics?.(tenantId, range)) ?? []);
    },
  };
}
