import type { ValidationIssue } from '../errors/validation-error.js';
import type { AuditRecord, OutboxRecord, OutboxStatus, OutboxUpdate, ReadOutboxOptions } from '../contracts/storage-adapter.js';
import { checkJsonValue } from './json-value-check.js';
import { checkCount, checkNonEmptyText, checkNullableText, checkPositiveCount, isPlainObject, throwValidationIssue } from './validation-issue.js';

const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'dead'];
const STATUS_HINT = "must be 'pending', 'sending', 'sent' or 'dead'";
/** Most messages one `readOutbox` returns. */
export const MAX_OUTBOX_READ = 10_000;

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
 * Checks the options of `readAudit` (`{ afterSeq, limit }`) or `readOutbox` (`{ status, dueBy,
 * limit }`): `afterSeq` ≥ 0, `limit` from 1 (to `maxLimit` when given: `MAX_OUTBOX_READ` for the
 * outbox), a known status, `dueBy` a non-empty string. `undefined` options pass.
 *
 * @example
 * ```ts
 * checkReadOptions('readAudit', { afterSeq: -1 });
 * // throws ValidationError (subject 'readAudit') at ['afterSeq']
 * ```
 */
export function checkReadOptions(subject: string, given: ({ afterSeq?: number } & ReadOutboxOptions) | undefined, maxLimit?: number): void {
  if (given === undefined) return;
  if (!isPlainObject(given)) throwValidationIssue(subject, [], 'options must be an object');
  const options: { afterSeq?: number } & ReadOutboxOptions = given;
  if (options.afterSeq !== undefined) checkCount(subject, ['afterSeq'], options.afterSeq);
  if (options.limit !== undefined) checkPositiveCount(subject, ['limit'], options.limit);
  if (maxLimit !== undefined && options.limit !== undefined && options.limit > maxLimit) throwValidationIssue(subject, ['limit'], `must be at most ${maxLimit}`);
  if (options.status !== undefined && !OUTBOX_STATUSES.includes(options.status)) throwValidationIssue(subject, ['status'], STATUS_HINT);
  if (options.dueBy !== undefined) checkNonEmptyText(subject, ['dueBy'], options.dueBy);
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
  if (!Array.isArray(record.fallbackChannels) || record.fallbackChannels.some((c) => typeof c !== 'string' || c.length === 0)) {
    throwValidationIssue(subject, [index, 'fallbackChannels'], 'must be an array of channel names');
  }
  checkPositiveCount(subject, [index, 'version'], record.version);
  checkDeliveryState(subject, [index], record);
}

/**
 * Checks one `OutboxUpdate` of a commit batch at `index` (subject `OutboxUpdate`): an `id`, a
 * whole `expectedVersion` ≥ 1, and the delivery state — a known `status`, a `channel`, whole
 * `attempts` ≥ 0, `dueAt` / `leaseOwner` / `providerMessageId` / `lastError` as a string or null,
 * a lease owner exactly while `sending`, and `dueAt` set while `pending` or `sending`.
 *
 * @example
 * ```ts
 * checkOutboxUpdate({ id: 'm-1', expectedVersion: 1, status: 'sent', channel: 'email', attempts: 1, dueAt: null,
 *   leaseOwner: null, providerMessageId: 'smtp-77', lastError: null }, 0); // passes
 * ```
 */
export function checkOutboxUpdate(update: OutboxUpdate, index: number): void {
  const subject = 'OutboxUpdate';
  if (!isPlainObject(update)) throwValidationIssue(subject, [index], 'must be an object');
  checkNonEmptyText(subject, [index, 'id'], update.id);
  checkPositiveCount(subject, [index, 'expectedVersion'], update.expectedVersion);
  checkDeliveryState(subject, [index], update);
}

function checkDeliveryState(subject: string, path: ValidationIssue['path'], state: Omit<OutboxUpdate, 'id' | 'expectedVersion'>): void {
  if (!OUTBOX_STATUSES.includes(state.status)) throwValidationIssue(subject, [...path, 'status'], STATUS_HINT);
  checkNonEmptyText(subject, [...path, 'channel'], state.channel);
  checkCount(subject, [...path, 'attempts'], state.attempts);
  for (const field of ['dueAt', 'leaseOwner', 'providerMessageId', 'lastError'] as const) checkNullableText(subject, [...path, field], state[field]);
  if ((state.status === 'sending') !== (state.leaseOwner !== null)) {
    throwValidationIssue(subject, [...path, 'leaseOwner'], "a lease owner is set exactly while 'sending'");
  }
  if ((state.status === 'pending' || state.status === 'sending') !== (state.dueAt !== null)) {
    throwValidationIssue(subject, [...path, 'dueAt'], "is set exactly while 'pending' or 'sending'");
  }
}
