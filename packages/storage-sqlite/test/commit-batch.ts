import { chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, CommitBatch, OutboxRecord, OutboxUpdate, PutRequest, StorageAdapter, StoredRecord } from '@pccovid-inspect/core';

/** The instant every test write carries. */
export const AT = '2021-12-06T01:30:00.000Z';
/** The tenant of the tests. */
export const TENANT = '42';

/** A put of a visit (`collection: 'visits'`, tenant 42), with overrides. */
export function visitPut(id: string, expectedVersion = 0, overrides: Partial<PutRequest> = {}): PutRequest {
  return { collection: 'visits', tenantId: TENANT, id, data: { id }, indexes: { status: 'planned' }, updatedAt: AT, expectedVersion, ...overrides };
}

/** A pending outbox message of tenant 42, due at `AT`. */
export function outboxMessage(id: string, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    tenantId: TENANT,
    id,
    createdAt: AT,
    channel: 'email',
    recipient: { role: 'team-member', id: 'p-2' },
    topic: 'visit.scheduled',
    subject: 'Lịch kiểm tra',
    body: 'Đoàn kiểm tra đến ngày 07/12/2021.',
    refs: {},
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

/** Options of `buildBatch`. */
export interface BatchOptions {
  /** Default: the tenant of the first put, else 42. */
  tenantId?: string;
  outbox?: OutboxRecord[];
  outboxUpdates?: OutboxUpdate[];
  /** The actor id of the audit event (default `p-1`). */
  actorId?: string;
  /** The audit id (default `a-<seq>`). */
  auditId?: string;
  /** The event to chain after; default: the tenant's last event, read from `storage`. */
  previous?: AuditRecord | null;
  details?: Record<string, unknown>;
}

/**
 * A commit batch as core builds one: the puts, one audit event hash-chained after the tenant's
 * last event (`chainAuditRecord`, so its seq is last + 1) and the outbox messages.
 */
export async function buildBatch(storage: Pick<StorageAdapter, 'lastAudit'>, puts: PutRequest[], options: BatchOptions = {}): Promise<CommitBatch> {
  const tenantId = options.tenantId ?? puts[0]?.tenantId ?? TENANT;
  const previous = options.previous !== undefined ? options.previous : await storage.lastAudit(tenantId);
  const seq = (previous?.seq ?? 0) + 1;
  const audit = await chainAuditRecord(previous, {
    tenantId,
    id: options.auditId ?? `a-${seq}`,
    at: AT,
    actor: { role: 'teamLead', id: options.actorId ?? 'p-1' },
    action: 'test.commit',
    subject: { collection: puts[0]?.collection ?? 'visits', id: puts[0]?.id ?? '-' },
    details: { versions: Object.fromEntries(puts.map((p) => [`${p.collection}/${p.id}`, p.expectedVersion + 1])), ...options.details },
  });
  return { tenantId, puts, audit, outbox: options.outbox ?? [], outboxUpdates: options.outboxUpdates ?? [] };
}

/** Builds a batch of `puts` (see `buildBatch`) and commits it. */
export async function commitPuts(storage: Pick<StorageAdapter, 'lastAudit' | 'commit'>, puts: PutRequest[], options: BatchOptions = {}): Promise<StoredRecord[]> {
  return storage.commit(await buildBatch(storage, puts, options));
}

/** An outbox update of message `id` read at `expectedVersion`: by default marks it sent. */
export function outboxUpdate(id: string, expectedVersion: number, overrides: Partial<OutboxUpdate> = {}): OutboxUpdate {
  return { id, expectedVersion, status: 'sent', channel: 'email', attempts: 1, dueAt: null, leaseOwner: null, providerMessageId: `ses-${id}`, lastError: null, ...overrides };
}
