/**
 * `@pccovid-inspect/core/adapter-kit` — the checks, ordering, cursors and mutex the built-in
 * storage adapters share, published for anyone writing a `StorageAdapter` (a province's own
 * store). Using them gives the same errors, order and paging the conformance kit
 * (`@pccovid-inspect/testkit/storage`) expects.
 *
 * @example
 * ```ts
 * import { checkPutRequest, compareIndexValues } from '@pccovid-inspect/core/adapter-kit';
 * checkPutRequest(request); // throws VALIDATION_FAILED with the path of a bad field
 * ```
 *
 * @packageDocumentation
 */
export { throwValidationIssue, checkNonEmptyText } from './validation-issue.js';
export { checkJsonValue } from './json-value-check.js';
export { isIndexValue, checkPutRequest, checkQueryRequest } from './storage-request-checks.js';
export { checkCountByRequest, matchesIndexFilter, matchesWhere, compareGroupKeys, GroupCounter } from './grouped-counts.js';
export type { CountByRequest, CountByResult, CountGroup } from '../contracts/storage-adapter.js';
export { checkAuditRecord, checkReadOptions, checkOutboxRecord, checkOutboxUpdate } from './log-record-checks.js';
export { checkPortalStatisticsRow, checkSummaryRange } from './portal-statistics-checks.js';
export { indexValueRank, compareCodePoints, compareIndexValues } from './index-value-order.js';
export type { QueryCursorPosition } from './query-cursor.js';
export { encodeQueryCursor, decodeQueryCursor } from './query-cursor.js';
export { AsyncMutex } from './async-mutex.js';
export { STORAGE_CONTRACT_VERSION } from '../contracts/storage-adapter.js';
export { assertUsableStorage } from '../service/guarded-storage.js';
export { countByPaging } from '../service/grouped-counts.js';
export { GENESIS_HASH, hashAuditRecord, chainAuditRecord, verifyAuditChain } from '../service/audit-chain.js';
export type { AuditChainVerification, UnhashedAuditRecord } from '../service/audit-chain.js';
export { COLLECTIONS } from '../service/records.js';
export { validate } from '../entities/validate.js';
