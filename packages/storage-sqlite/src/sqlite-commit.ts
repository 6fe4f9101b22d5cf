import type Database from 'better-sqlite3';
import { ConflictError } from '@pccovid-inspect/core';
import { AUDIT_CONFLICT_COLLECTION } from '@pccovid-inspect/core/adapter-kit';
import type { CommitBatch, StoredRecord } from '@pccovid-inspect/core';
import type { SqliteLogs } from './sqlite-logs.js';
import type { SqliteRecords } from './sqlite-records.js';

/**
 * @internal `commit(batch)` as ONE better-sqlite3 transaction, run synchronously from `BEGIN
 * IMMEDIATE` to `COMMIT`: nothing of this process interleaves with it (better-sqlite3 never
 * yields), and SQLite's write lock, taken at `BEGIN IMMEDIATE` and waited for up to the busy
 * timeout, keeps other processes out until it ends. Inside, in this order:
 *
 * 1. every put's stored version is compared with its `expectedVersion` (the first that differs is
 *    a `ConflictError` naming that record);
 * 2. each outbox update is applied with `UPDATE … WHERE version = ?` (one that changes no row is a
 *    `ConflictError` with `collection: 'outbox'`: another deliverer moved the message first, or
 *    there is none);
 * 3. the audit `seq` is compared with the tenant's last + 1 (else `ConflictError` with
 *    `collection: 'audit'`);
 * 4. the records and their index rows, the audit row and the new outbox rows are written (a
 *    message whose id exists is left as it is).
 *
 * A throw anywhere rolls the whole transaction back: nothing of the batch is written.
 */
export class SqliteCommit {
  private readonly run: Database.Transaction<(batch: CommitBatch, data: string[], indexes: string[]) => void>;

  constructor(db: Database.Database, records: SqliteRecords, logs: SqliteLogs) {
    this.run = db.transaction((batch: CommitBatch, data: string[], indexes: string[]) => {
      for (const put of batch.puts) {
        const actual = records.versionOf(put.collection, put.tenantId, put.id);
        if (actual !== put.expectedVersion) {
          throw new ConflictError({ collection: put.collection, id: put.id, expectedVersion: put.expectedVersion, actualVersion: actual === 0 ? null : actual });
        }
      }
      for (const update of batch.outboxUpdates) logs.updateOutbox(batch.tenantId, update);
      const { audit } = batch;
      const last = logs.lastSeq(batch.tenantId);
      if (audit.seq !== last + 1) {
        throw new ConflictError({ collection: AUDIT_CONFLICT_COLLECTION, id: audit.id, expectedVersion: audit.seq - 1, actualVersion: last });
      }
      batch.puts.forEach((put, i) => records.write(put, data[i] as string, indexes[i] as string));
      logs.appendAudit(audit);
      logs.enqueueOutbox(batch.outbox);
    });
  }

  /**
   * Commits the batch all-or-nothing; returns the stored records in the order of `batch.puts`.
   * Their `data` is the object the put carried (what was stored is its JSON, already written: no
   * later change of that object reaches the file), so no record is parsed back.
   */
  commit(batch: CommitBatch): StoredRecord[] {
    // Serialised before BEGIN: the write lock is held only for the SQL steps.
    const data = batch.puts.map((put) => JSON.stringify(put.data));
    const indexes = batch.puts.map((put) => JSON.stringify(put.indexes));
    this.run.immediate(batch, data, indexes);
    return batch.puts.map((put) => ({
      collection: put.collection,
      tenantId: put.tenantId,
      id: put.id,
      version: put.expectedVersion + 1,
      data: put.data,
      indexes: { ...put.indexes },
      updatedAt: put.updatedAt,
    }));
  }
}
