import { expect } from 'vitest';
import { InspectError } from '@pccovid-inspect/core';
import { AUDIT_CONFLICT_COLLECTION, OUTBOX_CONFLICT_COLLECTION, chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, CommitBatch, ErrorCode, IndexValue, OutboxRecord, OutboxUpdate, PutRequest, StorageAdapter, StoredRecord } from '@pccovid-inspect/core';

/** @internal Hà Tĩnh, the tenant most tests write to. */
export const TENANT = '42';
/** @internal Another province, for isolation tests. */
export const OTHER_TENANT = '40';
/** @internal A fixed instant, so fixtures are deterministic. */
export const AT = '2021-12-06T01:30:00.000Z';

/** @internal What the commit helpers need: the adapter itself, or core's `guardStorage(adapter)` in front of it. */
export type Committer = Pick<StorageAdapter, 'lastAudit' | 'commit'>;

/** @internal A create request (`expectedVersion: 0`) with sensible defaults. */
export function putRequest(overrides: Partial<PutRequest> = {}): PutRequest {
  return {
    collection: 'visits',
    tenantId: TENANT,
    id: 'v-1',
    data: { targetName: 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', answers: [] },
    indexes: { status: 'planned' },
    updatedAt: AT,
    expectedVersion: 0,
    ...overrides,
  };
}

/**
 * @internal An audit record with `seq` whose hashes are fake but well-formed (adapters store hashes,
 * they never check them). For batches that must be refused, or bulk logs; `commitRecords` chains real ones.
 */
export function auditRecord(tenantId: string, seq: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    tenantId,
    seq,
    id: `a-${tenantId}-${seq}`,
    at: AT,
    actor: { role: 'team-lead', id: 'p-7' },
    action: 'visit.start',
    subject: { collection: 'visits', id: 'v-1' },
    details: { from: 'planned', to: 'underway', version: seq },
    prevHash: seq === 1 ? '' : `h${seq - 1}`,
    hash: `h${seq}`,
    ...overrides,
  };
}

/** @internal A later instant: when a lease taken at `AT` runs out, or a retry is due. */
export const LATER = '2021-12-06T01:35:00.000Z';

/** @internal A pending outbox message, due at `AT`, version 1 (as core writes it). */
export function outboxRecord(tenantId: string, id: string, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    tenantId,
    id,
    createdAt: AT,
    channel: 'email',
    recipient: { role: 'team-member', id: 'p-3', organizationId: 'org-stttt' },
    topic: 'visit.scheduled',
    subject: 'Lịch kiểm tra đột xuất / Unannounced inspection schedule',
    body: 'Đoàn kiểm tra sẽ làm việc tại đơn vị vào ngày 07/12/2021.',
    refs: { campaignId: 'c-1', visitId: 'v-1' },
    deliverAfter: null,
    fallbackChannels: [],
    status: 'pending',
    version: 1,
    dueAt: AT,
    leaseOwner: null,
    attempts: 0,
    providerMessageId: null,
    lastError: null,
    ...overrides,
  };
}

/**
 * @internal An outbox update: by default a deliverer's claim of message `id` read at
 * `expectedVersion` (status `sending`, leased to `deliverer-1` until `LATER`, first attempt).
 */
export function outboxUpdate(id: string, expectedVersion: number, overrides: Partial<OutboxUpdate> = {}): OutboxUpdate {
  return {
    id,
    expectedVersion,
    status: 'sending',
    channel: 'email',
    attempts: 1,
    dueAt: LATER,
    leaseOwner: 'deliverer-1',
    providerMessageId: null,
    lastError: null,
    ...overrides,
  };
}

/** @internal The message as an adapter must store it after `update`: its fields set, the version bumped, the rest kept. */
export function updatedMessage(message: OutboxRecord, update: OutboxUpdate): OutboxRecord {
  const { id: _id, expectedVersion, ...state } = update;
  return { ...message, ...state, version: expectedVersion + 1 };
}

/**
 * @internal Whether two JSON values are equal, whatever the order of their object keys (a JSONB
 * column gives them back in its own order).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** @internal Options of `prepareBatch` / `commitRecords`. */
export interface BatchOptions {
  outbox?: OutboxRecord[];
  /** Delivery-state changes of existing messages. */
  outboxUpdates?: OutboxUpdate[];
  /** Fields of the audit event (its id defaults to `a-<tenant>-<seq>`). */
  audit?: Partial<Pick<AuditRecord, 'id' | 'action' | 'details' | 'mac' | 'actor' | 'subject'>>;
}

/**
 * @internal A valid batch, as core builds it: the puts, one audit event chained (real hashes,
 * `chainAuditRecord`) after the tenant's current `lastAudit`, and the outbox messages.
 */
export async function prepareBatch(storage: Committer, tenantId: string, puts: PutRequest[], options: BatchOptions = {}): Promise<CommitBatch> {
  const last = await storage.lastAudit(tenantId);
  const seq = (last?.seq ?? 0) + 1;
  const subject = puts[0] ? { collection: puts[0].collection, id: puts[0].id } : { collection: 'visits', id: 'none' };
  const { mac, ...fields } = options.audit ?? {};
  const audit = await chainAuditRecord(last, {
    tenantId,
    id: `a-${tenantId}-${seq}`,
    at: AT,
    actor: { role: 'team-lead', id: 'p-7' },
    action: 'conformance.commit',
    subject,
    details: { versions: Object.fromEntries(puts.map((p) => [`${p.collection}/${p.id}`, p.expectedVersion + 1])) },
    ...fields,
  });
  if (mac !== undefined) audit.mac = mac;
  return { tenantId, puts, audit, outbox: options.outbox ?? [], outboxUpdates: options.outboxUpdates ?? [] };
}

/**
 * @internal Commits `puts` (and `options.outbox`) as one valid batch chained after the tenant's
 * last audit event, exactly as core does; returns the stored records in the order of `puts`.
 */
export async function commitRecords(storage: Committer, tenantId: string, puts: PutRequest[], options: BatchOptions = {}): Promise<StoredRecord[]> {
  return storage.commit(await prepareBatch(storage, tenantId, puts, options));
}

/** @internal Commits one put in its own batch; returns the stored record. */
export async function commitPut(storage: Committer, request: PutRequest, options: BatchOptions = {}): Promise<StoredRecord> {
  const [stored] = await commitRecords(storage, request.tenantId, [request], options);
  return stored as StoredRecord;
}

/** @internal True for a `CONFLICT` error that names the audit sequence (`collection: 'audit'`). */
export function isAuditConflict(error: unknown): boolean {
  const e = error as { code?: unknown; collection?: unknown } | null;
  return e?.code === 'CONFLICT' && e.collection === AUDIT_CONFLICT_COLLECTION;
}

/** @internal True for a `CONFLICT` error that names outbox message `id` (`collection: 'outbox'`). */
export function isOutboxConflict(error: unknown, id?: string): boolean {
  const e = error as { code?: unknown; collection?: unknown; id?: unknown } | null;
  return e?.code === 'CONFLICT' && e.collection === OUTBOX_CONFLICT_COLLECTION && (id === undefined || e.id === id);
}

/** @internal True for a `CONFLICT` error. */
export function isConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'CONFLICT';
}

/** @internal Describes an error for a failure message: its code and text. */
export function describeError(error: unknown): string {
  const e = error as { code?: unknown; collection?: unknown; id?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : 'an error without a code';
  const named = e?.code === 'CONFLICT' ? ` naming ${String(e.collection)}/${String(e.id)}` : '';
  return `${code}${named} (${String(error)})`;
}

/**
 * @internal Commits `puts` the way core does when several commands of one province race: on a
 * `CONFLICT` for the audit sequence it re-reads the head, re-chains and tries again (a bounded
 * number of times); any other error is thrown. Returns the stored records.
 */
export async function commitRetryingAudit(storage: Committer, tenantId: string, puts: PutRequest[], options: BatchOptions = {}, attempts = 500): Promise<StoredRecord[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitRecords(storage, tenantId, puts, options);
    } catch (error) {
      if (!isAuditConflict(error) || attempt >= attempts) throw error;
      if (attempt % 8 === 0) await sleep(Math.random() * 4);
    }
  }
}

/**
 * @internal Runs `action`, expects it to reject (or throw) an error of this library with `code`,
 * and returns the error for further checks. `what` names the call in the failure message, e.g.
 * `the stale write (expectedVersion 1, stored 2)`.
 */
export async function expectRejection(action: () => Promise<unknown>, code: ErrorCode, what = 'the call'): Promise<InspectError> {
  let caught: unknown = undefined;
  let threw = false;
  try {
    await action();
  } catch (error) {
    threw = true;
    caught = error;
  }
  expect(threw, `expected ${what} to fail with ${code}, but it succeeded`).toBe(true);
  expect((caught as { code?: unknown } | null)?.code, `expected ${what} to fail with ${code}, but it failed with ${String(caught)}`).toBe(code);
  expect(InspectError.isInstance(caught), `expected ${what} to fail with an InspectError of @pccovid-inspect/core, but got ${String(caught)}`).toBe(true);
  return caught as InspectError;
}

/**
 * @internal Expects `action` to fail with `CONFLICT` naming `collection`/`id` (for the audit
 * sequence: `collection: 'audit'`, any id) and returns the error.
 */
export async function expectConflict(action: () => Promise<unknown>, what: string, names: { collection: string; id?: string }): Promise<InspectError> {
  const error = await expectRejection(action, 'CONFLICT', what);
  const named = error as unknown as { collection?: unknown; id?: unknown };
  const wanted = names.id === undefined ? `collection "${names.collection}"` : `${names.collection}/${names.id}`;
  expect(
    named.collection === names.collection && (names.id === undefined || named.id === names.id),
    `expected the CONFLICT of ${what} to name ${wanted}, but it named ${String(named.collection)}/${String(named.id)}`,
  ).toBe(true);
  return error;
}

/** @internal The id of seeded record `i`: `r-000`, `r-001`… */
export function seededId(i: number): string {
  return `r-${String(i).padStart(3, '0')}`;
}

/** @internal Creates `count` records `r-000`… in one commit, with indexes from `indexesOf`. */
export async function seedRecords(storage: Committer, count: number, indexesOf: (i: number) => Record<string, IndexValue>, base: Partial<PutRequest> = {}): Promise<void> {
  const puts = Array.from({ length: count }, (_, i) => putRequest({ ...base, id: seededId(i), data: { n: i }, indexes: indexesOf(i) }));
  await commitRecords(storage, base.tenantId ?? TENANT, puts);
}

/** @internal Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
