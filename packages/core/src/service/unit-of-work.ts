import { AUDIT_CONFLICT_COLLECTION } from '../contracts/storage-adapter.js';
import type { IndexValue, OutboxRecord, OutboxUpdate, PutRequest, StoredRecord } from '../contracts/storage-adapter.js';
import { ConflictError } from '../errors/conflict-error.js';
import { EmbargoedError } from '../errors/embargoed-error.js';
import { COUNTERS_COLLECTION, DOCUMENT_NUMBERS_COLLECTION } from './document-numbering.js';
import { isEmbargoed } from '../policy/visibility.js';
import { COLLECTIONS, VisitRecordSchema, visitVisibilityFacts } from './records.js';
import type { Actor } from '../policy/roles.js';
import { chainAuditRecord } from './audit-chain.js';
import { messageRoute } from './message-channels.js';
import type { AuditSigner } from './audit-key.js';
import type { GuardedStorage } from './guarded-storage.js';
import { canonicalJson } from '../internal/canonical-json.js';
import { sha256HexSync } from '../internal/sha256.js';

/** @internal SHA-256 (hex) of a record's canonical JSON data: what an audit event's `details.digests` hold. */
export function recordDigest(data: unknown): string {
  return sha256HexSync(canonicalJson(data));
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

/**
 * A message to put in the outbox with the change (delivered after commit). Without a `channel`,
 * it is routed by its recipient's preferences (`messageRoute`: e-mail, an official document, or
 * the manual call sheet, always ending with `manual`).
 */
export type OutboxDraft = Omit<
  OutboxRecord,
  'tenantId' | 'createdAt' | 'status' | 'version' | 'dueAt' | 'leaseOwner' | 'attempts' | 'providerMessageId' | 'lastError' | 'fallbackChannels' | 'channel'
> & {
  channel?: string;
  fallbackChannels?: string[];
};

/**
 * The writes a command stages before its batch is committed: `get` reads committed state (or what
 * this command staged), `put` stages a write and returns the record as it will be stored. Nothing
 * reaches storage until the whole batch is committed.
 */
export interface StagedWrites {
  get<T = unknown>(collection: string, tenantId: string, id: string): Promise<StoredRecord<T> | null>;
  put<T = unknown>(request: PutRequest<T>): Promise<StoredRecord<T>>;
}

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
  /** Delivery-state changes of outbox messages, committed with the rest (a stale one is `CONFLICT` on collection `outbox`). */
  outboxUpdates?: OutboxUpdate[];
  /**
   * Extra writes staged in the same batch (e.g. taking document numbers). It runs BEFORE the
   * aggregate writes are staged, so it may still fill in the data being written and the outbox.
   * It may run more than once (when another command took the same document number first), so it
   * must set, never accumulate.
   */
  within?: (tx: StagedWrites) => Promise<void>;
}

/** How many times a commit is re-prepared when it lost the audit sequence or a document number to a concurrent command. */
const MAX_COMMIT_ATTEMPTS = 24;

/** Collections whose records are core's own series (not aggregates a caller read): losing one of them to a concurrent command is retried, never a `CONFLICT`. */
const SERIES_COLLECTIONS: ReadonlySet<string> = new Set([AUDIT_CONFLICT_COLLECTION, COUNTERS_COLLECTION, DOCUMENT_NUMBERS_COLLECTION]);

/** A short random pause that grows with the attempt (full jitter), so that contenders spread out. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(2 ** attempt, 64);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The embargo, enforced where every message is written: a message to a target's
 * representative that refers to a visit of an unannounced campaign that has not started is
 * refused with `EMBARGOED`, and the whole command writes nothing. The visit is read as this
 * command will leave it, so a visit started by the same command counts as started. A visit that
 * cannot be read as a visit record counts as embargoed (fail closed).
 */
async function assertNotEmbargoed(staged: StagedWrites, tenantId: string, messages: readonly OutboxDraft[]): Promise<void> {
  for (const m of messages) {
    if (m.recipient.role !== 'targetRepresentative' || m.refs.visitId === undefined) continue;
    const parsed = VisitRecordSchema.safeParse((await staged.get(COLLECTIONS.visits, tenantId, m.refs.visitId))?.data);
    if (!parsed.success || isEmbargoed(visitVisibilityFacts(parsed.data))) {
      throw new EmbargoedError({ what: 'a message about an unannounced visit' });
    }
  }
}

/** Stages puts over committed state: one put per record in the batch, at the version first read. */
class Stage implements StagedWrites {
  readonly puts = new Map<string, PutRequest>();
  constructor(private readonly storage: GuardedStorage) {}

  async get<T>(collection: string, tenantId: string, id: string): Promise<StoredRecord<T> | null> {
    const staged = this.puts.get(`${collection}\u0000${id}`);
    if (staged) return { ...staged, version: staged.expectedVersion + 1 } as StoredRecord<T>;
    return this.storage.get<T>(collection, tenantId, id);
  }

  async put<T>(request: PutRequest<T>): Promise<StoredRecord<T>> {
    const key = `${request.collection}\u0000${request.id}`;
    const staged = this.puts.get(key);
    // A record staged twice (a counter numbering several documents) is written once, at the version first read.
    const expectedVersion = staged ? staged.expectedVersion : request.expectedVersion;
    if (staged && request.expectedVersion !== staged.expectedVersion + 1) {
      throw new ConflictError({ collection: request.collection, id: request.id, expectedVersion: request.expectedVersion, actualVersion: staged.expectedVersion + 1 });
    }
    if (staged) this.puts.delete(key); // re-insert: the batch order follows the last write
    const put: PutRequest = { ...request, expectedVersion };
    this.puts.set(key, put);
    return { ...put, version: expectedVersion + 1 } as StoredRecord<T>;
  }
}

/**
 * After a commit lost the audit sequence or a document number: if one of the command's own
 * aggregates changed meanwhile, that is the caller's `CONFLICT` (reload and retry), not ours.
 */
async function assertAggregatesCurrent(storage: GuardedStorage, puts: readonly PutRequest[]): Promise<void> {
  for (const put of puts) {
    if (SERIES_COLLECTIONS.has(put.collection)) continue;
    const current = await storage.get(put.collection, put.tenantId, put.id);
    const actual = current?.version ?? 0;
    if (actual !== put.expectedVersion)
      throw new ConflictError({ collection: put.collection, id: put.id, expectedVersion: put.expectedVersion, actualVersion: current?.version ?? null });
  }
}

/**
 * Commits a command as ONE batch: everything is read first (the aggregates by the command, the
 * document counters and the audit head here), validated and hashed, and then the adapter
 * applies the batch atomically — the aggregate writes (each with its expected version — a stale
 * one is `CONFLICT` and nothing is written), one hash-chained audit event, and the outbox
 * messages. Returns the stored records of `plan.writes`.
 *
 * Two concurrent commands of one province contend for the audit sequence (and for a document
 * number when both number a document of one series): the loser re-reads the head, re-chains and
 * commits again, a bounded number of times, so the caller never sees a `CONFLICT` for that — only
 * for a record it read that someone else changed.
 *
 * The audit event names every record of the batch, `within` included (document counters and
 * numbers): `details.versions` (`collection/id` → new version) and `details.digests`
 * (`collection/id` → SHA-256 of the written data's canonical JSON). With an audit signer, the
 * event carries `mac`, the HMAC of its hash.
 */
export async function commitPlan(storage: GuardedStorage, plan: CommitPlan, signer: AuditSigner | null = null): Promise<StoredRecord[]> {
  for (let attempt = 1; ; attempt++) {
    const stage = new Stage(storage);
    if (plan.within) await plan.within(stage);
    const main: PutRequest[] = [];
    for (const w of plan.writes) {
      const request: PutRequest = {
        collection: w.collection,
        tenantId: plan.tenantId,
        id: w.id,
        data: w.data,
        indexes: w.indexes,
        updatedAt: plan.at,
        expectedVersion: w.expectedVersion,
      };
      await stage.put(request);
      main.push(request);
    }
    const puts = [...stage.puts.values()];
    if (plan.outbox && plan.outbox.length > 0) await assertNotEmbargoed(stage, plan.tenantId, plan.outbox);
    const digests = puts.map((p) => [`${p.collection}/${p.id}`, recordDigest(p.data)] as const);
    const audit = await chainAuditRecord(await storage.lastAudit(plan.tenantId), {
      tenantId: plan.tenantId,
      id: plan.auditId,
      at: plan.at,
      actor: { role: plan.actor.role, id: plan.actor.id },
      action: plan.action,
      subject: plan.subject,
      details: {
        ...plan.details,
        versions: Object.fromEntries(puts.map((p) => [`${p.collection}/${p.id}`, p.expectedVersion + 1])),
        digests: Object.fromEntries(digests),
      },
    });
    if (signer) audit.mac = await signer.sign(audit.hash);
    const outbox: OutboxRecord[] = [];
    for (const m of plan.outbox ?? []) {
      const route = m.channel === undefined ? await messageRoute(stage, plan.tenantId, m.recipient.id) : { channel: m.channel, fallbackChannels: m.fallbackChannels ?? [] };
      outbox.push({
        ...m,
        ...route,
        tenantId: plan.tenantId,
        createdAt: plan.at,
        status: 'pending' as const,
        version: 1,
        dueAt: m.deliverAfter ?? plan.at,
        leaseOwner: null,
        attempts: 0,
        providerMessageId: null,
        lastError: null,
      });
    }
    try {
      const stored = await storage.commit({ tenantId: plan.tenantId, puts, audit, outbox, outboxUpdates: plan.outboxUpdates ?? [] });
      const byKey = new Map(stored.map((r) => [`${r.collection}\u0000${r.id}`, r]));
      return main.map((p) => byKey.get(`${p.collection}\u0000${p.id}`) as StoredRecord);
    } catch (e) {
      if (!ConflictError.isInstance(e) || !SERIES_COLLECTIONS.has(e.collection) || attempt >= MAX_COMMIT_ATTEMPTS) throw e;
      await assertAggregatesCurrent(storage, puts);
      await backoff(attempt);
    }
  }
}
