import type Database from 'better-sqlite3';
import { NotFoundError } from '@pccovid-inspect/core';
import type { AuditRecord, OutboxRecord, OutboxStatus } from '@pccovid-inspect/core';

const DEFAULT_LOG_LIMIT = 1000;

type OutboxUpdate = { status: OutboxStatus; attempts: number; providerMessageId?: string | null; lastError?: string | null };

/**
 * @internal The append-only audit chain and the outbox on one better-sqlite3 connection. The
 * appends (`lastSeq`, `appendAudit`, `enqueueOutbox`) are steps of `commit`'s one transaction;
 * `markOutbox` is a write of its own, checked and written inside one `BEGIN IMMEDIATE`
 * transaction, so it neither loses nor is lost to a commit of this or another process. Core has
 * checked every request before it gets here, so nothing is re-validated.
 */
export class SqliteLogs {
  private readonly lastSeqOf: Database.Statement;
  private readonly insertAudit: Database.Statement;
  private readonly selectAudit: Database.Statement;
  private readonly selectLastAudit: Database.Statement;
  private readonly insertOutbox: Database.Statement;
  private readonly selectOutbox: Database.Statement;
  private readonly selectOutboxByStatus: Database.Statement;
  private readonly selectOneOutbox: Database.Statement;
  private readonly updateOutbox: Database.Statement;
  private readonly markOne: Database.Transaction<(tenantId: string, id: string, update: OutboxUpdate) => void>;

  constructor(db: Database.Database) {
    this.lastSeqOf = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant_id = ?').pluck();
    this.insertAudit = db.prepare('INSERT INTO audit_log (tenant_id, seq, id, at, record) VALUES (?, ?, ?, ?, ?)');
    this.selectAudit = db.prepare('SELECT record FROM audit_log WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?').pluck();
    this.selectLastAudit = db.prepare('SELECT record FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1').pluck();
    this.insertOutbox = db.prepare(
      `INSERT INTO outbox (tenant_id, id, created_at, status, record) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
    );
    this.selectOutbox = db.prepare('SELECT record FROM outbox WHERE tenant_id = ? ORDER BY created_at, position LIMIT ?').pluck();
    this.selectOutboxByStatus = db.prepare('SELECT record FROM outbox WHERE tenant_id = ? AND status = ? ORDER BY created_at, position LIMIT ?').pluck();
    this.selectOneOutbox = db.prepare('SELECT record FROM outbox WHERE tenant_id = ? AND id = ?').pluck();
    this.updateOutbox = db.prepare('UPDATE outbox SET status = ?, record = ? WHERE tenant_id = ? AND id = ?');
    this.markOne = db.transaction((tenantId: string, id: string, update: OutboxUpdate) => {
      const stored = this.selectOneOutbox.get(tenantId, id) as string | undefined;
      if (stored === undefined) throw new NotFoundError({ collection: 'outbox', id });
      const current = JSON.parse(stored) as OutboxRecord;
      const next: OutboxRecord = {
        ...current,
        status: update.status,
        attempts: update.attempts,
        providerMessageId: update.providerMessageId === undefined ? current.providerMessageId : update.providerMessageId,
        lastError: update.lastError === undefined ? current.lastError : update.lastError,
      };
      this.updateOutbox.run(next.status, JSON.stringify(next), tenantId, id);
    });
  }

  /** The last audit seq of a tenant, 0 when it has none. A step of `commit`. */
  lastSeq(tenantId: string): number {
    return this.lastSeqOf.get(tenantId) as number;
  }

  /** Appends one audit row (its seq checked by the caller, in the same transaction). A step of `commit`. */
  appendAudit(record: AuditRecord): void {
    this.insertAudit.run(record.tenantId, record.seq, record.id, record.at, JSON.stringify(record));
  }

  /** Adds messages to the outbox; one whose id exists is left as it is. A step of `commit`. */
  enqueueOutbox(records: readonly OutboxRecord[]): void {
    for (const r of records) this.insertOutbox.run(r.tenantId, r.id, r.createdAt, r.status, JSON.stringify(r));
  }

  readAudit(tenantId: string, options?: { afterSeq?: number; limit?: number }): AuditRecord[] {
    const rows = this.selectAudit.all(tenantId, options?.afterSeq ?? 0, options?.limit ?? DEFAULT_LOG_LIMIT) as string[];
    return rows.map((row) => JSON.parse(row) as AuditRecord);
  }

  lastAudit(tenantId: string): AuditRecord | null {
    const row = this.selectLastAudit.get(tenantId) as string | undefined;
    return row === undefined ? null : (JSON.parse(row) as AuditRecord);
  }

  readOutbox(tenantId: string, options?: { status?: OutboxStatus; limit?: number }): OutboxRecord[] {
    const limit = options?.limit ?? DEFAULT_LOG_LIMIT;
    const rows = (options?.status === undefined ? this.selectOutbox.all(tenantId, limit) : this.selectOutboxByStatus.all(tenantId, options.status, limit)) as string[];
    return rows.map((row) => JSON.parse(row) as OutboxRecord);
  }

  /** Updates one message's delivery state in its own `BEGIN IMMEDIATE` transaction (`NotFoundError` when there is none). */
  markOutbox(tenantId: string, id: string, update: OutboxUpdate): void {
    this.markOne.immediate(tenantId, id, update);
  }
}
