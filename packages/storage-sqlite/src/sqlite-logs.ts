import type Database from 'better-sqlite3';
import { ConflictError } from '@pccovid-inspect/core';
import { OUTBOX_CONFLICT_COLLECTION } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, OutboxRecord, OutboxUpdate, ReadOutboxOptions } from '@pccovid-inspect/core';

const DEFAULT_LOG_LIMIT = 1000;

/** @internal The messages due by `?` of tenant `?`, at most `?`: a walk of the partial index `outbox_by_due` in order. */
export const DUE_OUTBOX_SQL = 'SELECT record FROM outbox WHERE tenant_id = ? AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?';
/** @internal As `DUE_OUTBOX_SQL`, of one status (checked on the rows the walk reads). */
export const DUE_OUTBOX_BY_STATUS_SQL = 'SELECT record FROM outbox WHERE tenant_id = ? AND due_at IS NOT NULL AND due_at <= ? AND status = ? ORDER BY due_at, id LIMIT ?';
/** @internal Every message of tenant `?`, oldest first, at most `?`: a walk of `outbox_by_age`. */
export const OUTBOX_BY_AGE_SQL = 'SELECT record FROM outbox WHERE tenant_id = ? ORDER BY created_at, id LIMIT ?';
/** @internal The messages of tenant `?` in status `?`, oldest first, at most `?`: a walk of `outbox_by_status`. */
export const OUTBOX_BY_STATUS_SQL = 'SELECT record FROM outbox WHERE tenant_id = ? AND status = ? ORDER BY created_at, id LIMIT ?';

/**
 * @internal The append-only audit chain and the outbox on one better-sqlite3 connection. The
 * writes (`lastSeq`, `appendAudit`, `updateOutbox`, `enqueueOutbox`) are steps of `commit`'s one
 * transaction, so a delivery-state change neither loses nor is lost to another commit of this or
 * another process. Core has checked every request before it gets here, so nothing is re-validated.
 */
export class SqliteLogs {
  private readonly lastSeqOf: Database.Statement;
  private readonly insertAudit: Database.Statement;
  private readonly selectAudit: Database.Statement;
  private readonly selectLastAudit: Database.Statement;
  private readonly insertOutbox: Database.Statement;
  private readonly selectOutbox: Database.Statement;
  private readonly selectOutboxByStatus: Database.Statement;
  private readonly selectDueOutbox: Database.Statement;
  private readonly selectDueOutboxByStatus: Database.Statement;
  private readonly outboxVersionOf: Database.Statement;
  private readonly updateOne: Database.Statement;

  constructor(db: Database.Database) {
    this.lastSeqOf = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant_id = ?').pluck();
    this.insertAudit = db.prepare('INSERT INTO audit_log (tenant_id, seq, id, at, record) VALUES (?, ?, ?, ?, ?)');
    this.selectAudit = db.prepare('SELECT record FROM audit_log WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?').pluck();
    this.selectLastAudit = db.prepare('SELECT record FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1').pluck();
    this.insertOutbox = db.prepare(
      `INSERT INTO outbox (tenant_id, id, created_at, status, version, due_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
    );
    this.selectOutbox = db.prepare(OUTBOX_BY_AGE_SQL).pluck();
    this.selectOutboxByStatus = db.prepare(OUTBOX_BY_STATUS_SQL).pluck();
    this.selectDueOutbox = db.prepare(DUE_OUTBOX_SQL).pluck();
    this.selectDueOutboxByStatus = db.prepare(DUE_OUTBOX_BY_STATUS_SQL).pluck();
    this.outboxVersionOf = db.prepare('SELECT version FROM outbox WHERE tenant_id = ? AND id = ?').pluck();
    // One statement per update: compare-and-set on the version, the delivery fields set in the
    // columns and in the message's JSON alike (json_set keeps every other field).
    this.updateOne = db.prepare(
      `UPDATE outbox SET status = :status, version = :version, due_at = :dueAt,
         record = json_set(record, '$.status', :status, '$.version', :version, '$.channel', :channel, '$.attempts', :attempts, '$.dueAt', :dueAt,
           '$.leaseOwner', :leaseOwner, '$.providerMessageId', :providerMessageId, '$.lastError', :lastError)
       WHERE tenant_id = :tenantId AND id = :id AND version = :expectedVersion`,
    );
  }

  /** The last audit seq of a tenant, 0 when it has none. A step of `commit`. */
  lastSeq(tenantId: string): number {
    return this.lastSeqOf.get(tenantId) as number;
  }

  /** Appends one audit row (its seq checked by the caller, in the same transaction). A step of `commit`. */
  appendAudit(record: AuditRecord): void {
    this.insertAudit.run(record.tenantId, record.seq, record.id, record.at, JSON.stringify(record));
  }

  /**
   * Applies one delivery-state change when the message's stored version is `expectedVersion`;
   * else throws `ConflictError` (`collection: 'outbox'`, the stored version or null when there is
   * no such message). A step of `commit`: the caller's transaction rolls the batch back.
   */
  updateOutbox(tenantId: string, update: OutboxUpdate): void {
    const { expectedVersion } = update;
    const { changes } = this.updateOne.run({
      tenantId,
      id: update.id,
      expectedVersion,
      version: expectedVersion + 1,
      status: update.status,
      channel: update.channel,
      attempts: update.attempts,
      dueAt: update.dueAt,
      leaseOwner: update.leaseOwner,
      providerMessageId: update.providerMessageId,
      lastError: update.lastError,
    });
    if (changes === 1) return;
    const actual = this.outboxVersionOf.get(tenantId, update.id) as number | undefined;
    throw new ConflictError({ collection: OUTBOX_CONFLICT_COLLECTION, id: update.id, expectedVersion, actualVersion: actual ?? null });
  }

  /** Adds messages to the outbox; one whose id exists is left as it is. A step of `commit`. */
  enqueueOutbox(records: readonly OutboxRecord[]): void {
    for (const r of records) this.insertOutbox.run(r.tenantId, r.id, r.createdAt, r.status, r.version, r.dueAt, JSON.stringify(r));
  }

  readAudit(tenantId: string, options?: { afterSeq?: number; limit?: number }): AuditRecord[] {
    const rows = this.selectAudit.all(tenantId, options?.afterSeq ?? 0, options?.limit ?? DEFAULT_LOG_LIMIT) as string[];
    return rows.map((row) => JSON.parse(row) as AuditRecord);
  }

  lastAudit(tenantId: string): AuditRecord | null {
    const row = this.selectLastAudit.get(tenantId) as string | undefined;
    return row === undefined ? null : (JSON.parse(row) as AuditRecord);
  }

  /** Oldest first (`created_at`, `id`), or with `dueBy` the due messages by (`due_at`, `id`). */
  readOutbox(tenantId: string, options: ReadOutboxOptions = {}): OutboxRecord[] {
    const { status, dueBy, limit = DEFAULT_LOG_LIMIT } = options;
    let rows: unknown[];
    if (dueBy !== undefined) {
      rows = status === undefined ? this.selectDueOutbox.all(tenantId, dueBy, limit) : this.selectDueOutboxByStatus.all(tenantId, dueBy, status, limit);
    } else {
      rows = status === undefined ? this.selectOutbox.all(tenantId, limit) : this.selectOutboxByStatus.all(tenantId, status, limit);
    }
    return (rows as string[]).map((row) => JSON.parse(row) as OutboxRecord);
  }
}
