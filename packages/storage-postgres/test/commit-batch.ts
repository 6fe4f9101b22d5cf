import { chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, CommitBatch, PutRequest, StorageAdapter, StoredRecord } from '@pccovid-inspect/core';

/** The instant every test write carries. */
export const AT = '2021-12-06T01:30:00.000Z';

/** A put of a visit of `tenantId`, with overrides. */
export function visitPut(tenantId: string, id: string, expectedVersion = 0, overrides: Partial<PutRequest> = {}): PutRequest {
  return { collection: 'visits', tenantId, id, data: { id }, indexes: { state: 'planned' }, updatedAt: AT, expectedVersion, ...overrides };
}

/** A commit batch as core builds one: the puts and one audit event chained after `previous` (default: the tenant's last event). */
export async function buildBatch(storage: Pick<StorageAdapter, 'lastAudit'>, tenantId: string, puts: PutRequest[], previous?: AuditRecord | null): Promise<CommitBatch> {
  const last = previous !== undefined ? previous : await storage.lastAudit(tenantId);
  const seq = (last?.seq ?? 0) + 1;
  const audit = await chainAuditRecord(last, {
    tenantId,
    id: `a-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    at: AT,
    actor: { role: 'teamLead', id: 'p-1' },
    action: 'test.commit',
    subject: { collection: puts[0]?.collection ?? 'visits', id: puts[0]?.id ?? '-' },
    details: { versions: Object.fromEntries(puts.map((p) => [`${p.collection}/${p.id}`, p.expectedVersion + 1])) },
  });
  return { tenantId, puts, audit, outbox: [], outboxUpdates: [] };
}

/** Builds a batch of `puts` and commits it. */
export async function commitPuts(storage: Pick<StorageAdapter, 'lastAudit' | 'commit'>, tenantId: string, puts: PutRequest[]): Promise<StoredRecord[]> {
  return storage.commit(await buildBatch(storage, tenantId, puts));
}
