import type { ValidationIssue } from '../errors/validation-error.js';
import type { AuditRecord, OutboxRecord, OutboxStatus } from '../contracts/storage-adapter.js';
import { checkJsonValue } from './json-value-check.js';
import { checkCount, checkNonEmptyText, checkNullableText, checkPositiveCount, isPlainObject, throwValidationIssue } from './validation-issue.js';

const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed'];

/**
 * Checks the shape of an audit record (subject `AuditRecord`): names, a whole `seq` ≥ 0, `actor`,
 * `subject`, plain-JSON `details`, `prevHash` and `hash`. Core runs it on every batch before
 * `commit`; whether `seq` is the chain's last + 1 is the adapter's own check (a `ConflictError`
 * with `collection: 'audit'`).
 *
 * @example
 * ```ts
 * checkAuditRecord(batch.audit); // what core already did before calling commit(batch)
 * ```
 */
export function checkAuditRecord(record: AuditRecord): void {
  const subject = 'AuditRecord';
  if (!isPlainObject(record)) throwValidationIssue(subject, [], 'must be an object');
  checkNonEmptyText(subject, ['tenantId'], record.tenantId);
  checkCount(subject, ['seq'], record.seq);
  checkNonEmptyText(subject, ['id'], record.id);
  checkNonEmptyText(subject, ['at'], record.at);
  checkNonEmptyText(subject, ['action'], record.action);
  if (!isPlainObject(record.actor)) throwValidationIssue(subject, ['actor'], 'must be { role, id }');
  checkNonEmptyText(subject, ['actor', 'role'], record.actor.role);
  checkNonEmptyText(subject, ['actor', 'id'], record.actor.id);
  if (!isPlainObject(record.subject)) throwValidationIssue(subject, ['subject'], 'must be { collection, id }');
  checkNonEmptyText(subject, ['subject', 'collection'], record.subject.collection);
  checkNonEmptyText(subject, ['subject', 'id'], record.subject.id);
  if (!isPlainObject(record.details)) throwValidationIssue(subject, ['details'], 'must be an object');
  checkJsonValue(subject, ['details'], record.details);
  if (typeof record.prevHash !== 'string') throwValidationIssue(subject, ['prevHash'], 'must be a string');
  checkNonEmptyText(subject, ['hash'], record.hash);
}

/**
 * Checks the options of `readAudit` (`{ afterSeq, limit }`) or `readOutbox` (`{ status, limit }`):
 * `afterSeq` ≥ 0, `limit` ≥ 1, a known status. `undefined` options pass.
 *
 * @example
 * ```ts
 * checkReadOptions('readAudit', { afterSeq: -1 });
 * // throws ValidationError (subject 'readAudit') at ['afterSeq']
 * ```
 */
export function checkReadOptions(subject: string, options: { afterSeq?: number; limit?: number; status?: OutboxStatus } | undefined): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) throwValidationIssue(subject, [], 'options must be an object');
  if (options.afterSeq !== undefined) checkCount(subject, ['afterSeq'], options.afterSeq);
  if (options.limit !== undefined) checkPositiveCount(subject, ['limit'], options.limit);
  if (options.status !== undefined && !OUTBOX_STATUSES.includes(options.status)) {
    throwValidationIssue(subject, ['status'], "must be 'pending', 'sent' or 'failed'");
  }
}

/**
 * Checks one outbox message at `index` of an `enqueueOutbox` batch (subject `OutboxRecord`; every
 * issue path starts with `index`), so a bad message refuses the whole batch.
 *
 * @example
 * ```ts
 * if (!Array.isArray(records)) throwValidationIssue('OutboxRecord', [], 'must be an array of messages');
 * records.forEach(checkOutboxRecord);
 * ```
 */
export function checkOutboxRecord(record: OutboxRecord, index: number): void {
  const subject = 'OutboxRecord';
  if (!isPlainObject(record)) throwValidationIssue(subject, [index], 'must be an object');
  for (const field of ['tenantId', 'id', 'createdAt', 'channel', 'topic'] as const) checkNonEmptyText(subject, [index, field], record[field]);
  for (const field of ['subject', 'body'] as const) {
    if (typeof record[field] !== 'string') throwValidationIssue(subject, [index, field], 'must be a string');
  }
  if (!isPlainObject(record.recipient)) throwValidationIssue(subject, [index, 'recipient'], 'must be { role, id, organizationId? }');
  checkNonEmptyText(subject, [index, 'recipient', 'role'], record.recipient.role);
  checkNonEmptyText(subject, [index, 'recipient', 'id'], record.recipient.id);
  if (record.recipient.organizationId !== undefined) {
    checkNonEmptyText(subject, [index, 'recipient', 'organizationId'], record.recipient.organizationId);
  }
  if (!isPlainObject(record.refs) || Object.values(record.refs).some((v) => typeof v !== 'string')) {
    throwValidationIssue(subject, [index, 'refs'], 'must be an object of string ids');
  }
  checkNullableText(subject, [index, 'deliverAfter'], record.deliverAfter);
  checkOutboxUpdate(record, [index]);
}

/**
 * Checks the update of `markOutbox` (subject `OutboxUpdate`): a known `status`, whole `attempts`
 * ≥ 0, and `providerMessageId` / `lastError` as a string or null when given. With a `path`, checks
 * the same fields of a message instead (subject `OutboxRecord`, issue paths under `path`).
 *
 * @example
 * ```ts
 * checkOutboxUpdate({ status: 'sent', attempts: 1, providerMessageId: 'zalo-77' }); // passes
 * checkOutboxUpdate({ status: 'lost', attempts: 1 } as never); // throws at ['status']
 * ```
 */
export function checkOutboxUpdate(
  update: { status: OutboxStatus; attempts: number; providerMessageId?: string | null; lastError?: string | null },
  path: ValidationIssue['path'] = [],
): void {
  const subject = path.length === 0 ? 'OutboxUpdate' : 'OutboxRecord';
  if (!isPlainObject(update)) throwValidationIssue(subject, path, 'must be an object');
  if (!OUTBOX_STATUSES.includes(update.status)) throwValidationIssue(subject, [...path, 'status'], "must be 'pending', 'sent' or 'failed'");
  checkCount(subject, [...path, 'attempts'], update.attempts);
  if (update.providerMessageId !== undefined) checkNullableText(subject, [...path, 'providerMessageId'], update.providerMessageId);
  if (update.lastError !== undefined) checkNullableText(subject, [...path, 'lastError'], update.lastError);
}
