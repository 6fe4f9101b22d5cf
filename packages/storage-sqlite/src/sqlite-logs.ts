import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '@pccovid-inspect/core';
import { checkAuditRecord, checkNonEmptyText, checkOutboxRecord, checkOutboxUpdate, checkReadOptions, throwValidationIssue } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, OutboxRecord, OutboxStatus } from '@pccovid-inspect/core';

const DEFAULT_LOG_LIMIT = 1000;

type OutboxUpdate = { status: OutboxStatus; attempts: number; providerMessageId?: string | null; lastError?: string | null };

/**
 * @internal The append-only audit chain and the outbox on one better-sqlite3 connection. Each
 * write checks and writes inside one `BEGIN IMMEDIATE` transaction (a savepoint inside an open
 * transaction), so a second process appending the same seq waits for the lock and then conflicts.
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
  private readonly appendOne: Database.Transaction<(record: AuditRecord) => void>;
  private readonly enqueueAll: Database.Transaction<(records: OutboxRecord[]) => void>;
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

    this.appendOne = db.transaction((record: AuditRecord) => {
      const last = this.lastSeqOf.get(record.tenantId) as number;
      if (record.seq !== last + 1) {
        throw new ConflictError({ collection: 'audit', id: record.id, expectedVersion: record.seq - 1, actualVersion: last });
      }
      this.insertAudit.run(record.tenantId, record.seq, record.id, record.at, JSON.stringify(record));
    });
    this.enqueueAll = db.transaction((records: OutboxRecord[]) => {
      for (const r of records) this.insertOutbox.run(r.tenantId, r.id, r.createdAt, r.status, JSON.stringify(r));
    });
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

  appendAudit(record: AuditRecord): void {
    checkAuditRecord(record);
    this.appendOne.immediate(record);
  }

  readAudit(tenantId: string, options?: { afterSeq?: number; limit?: number }): AuditRecord[] {
    checkNonEmptyText('readAudit', ['tenantId'], tenantId);
    checkReadOptions('readAudit', options);
    const rows = this.selectAudit.all(tenantId, options?.afterSeq ?? 0, options?.limit ?? DEFAULT_LOG_LIMIT) as string[];
    return rows.map((row) => JSON.parse(row) as AuditRecord);
  }

  lastAudit(tenantId: string): AuditRecord | null {
    checkNonEmptyText('lastAudit', ['tenantId'], tenantId);
    const row = this.selectLastAudit.get(tenantId) as string | undefined;
    return row === undefined ? null : (JSON.parse(row) as AuditRecord);
  }

  /** Validates the whole batch first: a bad message rejects the batch and writes nothing. */
  enqueueOutbox(records: OutboxRecord[]): void {
    if (!Array.isArray(records)) throwValidationIssue('OutboxRecord', [], 'must be an array of messages');
    records.forEach(checkOutboxRecord);
    if (records.length > 0) this.enqueueAll.immediate(records);
  }

  readOutbox(tenantId: string, options?: { status?: OutboxStatus; limit?: number }): OutboxRecord[] {
    checkNonEmptyText('readOutbox', ['tenantId'], tenantId);
    checkReadOptions('readOutbox', options);
    const limit = options?.limit ?? DEFAULT_LOG_LIMIT;
    const rows = (options?.status === undefined ? this.selectOutbox.all(tenantId, limit) : this.selectOutboxByStatus.all(tenantId, options.status, limit)) as string[];
    return rows.map((row) => JSON.parse(row) as OutboxRecord);
  }

  markOutbox(tenantId: string, id: string, update: OutboxUpdate): void {
    checkNonEmptyText('markOutbox', ['tenantId'], tenantId);
    checkNonEmptyText('markOutbox', ['id'], id);
    checkOutboxUpdate(update);
    this.markOne.immediate(tenantId, id, update);
  }
}
