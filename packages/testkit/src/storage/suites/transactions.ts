import { describe, expect, it } from 'vitest';
import type { StorageOperations } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TENANT, auditRecord, expectRejection, outboxRecord, putRequest, sleep } from '../internal/fixtures.js';
import { expectNoLostWriteAcrossTransaction } from '../internal/transaction-race.js';

/** A domain error a callback might throw. */
class ChecklistIncompleteError extends Error {
  constructor() {
    super('Checklist item a.3 has no answer');
    this.name = 'ChecklistIncompleteError';
  }
}

/** @internal transaction(fn): all or nothing, read-your-writes, isolation. */
export function defineTransactionsSuite(ctx: SuiteContext): void {
  describe('transactions', () => {
    it('commits every put, audit and outbox write of the callback when it resolves', async () => {
      await ctx.adapter().transaction(async (tx) => {
        await tx.put(putRequest({ id: 'v-1' }));
        await tx.put(putRequest({ id: 'v-2' }));
        await tx.appendAudit(auditRecord(TENANT, 1));
        await tx.enqueueOutbox([outboxRecord(TENANT, 'm-1')]);
      });
      const inspector = ctx.inspector();
      expect(await inspector.record('visits', TENANT, 'v-1'), 'expected the committed transaction’s put of v-1 to be stored at version 1').toMatchObject({ version: 1 });
      expect(await inspector.record('visits', TENANT, 'v-2'), 'expected the committed transaction’s put of v-2 to be stored at version 1').toMatchObject({ version: 1 });
      expect(await inspector.audit(TENANT), 'expected the committed transaction’s audit append to be stored').toEqual([auditRecord(TENANT, 1)]);
      expect(await inspector.outbox(TENANT), 'expected the committed transaction’s outbox message to be stored').toEqual([outboxRecord(TENANT, 'm-1')]);
    });

    it('rolls back every put, audit and outbox write when the callback throws', async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'v-1', data: { before: true } }));
      await adapter.appendAudit(auditRecord(TENANT, 1));
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-1')]);
      const inspector = ctx.inspector();
      const before = {
        record: await inspector.record('visits', TENANT, 'v-1'),
        audit: await inspector.audit(TENANT),
        outbox: await inspector.outbox(TENANT),
      };
      const failure = new ChecklistIncompleteError();
      const outcome = adapter.transaction(async (tx) => {
        await tx.put(putRequest({ id: 'v-1', expectedVersion: 1, data: { after: true } }));
        await tx.put(putRequest({ id: 'v-2' }));
        await tx.appendAudit(auditRecord(TENANT, 2));
        await tx.enqueueOutbox([outboxRecord(TENANT, 'm-2')]);
        await tx.markOutbox(TENANT, 'm-1', { status: 'sent', attempts: 1, providerMessageId: 'smtp-1' });
        throw failure;
      });
      await expect(outcome, 'expected the transaction to reject with the callback’s own error, unchanged').rejects.toBe(failure);
      expect(await inspector.record('visits', TENANT, 'v-1'), 'expected the rollback to leave v-1 as it was before (version 1): the update inside was kept').toEqual(before.record);
      expect(await inspector.record('visits', TENANT, 'v-2'), 'expected the rollback to leave nothing of v-2, created inside the transaction').toBeNull();
      expect(await inspector.countRecords('visits', TENANT), 'expected the rollback to leave exactly the 1 record stored before').toBe(1);
      expect(await inspector.audit(TENANT), 'expected the rollback to leave the audit log as before: the append inside was kept').toEqual(before.audit);
      expect(await inspector.outbox(TENANT), 'expected the rollback to leave the outbox as before: the enqueue or mark inside was kept').toEqual(before.outbox);
      expect(await adapter.get('visits', TENANT, 'v-1'), 'expected get after the rollback to return v-1 as before (a cache kept the rolled-back write?)').toMatchObject({
        version: 1,
        data: { before: true },
      });
    });

    it('lets reads inside the callback see its own writes', async () => {
      const seen = await ctx.adapter().transaction(async (tx) => {
        await tx.put(putRequest({ id: 'v-1', indexes: { status: 'planned' } }));
        await tx.put(putRequest({ id: 'v-1', expectedVersion: 1, indexes: { status: 'underway' } }));
        await tx.appendAudit(auditRecord(TENANT, 1));
        await tx.appendAudit(auditRecord(TENANT, 2));
        await tx.enqueueOutbox([outboxRecord(TENANT, 'm-1')]);
        return {
          record: await tx.get('visits', TENANT, 'v-1'),
          page: await tx.query({ collection: 'visits', tenantId: TENANT, where: { status: 'underway' } }),
          last: await tx.lastAudit(TENANT),
          audit: await tx.readAudit(TENANT),
          outbox: await tx.readOutbox(TENANT),
        };
      });
      expect(seen.record?.version, 'expected tx.get to see the transaction’s own two writes (version 2)').toBe(2);
      expect(
        seen.page.items.map((item) => item.id),
        'expected tx.query to see the transaction’s own write of status underway',
      ).toEqual(['v-1']);
      expect(seen.last?.seq, 'expected tx.lastAudit to see the transaction’s own appends (seq 2)').toBe(2);
      expect(
        seen.audit.map((a) => a.seq),
        'expected tx.readAudit to see the transaction’s own appends',
      ).toEqual([1, 2]);
      expect(
        seen.outbox.map((m) => m.id),
        'expected tx.readOutbox to see the transaction’s own message',
      ).toEqual(['m-1']);
    });

    it('passes the return value of the callback through', async () => {
      const value = { visitId: 'v-1', nested: [1, 2, 3] };
      expect(await ctx.adapter().transaction(async () => value)).toBe(value);
      expect(await ctx.adapter().transaction(async (tx) => tx.get('visits', TENANT, 'none'))).toBeNull();
    });

    it('propagates the original error thrown deep inside nested calls, unwrapped', async () => {
      const failure = new ChecklistIncompleteError();
      const deepest = async (tx: StorageOperations): Promise<void> => {
        await tx.put(putRequest({ id: 'v-2' }));
        await sleep(1);
        throw failure;
      };
      const middle = async (tx: StorageOperations): Promise<void> => {
        await tx.put(putRequest({ id: 'v-1' }));
        await Promise.all([deepest(tx)]);
      };
      let caught: unknown;
      try {
        await ctx.adapter().transaction(async (tx) => middle(tx));
      } catch (error) {
        caught = error;
      }
      expect(caught, `expected the transaction to reject with the callback’s own error, unwrapped, but got ${String(caught)}`).toBe(failure);
      expect(await ctx.inspector().countRecords('visits', TENANT), 'expected the failed transaction to leave no record behind').toBe(0);
    });

    it('rolls back earlier writes when a put inside fails with CONFLICT, and rejects with CONFLICT', async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'v-1' }));
      await expectRejection(
        () =>
          adapter.transaction(async (tx) => {
            await tx.put(putRequest({ id: 'v-2' }));
            await tx.appendAudit(auditRecord(TENANT, 1));
            await tx.put(putRequest({ id: 'v-1', expectedVersion: 0 }));
          }),
        'CONFLICT',
        'a transaction whose put creates the existing v-1 (expectedVersion 0, stored 1)',
      );
      expect(await ctx.inspector().record('visits', TENANT, 'v-2'), 'expected the conflicting transaction to roll back its earlier create of v-2').toBeNull();
      expect(await ctx.inspector().audit(TENANT), 'expected the conflicting transaction to roll back its earlier audit append').toEqual([]);
    });

    it('stays usable after a conflict the callback caught, and commits the rest', async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'v-1' }));
      await adapter.transaction(async (tx) => {
        await tx.put(putRequest({ id: 'v-2' }));
        await expectRejection(() => tx.put(putRequest({ id: 'v-1', expectedVersion: 7 })), 'CONFLICT', 'a put inside a transaction at expectedVersion 7 (stored 1)');
        await tx.put(putRequest({ id: 'v-3' }));
      });
      expect(await ctx.inspector().countRecords('visits', TENANT), 'expected the transaction to commit v-2 and v-3 around the conflict it caught').toBe(3);
      expect(await ctx.inspector().record('visits', TENANT, 'v-1'), 'expected the refused put to leave v-1 at version 1').toMatchObject({ version: 1 });
    });

    it('never shows writes of an open transaction that later rolls back to readers outside it', async () => {
      const adapter = ctx.adapter();
      let signal!: () => void;
      const written = new Promise<void>((resolve) => (signal = resolve));
      const failing = adapter
        .transaction(async (tx) => {
          await tx.put(putRequest({ id: 'v-1' }));
          signal();
          await sleep(30);
          throw new ChecklistIncompleteError();
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      await written;
      const outside = await adapter.get('visits', TENANT, 'v-1');
      const page = await adapter.query({ collection: 'visits', tenantId: TENANT });
      expect(await failing, 'expected the transaction to reject with the callback’s error').toBeInstanceOf(ChecklistIncompleteError);
      expect(outside, 'expected get outside an open transaction not to see its uncommitted (later rolled back) write').toBeNull();
      expect(page.items, 'expected query outside an open transaction not to see its uncommitted (later rolled back) write').toEqual([]);
    });

    it('keeps concurrent read-modify-write transactions from losing an update', async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'counter', data: { count: 0 } }));
      const increment = () =>
        adapter.transaction(async (tx) => {
          const current = await tx.get<{ count: number }>('visits', TENANT, 'counter');
          await sleep(10);
          await tx.put(putRequest({ id: 'counter', expectedVersion: current?.version ?? 0, data: { count: (current?.data.count ?? 0) + 1 } }));
        });
      const results = await Promise.allSettled([increment(), increment(), increment()]);
      const committed = results.filter((r) => r.status === 'fulfilled').length;
      for (const r of results) {
        if (r.status === 'rejected') {
          expect((r.reason as { code?: string }).code, `expected a losing read-modify-write transaction to fail with CONFLICT, but it failed with ${String(r.reason)}`).toBe(
            'CONFLICT',
          );
        }
      }
      expect(
        await ctx.inspector().record('visits', TENANT, 'counter'),
        `expected ${committed} committed increments to leave the counter at ${committed} (version ${1 + committed}): otherwise an update was lost`,
      ).toMatchObject({ version: 1 + committed, data: { count: committed } });
    });

    it('never loses a plain put that races an open transaction which read the record and writes it afterwards', async () => {
      await expectNoLostWriteAcrossTransaction(ctx.adapter(), ctx.inspector(), 'plain write first');
    });

    it('never loses a plain put that races an open transaction which already wrote the record', async () => {
      await expectNoLostWriteAcrossTransaction(ctx.adapter(), ctx.inspector(), 'transaction write first');
    });

    it('refuses writes through a transaction handle after the transaction ended', async () => {
      const adapter = ctx.adapter();
      let leaked: StorageOperations | undefined;
      await adapter.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.put(putRequest({ id: 'late' })), 'expected a put through the `tx` handle of an ended transaction to fail, but it succeeded').rejects.toThrow();
      expect(await ctx.inspector().record('visits', TENANT, 'late'), 'expected a put through an ended transaction to store nothing').toBeNull();
    });
  });
}
