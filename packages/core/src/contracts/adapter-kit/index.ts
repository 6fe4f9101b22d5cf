/**
 * The adapter kit: the checks, ordering, cursors and mutex the built-in storage adapters share,
 * published for anyone writing a `StorageAdapter` (a province's own store). Using them gives the
 * same errors, order and paging the conformance kit (`@pccovid-inspect/testkit/storage`) expects.
 */
export { throwValidationIssue, checkNonEmptyText } from './validation-issue.js';
export { checkJsonValue } from './json-value-check.js';
export { isIndexValue, checkPutRequest, checkQueryRequest } from './storage-request-checks.js';
export { checkAuditRecord, checkReadOptions, checkOutboxRecord, checkOutboxUpdate } from './log-record-checks.js';
export { checkPortalStatisticsRow, checkSummaryRange } from './portal-statistics-checks.js';
export { indexValueRank, compareCodePoints, compareIndexValues } from './index-value-order.js';
export type { QueryCursorPosition } from './query-cursor.js';
export { encodeQueryCursor, decodeQueryCursor } from './query-cursor.js';
export { AsyncMutex } from './async-mutex.js';
