/**
 * `@pccovid-inspect/core/adapter-kit` — for anyone writing a `StorageAdapter` (a province's own
 * store): `defineStorageAdapter` turns a backend's operations into an adapter of contract v2;
 * the ordering, cursor, grouping and mutex helpers give the order and paging the conformance kit
 * (`@pccovid-inspect/testkit/storage`) expects. Core checks every request before it reaches an
 * adapter (`guardStorage`); the `check…` functions are what it runs, published so a backend can
 * reuse them for its own inputs, not so each adapter re-checks core's requests.
 *
 * @example
 * ```ts
 * import { defineStorageAdapter, compareIndexValues } from '@pccovid-inspect/core/adapter-kit';
 * const adapter = defineStorageAdapter({ name: 'my-store', get, query, commit, readAudit, lastAudit, readOutbox });
 * ```
 *
 * @packageDocumentation
 */
export { defineStorageAdapter } from './define-storage-adapter.js';
export type { StorageBackend } from './define-storage-adapter.js';
export { throwValidationIssue, checkNonEmptyText } from './validation-issue.js';
export { checkJsonValue } from './json-value-check.js';
export { isIndexValue, checkPutRequest, checkQueryRequest } from './storage-request-checks.js';
export { checkCountByRequest, matchesIndexFilter, matchesWhere, compareGroupKeys, GroupCounter } from './grouped-counts.js';
export type { CountByRequest, CountByResult, CountGroup } from '../contracts/storage-adapter.js';
export { checkAuditRecord, checkReadOptions, checkOutboxRecord, checkOutboxUpdate, MAX_OUTBOX_READ } from './log-record-checks.js';
export { checkPortalStatisticsRow, checkSummaryRange } from './portal-statistics-checks.js';
export { indexValueRank, compareCodePoints, compareIndexValues } from './index-value-order.js';
export type { QueryCursorPosition } from './query-cursor.js';
export { encodeQueryCursor, decodeQueryCursor } from './query-cursor.js';
export { AsyncMutex } from './async-mutex.js';
export { STORAGE_CONTRACT_VERSION, AUDIT_CONFLICT_COLLECTION, OUTBOX_CONFLICT_COLLECTION } from '../contracts/storage-adapter.js';
export type { CommitBatch } from '../contracts/storage-adapter.js';
export { assertUsableStorage, guardStorage, checkCommitBatch } from '../service/guarded-storage.js';
export type { GuardedStorage } from '../service/guarded-storage.js';
export { countByPaging } from '../service/grouped-counts.js';
export { GENESIS_HASH, hashAuditRecord, chainAuditRecord, verifyAuditChain } from '../service/audit-chain.js';
export type { AuditChainVerification, UnhashedAuditRecord } from '../service/audit-chain.js';
export { COLLECTIONS } from '../service/records.js';
export { validate } from '../entities/validate.js';
