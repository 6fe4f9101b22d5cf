import { ConflictError } from '@pccovid-inspect/core';
import type { StoredRecord } from '@pccovid-inspect/core';
import { AUDIT_CONFLICT_COLLECTION, OUTBOX_CONFLICT_COLLECTION } from '@pccovid-inspect/core/adapter-kit';
import type { CommitBatch } from '@pccovid-inspect/core/adapter-kit';
import type { InspectDb, OutboxRow } from './indexeddb-schema.js';
import { auditRange, outboxRow, recordRow } from './indexeddb-schema.js';

type StoreName = 'records' | 'audit' | 'outbox';

/**
 * @internal Commits a batch in ONE readwrite transaction over the stores it touches. Inside it,
 * only IndexedDB requests are awaited (the transaction commits by itself as soon as none is
 * pending): first every read (the records' versions, the messages' versions and existence, the
 * audit head), then every check — puts, then outbox updates, then the audit seq — and on a
 * conflict `abort()`, so nothing of the batch is written, and a `ConflictError`. IndexedDB runs
 * readwrite transactions on overlapping stores one at a time, in this tab and across tabs, so no
 * other commit can slip between the checks and the writes.
 */
export async function commitBatch(db: InspectDb, batch: CommitBatch): Promise<StoredRecord[]> {
  const { tenantId, puts, outboxUpdates } = batch;
  const stores: StoreName[] = ['audit'];
  if (puts.length > 0) stores.push('records');
  if (batch.outbox.length > 0 || outboxUpdates.length > 0) stores.push('outbox');
  const tx = db.transaction(stores, 'readwrite');
  // Observed here so an abort never surfaces as an unhandled rejection; awaited below.
  const done = tx.done.then(
    () => null,
    (error: unknown) => ({ error }),
  );
  let aborted = false;
  const abort = (): void => {
    if (aborted) return;
    aborted = true;
    try {
      tx.abort();
    } catch {
      // already finished or aborted: nothing was committed by this batch's writes
    }
  };
  try {
    const records = puts.length > 0 ? tx.objectStore('records') : null;
    const outbox = stores.includes('outbox') ? tx.objectStore('outbox') : null;
    const audit = tx.objectStore('audit');
    const [currentRecords, currentMessages, queuedKeys, head] = await Promise.all([
      records ? Promise.all(puts.map((put) => records.get([put.tenantId, put.collection, put.id]))) : [],
      outbox ? Promise.all(outboxUpdates.map((update) => outbox.get([tenantId, update.id]))) : [],
      outbox ? Promise.all(batch.outbox.map((message) => outbox.getKey([tenantId, message.id]))) : [],
      audit.openCursor(auditRange(tenantId), 'prev'),
    ]);

    puts.forEach((put, i) => {
      const current = currentRecords[i];
      if ((current?.record.version ?? 0) !== put.expectedVersion) {
        throw new ConflictError({ collection: put.collection, id: put.id, expectedVersion: put.expectedVersion, actualVersion: current ? current.record.version : null });
      }
    });
    outboxUpdates.forEach((update, i) => {
      const current = currentMessages[i];
      if (current?.message.version !== update.expectedVersion) {
        throw new ConflictError({
          collection: OUTBOX_CONFLICT_COLLECTION,
          id: update.id,
          expectedVersion: update.expectedVersion,
          actualVersion: current ? current.message.version : null,
        });
      }
    });
    const lastSeq = head ? head.value.seq : 0;
    if (batch.audit.seq !== lastSeq + 1) {
      throw new ConflictError({ collection: AUDIT_CONFLICT_COLLECTION, id: batch.audit.id, expectedVersion: batch.audit.seq - 1, actualVersion: lastSeq });
    }

    // Every check passed: queue the writes without awaiting each (IndexedDB runs them in order).
    const stored: StoredRecord[] = puts.map((put) => ({
      collection: put.collection,
      tenantId: put.tenantId,
      id: put.id,
      version: put.expectedVersion + 1,
      data: put.data,
      indexes: put.indexes,
      updatedAt: put.updatedAt,
    }));
    const writes: Promise<unknown>[] = [];
    for (const record of stored) writes.push((records as NonNullable<typeof records>).put(recordRow(record)));
    const updated = new Set<string>();
    outboxUpdates.forEach(({ id, expectedVersion, ...delivery }, i) => {
      const previous = (currentMessages[i] as OutboxRow).message;
      updated.add(id);
      writes.push((outbox as NonNullable<typeof outbox>).put(outboxRow({ ...previous, ...delivery, version: expectedVersion + 1 })));
    });
    batch.outbox.forEach((message, i) => {
      // A message id already queued (or updated by this batch) is ignored, its delivery state kept.
      if (queuedKeys[i] !== undefined || updated.has(message.id)) return;
      writes.push((outbox as NonNullable<typeof outbox>).put(outboxRow(message)));
    });
    writes.push(audit.add(batch.audit));
    // A failed write aborts the transaction: `done` then carries its error.
    await Promise.allSettled(writes);
    const outcome = await done;
    if (outcome) throw outcome.error;
    return stored;
  } catch (error) {
    abort();
    await done;
    throw error;
  }
}
