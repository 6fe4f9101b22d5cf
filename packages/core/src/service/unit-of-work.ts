import type { IndexValue, OutboxRecord, StorageOperations, StoredRecord } from '../contracts/storage-adapter.js';
import { EmbargoedError } from '../errors/embargoed-error.js';
import { isEmbargoed } from '../policy/visibility.js';
import { COLLECTIONS, VisitRecordSchema, visitVisibilityFacts } from './records.js';
import type { Actor } from '../policy/roles.js';
import { chainAuditRecord } from './audit-chain.js';
import type { AuditSigner } from './audit-key.js';
import type { GuardedStorage } from './guarded-storage.js';
import { canonicalJson } from '../internal/canonical-json.js';
import { sha256Hex } from '../internal/sha256.js';

/** @internal SHA-256 (hex) of a record's canonical JSON data: what an audit event's `details.digests` hold. */
export function recordDigest(data: unknown): Promise<string> {
  return sha256Hex(canonicalJson(data));
}

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
  /**
   * Extra work in the same transaction (e.g. taking document numbers). It runs BEFORE the
   * aggregate writes, so it may still fill in the data being written and the outbox.
   */
  within?: (tx: StorageOperations) => Promise<void>;
}

/**
 * The embargo, enforced where every message is written: a message to a target's
 * representative that refers to a visit of an unannounced campaign that has not started is
 * refused with `EMBARGOED`, and the whole command rolls back. Read inside the transaction, so a
 * visit started by the same command counts as started. A visit that cannot be read as a visit
 * record counts as embargoed (fail closed).
 */
async function assertNotEmbargoed(tx: StorageOperations, tenantId: string, messages: readonly OutboxDraft[]): Promise<void> {
  for (const m of messages) {
    if (m.recipient.role !== 'targetRepresentative' || m.refs.visitId === undefined) continue;
    const parsed = VisitRecordSchema.safeParse((await tx.get(COLLECTIONS.visits, tenantId, m.refs.visitId))?.data);
    if (!parsed.success || isEmbargoed(visitVisibilityFacts(parsed.data))) {
      throw new EmbargoedError({ what: 'a message about an unannounced visit' });
    }
  }
}

/**
 * Commits a command in ONE storage transaction: the aggregate writes (each with its expected
 * version — a stale one is `CONFLICT` and nothing is written), one hash-chained audit event,
 * and the outbox messages. Returns the stored records.
 *
 * The audit event names every record the transaction wrote, `within` included (document
 * counters and numbers): `details.versions` (`collection/id` → new version) and
 * `details.digests` (`collection/id` → SHA-256 of the written data's canonical JSON). With an
 * audit signer, the event carries `mac`, the HMAC of its hash.
 */
export async function commitPlan(storage: GuardedStorage, plan: CommitPlan, signer: AuditSigner | null = null): Promise<StoredRecord[]> {
  return storage.transaction(async (outer) => {
    const written: StoredRecord[] = [];
    const tx: StorageOperations = {
      ...outer,
      put: async (request) => {
        const rec = await outer.put(request);
        written.push(rec);
        return rec;
      },
    };
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
      details: {
        ...plan.details,
        versions: Object.fromEntries(written.map((s) => [`${s.collection}/${s.id}`, s.version])),
        digests: Object.fromEntries(await Promise.all(written.map(async (s) => [`${s.collection}/${s.id}`, await recordDigest(s.data)] as const))),
      },
    });
    if (signer) audit.mac = await signer.sign(audit.hash);
    await tx.appendAudit(audit);
    if (plan.outbox && plan.outbox.length > 0) {
      await assertNotEmbargoed(tx, plan.tenantId, plan.outbox);
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
