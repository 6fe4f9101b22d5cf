import type { IndexValue, OutboxRecord, StorageOperations, StoredRecord } from '../contracts/storage-adapter.js';
import { EmbargoedError } from '../errors/embargoed-error.js';
import type { Actor } from '../policy/roles.js';
import { chainAuditRecord } from './audit-chain.js';
import type { GuardedStorage } from './guarded-storage.js';

/** One aggregate write of a command: the new data, its indexes, and the version it was read at. */
export interface AggregateWrite {
  collection: string;
  id: string;
  data: unknown;
  indexes: Record<string, IndexValue>;
  /** 0 to create. */
  expectedVersion: number;
}

/** A message to put in the outbox with the change (delivered after commit). */
export type OutboxDraft = Omit<OutboxRecord, 'tenantId' | 'createdAt' | 'status' | 'attempts' | 'providerMessageId' | 'lastError'>;

/** What one command commits. */
export interface CommitPlan {
  tenantId: string;
  actor: Actor;
  action: string;
  at: string;
  auditId: string;
  subject: { collection: string; id: string };
  /** Non-personal facts for the audit event (states, versions). */
  details: Record<string, unknown>;
  writes: AggregateWrite[];
  outbox?: OutboxDraft[];
  /** Extra writes done in the same transaction (e.g. document numbers); runs before the aggregate writes. */
  within?: (tx: StorageOperations) => Promise<void>;
  /**
   * Ids of visits that are still under embargo: a message to a target representative that
   * refers to one of them is refused (`EMBARGOED`) and nothing is committed.
   */
  embargoedVisitIds?: ReadonlySet<string>;
}

/**
 * Commits a command in ONE storage transaction: the aggregate writes (each with its expected
 * version — a stale one is `CONFLICT` and nothing is written), one hash-chained audit event,
 * and the outbox messages. Returns the stored records.
 */
export async function commitPlan(storage: GuardedStorage, plan: CommitPlan): Promise<StoredRecord[]> {
  for (const m of plan.outbox ?? []) {
    if (m.recipient.role === 'targetRepresentative' && m.refs.visitId !== undefined && plan.embargoedVisitIds?.has(m.refs.visitId)) {
      throw new EmbargoedError({ what: 'a message about an unannounced visit' });
    }
  }
  return storage.transaction(async (tx) => {
    if (plan.within) await plan.within(tx);
    const stored: StoredRecord[] = [];
    for (const w of plan.writes) {
      stored.push(
        await tx.put({
          collection: w.collection,
          tenantId: plan.tenantId,
          id: w.id,
          data: w.data,
          indexes: w.indexes,
          updatedAt: plan.at,
          expectedVersion: w.expectedVersion,
        }),
      );
    }
    const audit = await chainAuditRecord(await tx.lastAudit(plan.tenantId), {
      tenantId: plan.tenantId,
      id: plan.auditId,
      at: plan.at,
      actor: { role: plan.actor.role, id: plan.actor.id },
      action: plan.action,
      subject: plan.subject,
      details: { ...plan.details, versions: Object.fromEntries(stored.map((s) => [`${s.collection}/${s.id}`, s.version])) },
    });
    await tx.appendAudit(audit);
    if (plan.outbox && plan.outbox.length > 0) {
      await tx.enqueueOutbox(
        plan.outbox.map((m) => ({
          ...m,
          tenantId: plan.tenantId,
          createdAt: plan.at,
          status: 'pending' as const,
          attempts: 0,
          providerMessageId: null,
          lastError: null,
        })),
      );
    }
    return stored;
  });
}
