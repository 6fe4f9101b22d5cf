import { ValidationError } from '@pccovid-inspect/core';
import type {
  AuditRecord,
  IndexValue,
  OutboxRecord,
  OutboxStatus,
  PortalStatisticsRow,
  PutRequest,
  QueryRequest,
} from '@pccovid-inspect/core';

type Path = (string | number)[];

const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed'];

/** @internal Throws a `ValidationError` with one issue. */
export function invalid(subject: string, path: Path, message: string): never {
  throw new ValidationError({ subject, issues: [{ path, code: 'custom', message }] });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** @internal Requires a non-empty string. */
export function checkText(subject: string, path: Path, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) invalid(subject, path, 'must be a non-empty string');
}

function count(subject: string, path: Path, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) invalid(subject, path, 'must be a whole number ≥ 0');
}

function positive(subject: string, path: Path, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1) invalid(subject, path, 'must be a whole number ≥ 1');
}

function nullableText(subject: string, path: Path, value: unknown): void {
  if (value !== null && typeof value !== 'string') invalid(subject, path, 'must be a string or null');
}

/**
 * @internal Checks that `value` survives a JSON round trip unchanged: null, booleans, finite
 * numbers, strings, dense arrays and plain objects, without cycles. Object properties holding
 * `undefined` are allowed (JSON leaves them out, as deep equality does).
 */
export function checkJson(subject: string, path: Path, value: unknown, ancestors: object[] = []): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) invalid(subject, path, 'numbers must be finite (NaN and Infinity are not JSON)');
      return;
    case 'object': {
      if (value === null) return;
      if (ancestors.includes(value)) invalid(subject, path, 'must not contain a cycle');
      ancestors.push(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) invalid(subject, [...path, i], 'arrays must not hold undefined or holes');
          checkJson(subject, [...path, i], value[i], ancestors);
        }
      } else if (isPlainObject(value)) {
        for (const key of Object.keys(value)) {
          if (value[key] !== undefined) checkJson(subject, [...path, key], value[key], ancestors);
        }
      } else {
        invalid(subject, path, `must be plain JSON; found a ${value.constructor?.name ?? 'non-plain object'}`);
      }
      ancestors.pop();
      return;
    }
    default:
      invalid(subject, path, `must be plain JSON; found a ${typeof value}`);
  }
}

/** @internal True for a value an index field may hold. */
export function isIndexValue(value: unknown): value is IndexValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function checkIndexes(subject: string, indexes: unknown): void {
  if (!isPlainObject(indexes)) invalid(subject, ['indexes'], 'must be an object of index fields');
  for (const [field, value] of Object.entries(indexes)) {
    if (field.length === 0) invalid(subject, ['indexes', field], 'index field names must not be empty');
    if (!isIndexValue(value)) invalid(subject, ['indexes', field], 'must be a string, a finite number, a boolean or null');
  }
}

/** @internal Validates a put request (not its size). */
export function checkPutRequest(request: PutRequest): void {
  const subject = 'PutRequest';
  if (!isPlainObject(request)) invalid(subject, [], 'must be an object');
  checkText(subject, ['collection'], request.collection);
  checkText(subject, ['tenantId'], request.tenantId);
  checkText(subject, ['id'], request.id);
  checkText(subject, ['updatedAt'], request.updatedAt);
  count(subject, ['expectedVersion'], request.expectedVersion);
  if (request.data === undefined) invalid(subject, ['data'], 'is required');
  checkJson(subject, ['data'], request.data);
  checkIndexes(subject, request.indexes);
}

/** @internal Validates a query request (the cursor is decoded separately). */
export function checkQueryRequest(request: QueryRequest): void {
  const subject = 'QueryRequest';
  if (!isPlainObject(request)) invalid(subject, [], 'must be an object');
  checkText(subject, ['collection'], request.collection);
  checkText(subject, ['tenantId'], request.tenantId);
  if (request.limit !== undefined && (!Number.isSafeInteger(request.limit) || request.limit < 1 || request.limit > 1000)) {
    invalid(subject, ['limit'], 'must be a whole number from 1 to 1000');
  }
  if (request.cursor !== undefined && request.cursor !== null && typeof request.cursor !== 'string') {
    invalid(subject, ['cursor'], 'must be a cursor string or null');
  }
  if (request.where !== undefined) {
    if (!isPlainObject(request.where)) invalid(subject, ['where'], 'must be an object of index filters');
    for (const [field, filter] of Object.entries(request.where)) {
      if (isIndexValue(filter)) continue;
      if (!isPlainObject(filter) || !Array.isArray(filter.in)) invalid(subject, ['where', field], 'must be an index value or { in: [...] }');
      filter.in.forEach((v: unknown, i: number) => {
        if (!isIndexValue(v)) invalid(subject, ['where', field, 'in', i], 'must be a string, a finite number, a boolean or null');
      });
    }
  }
  if (request.orderBy !== undefined) {
    if (!isPlainObject(request.orderBy)) invalid(subject, ['orderBy'], 'must be { field, direction? }');
    checkText(subject, ['orderBy', 'field'], request.orderBy.field);
    const direction = request.orderBy.direction;
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') invalid(subject, ['orderBy', 'direction'], "must be 'asc' or 'desc'");
  }
}

/** @internal Validates an audit record (its `seq` against the chain is checked by the caller). */
export function checkAuditRecord(record: AuditRecord): void {
  const subject = 'AuditRecord';
  if (!isPlainObject(record)) invalid(subject, [], 'must be an object');
  checkText(subject, ['tenantId'], record.tenantId);
  count(subject, ['seq'], record.seq);
  checkText(subject, ['id'], record.id);
  checkText(subject, ['at'], record.at);
  checkText(subject, ['action'], record.action);
  if (!isPlainObject(record.actor)) invalid(subject, ['actor'], 'must be { role, id }');
  checkText(subject, ['actor', 'role'], record.actor.role);
  checkText(subject, ['actor', 'id'], record.actor.id);
  if (!isPlainObject(record.subject)) invalid(subject, ['subject'], 'must be { collection, id }');
  checkText(subject, ['subject', 'collection'], record.subject.collection);
  checkText(subject, ['subject', 'id'], record.subject.id);
  if (!isPlainObject(record.details)) invalid(subject, ['details'], 'must be an object');
  checkJson(subject, ['details'], record.details);
  if (typeof record.prevHash !== 'string') invalid(subject, ['prevHash'], 'must be a string');
  checkText(subject, ['hash'], record.hash);
}

/** @internal Validates `{ afterSeq, limit }` of `readAudit` / `{ status, limit }` of `readOutbox`. */
export function checkReadOptions(subject: string, options: { afterSeq?: number; limit?: number; status?: OutboxStatus } | undefined): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) invalid(subject, [], 'options must be an object');
  if (options.afterSeq !== undefined) count(subject, ['afterSeq'], options.afterSeq);
  if (options.limit !== undefined) positive(subject, ['limit'], options.limit);
  if (options.status !== undefined && !OUTBOX_STATUSES.includes(options.status)) invalid(subject, ['status'], "must be 'pending', 'sent' or 'failed'");
}

/** @internal Validates one outbox message at `index` of a batch. */
export function checkOutboxRecord(record: OutboxRecord, index: number): void {
  const subject = 'OutboxRecord';
  if (!isPlainObject(record)) invalid(subject, [index], 'must be an object');
  for (const field of ['tenantId', 'id', 'createdAt', 'channel', 'topic'] as const) checkText(subject, [index, field], record[field]);
  for (const field of ['subject', 'body'] as const) {
    if (typeof record[field] !== 'string') invalid(subject, [index, field], 'must be a string');
  }
  if (!isPlainObject(record.recipient)) invalid(subject, [index, 'recipient'], 'must be { role, id, organizationId? }');
  checkText(subject, [index, 'recipient', 'role'], record.recipient.role);
  checkText(subject, [index, 'recipient', 'id'], record.recipient.id);
  if (record.recipient.organizationId !== undefined) checkText(subject, [index, 'recipient', 'organizationId'], record.recipient.organizationId);
  if (!isPlainObject(record.refs) || Object.values(record.refs).some((v) => typeof v !== 'string')) {
    invalid(subject, [index, 'refs'], 'must be an object of string ids');
  }
  nullableText(subject, [index, 'deliverAfter'], record.deliverAfter);
  checkOutboxUpdate(record, [index]);
}

/** @internal Validates the update of `markOutbox` (and the same fields of a message). */
export function checkOutboxUpdate(
  update: { status: OutboxStatus; attempts: number; providerMessageId?: string | null; lastError?: string | null },
  path: Path = [],
): void {
  const subject = path.length === 0 ? 'OutboxUpdate' : 'OutboxRecord';
  if (!isPlainObject(update)) invalid(subject, path, 'must be an object');
  if (!OUTBOX_STATUSES.includes(update.status)) invalid(subject, [...path, 'status'], "must be 'pending', 'sent' or 'failed'");
  count(subject, [...path, 'attempts'], update.attempts);
  if (update.providerMessageId !== undefined) nullableText(subject, [...path, 'providerMessageId'], update.providerMessageId);
  if (update.lastError !== undefined) nullableText(subject, [...path, 'lastError'], update.lastError);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `i` of `value`, or -1 when it is not an ASCII digit. */
function digitAt(value: string, i: number): number {
  const d = value.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** @internal True for a real civil date `YYYY-MM-DD` (cheap: no Date, no regex, no allocation). */
export function isCivilDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y0 = digitAt(value, 0);
  const y1 = digitAt(value, 1);
  const y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5);
  const m1 = digitAt(value, 6);
  const d0 = digitAt(value, 8);
  const d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** @internal Validates the portal-statistics row at `index` of a bulk insert. */
export function checkPortalRow(row: PortalStatisticsRow, index: number): void {
  const subject = 'PortalStatisticsRow';
  if (typeof row !== 'object' || row === null) invalid(subject, [index], 'must be an object');
  checkText(subject, [index, 'tenantId'], row.tenantId);
  checkText(subject, [index, 'targetId'], row.targetId);
  checkText(subject, [index, 'districtCode'], row.districtCode);
  if (!isCivilDate(row.date)) invalid(subject, [index, 'date'], 'must be a civil date YYYY-MM-DD');
  count(subject, [index, 'registeredPoints'], row.registeredPoints);
  count(subject, [index, 'scans'], row.scans);
  count(subject, [index, 'distinctVisitors'], row.distinctVisitors);
}

/** @internal Validates the range of `summarizePortalStatistics`. */
export function checkSummaryRange(tenantId: string, range: { from: string; to: string; targetIds?: string[] }): void {
  const subject = 'PortalStatisticsRange';
  checkText(subject, ['tenantId'], tenantId);
  if (!isPlainObject(range)) invalid(subject, [], 'must be { from, to, targetIds? }');
  if (!isCivilDate(range.from)) invalid(subject, ['from'], 'must be a civil date YYYY-MM-DD');
  if (!isCivilDate(range.to)) invalid(subject, ['to'], 'must be a civil date YYYY-MM-DD');
  if (range.targetIds !== undefined && (!Array.isArray(range.targetIds) || range.targetIds.some((t) => typeof t !== 'string'))) {
    invalid(subject, ['targetIds'], 'must be an array of target ids');
  }
}
