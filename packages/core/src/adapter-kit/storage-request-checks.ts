import type { IndexValue, PutRequest, QueryRequest } from '../contracts/storage-adapter.js';
import { checkJsonValue } from './json-value-check.js';
import { checkCount, checkNonEmptyText, isPlainObject, throwValidationIssue } from './validation-issue.js';

/**
 * True for a value an index field may hold: `null`, a string, a boolean or a finite number.
 *
 * @example
 * ```ts
 * isIndexValue('Hồng Lĩnh'); // true
 * isIndexValue(Number.NaN);  // false
 * isIndexValue({ in: [1] }); // false (a filter, not a value)
 * ```
 */
export function isIndexValue(value: unknown): value is IndexValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function checkIndexes(subject: string, indexes: unknown): void {
  if (!isPlainObject(indexes)) throwValidationIssue(subject, ['indexes'], 'must be an object of index fields');
  for (const [field, value] of Object.entries(indexes)) {
    if (field.length === 0) throwValidationIssue(subject, ['indexes', field], 'index field names must not be empty');
    if (!isIndexValue(value)) throwValidationIssue(subject, ['indexes', field], 'must be a string, a finite number, a boolean or null');
  }
}

/**
 * Checks the shape of a `put` request (subject `PutRequest`): non-empty `collection`, `tenantId`,
 * `id` and `updatedAt`, a whole `expectedVersion` ≥ 0, plain-JSON `data`, and `indexes` holding
 * only index values. It does not check the size of `data` against `maxRecordBytes`.
 *
 * @example
 * ```ts
 * async put(request) {
 *   checkPutRequest(request); // a ValidationError here, before anything is written
 *   …
 * }
 * ```
 */
export function checkPutRequest(request: PutRequest): void {
  const subject = 'PutRequest';
  if (!isPlainObject(request)) throwValidationIssue(subject, [], 'must be an object');
  checkNonEmptyText(subject, ['collection'], request.collection);
  checkNonEmptyText(subject, ['tenantId'], request.tenantId);
  checkNonEmptyText(subject, ['id'], request.id);
  checkNonEmptyText(subject, ['updatedAt'], request.updatedAt);
  checkCount(subject, ['expectedVersion'], request.expectedVersion);
  if (request.data === undefined) throwValidationIssue(subject, ['data'], 'is required');
  checkJsonValue(subject, ['data'], request.data);
  checkIndexes(subject, request.indexes);
}

/** @internal Checks an optional `where` of index filters (a `query` or `countBy` request). */
export function checkWhere(subject: string, where: unknown): void {
  if (where === undefined) return;
  if (!isPlainObject(where)) throwValidationIssue(subject, ['where'], 'must be an object of index filters');
  for (const [field, filter] of Object.entries(where)) {
    if (isIndexValue(filter)) continue;
    if (!isPlainObject(filter) || !Array.isArray(filter.in)) throwValidationIssue(subject, ['where', field], 'must be an index value or { in: [...] }');
    filter.in.forEach((v: unknown, i: number) => {
      if (!isIndexValue(v)) throwValidationIssue(subject, ['where', field, 'in', i], 'must be a string, a finite number, a boolean or null');
    });
  }
}

/**
 * Checks the shape of a `query` request (subject `QueryRequest`): names, `limit` 1–1000, `where`
 * filters (an index value or `{ in: [...] }`), `orderBy`. The cursor is only checked to be a
 * string or null; decode it with `decodeQueryCursor`.
 *
 * @example
 * ```ts
 * checkQueryRequest({ collection: 'visits', tenantId: '42', limit: 5000 });
 * // throws ValidationError at ['limit']: must be a whole number from 1 to 1000
 * ```
 */
export function checkQueryRequest(request: QueryRequest): void {
  const subject = 'QueryRequest';
  if (!isPlainObject(request)) throwValidationIssue(subject, [], 'must be an object');
  checkNonEmptyText(subject, ['collection'], request.collection);
  checkNonEmptyText(subject, ['tenantId'], request.tenantId);
  if (request.limit !== undefined && (!Number.isSafeInteger(request.limit) || request.limit < 1 || request.limit > 1000)) {
    throwValidationIssue(subject, ['limit'], 'must be a whole number from 1 to 1000');
  }
  if (request.cursor !== undefined && request.cursor !== null && typeof request.cursor !== 'string') {
    throwValidationIssue(subject, ['cursor'], 'must be a cursor string or null');
  }
  checkWhere(subject, request.where);
  if (request.orderBy !== undefined) {
    if (!isPlainObject(request.orderBy)) throwValidationIssue(subject, ['orderBy'], 'must be { field, direction? }');
    checkNonEmptyText(subject, ['orderBy', 'field'], request.orderBy.field);
    const direction = request.orderBy.direction;
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throwValidationIssue(subject, ['orderBy', 'direction'], "must be 'asc' or 'desc'");
  }
}
