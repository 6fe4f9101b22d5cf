import { describe, expect, it } from 'vitest';
import type { StorageOperations } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TENANT, auditRecord, expectRejection, outboxRecord, putRequest, sleep } from '../internal/fixtures.js';

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
      expect(await inspector.record('visits', TENANT, 'v-1')).toMatchObject({ version: 1 });
      expect(await inspector.record('visits', TENANT, 'v-2')).toMatchObject({ version: 1 });
      expect(await inspector.audit(TENANT)).toEqual([auditRecord(TENANT, 1)]);
      expect(await inspector.outbox(TENANT)).toEqual([outboxRecord(TENANT, 'm-1')]);
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
      await expect(outcome).rejects.toBe(failure);
      expect(await inspector.record('visits', TENANT, 'v-1')).toEqual(before.record);
      expect(await inspector.record('visits', TENANT, 'v-2')).toBeNull();
      expect(await inspector.countRecords('visits', TENANT)).toBe(1);
      expect(await inspector.audit(TENANT)).toEqual(before.audit);
      expect(await inspector.outbox(TENANT)).toEqual(before.outbox);
      expect(await adapter.get('visits', TENANT, 'v-1')).toMatchObject({ version: 1, data: { before: true } });
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
      expect(seen.record?.version).toBe(2);
      expect(seen.page.items.map((item) => item.id)).toEqual(['v-1']);
      expect(seen.last?.seq).toBe(2);
      expect(seen.audit.map((a) => a.seq)).toEqual([1, 2]);
      expect(seen.outbox.map((m) => m.id)).toEqual(['m-1']);
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
      expect(caught).toBe(failure);
      expect(await ctx.inspector().countRecords('visits', TENANT)).toBe(0);
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
      );
      expect(await ctx.inspector().record('visits', TENANT, 'v-2')).toBeNull();
      expect(await ctx.inspector().audit(TENANT)).toEqual([]);
    });

    it('stays usable after a conflict the callback caught, and commits the rest', async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'v-1' }));
      await adapter.transaction(async (tx) => {
        await tx.put(putRequest({ id: 'v-2' }));
        await expectRejection(() => tx.put(putRequest({ id: 'v-1', expectedVersion: 7 })), 'CONFLICT');
        await tx.put(putRequest({ id: 'v-3' }));
      });
      expect(await ctx.inspector().countRecords('visits', TENANT)).toBe(3);
      expect(await ctx.inspector().record('visits', TENANT, 'v-1')).toMatchObject({ version: 1 });
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
      expect(await failing).toBeInstanceOf(ChecklistIncompleteError);
      expect(outside).toBeNull();
      expect(page.items).toEqual([]);
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
        if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('CONFLICT');
      }
      expect(await ctx.inspector().record('visits', TENANT, 'counter')).toMatchObject({ version: 1 + committed, data: { count: committed } });
    });

    it('refuses writes through a transaction handle after the transaction ended', async () => {
      const adapter = ctx.adapter();
      let leaked: StorageOperations | undefined;
      await adapter.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.put(putRequest({ id: 'late' }))).rejects.toThrow();
      expect(await ctx.inspector().record('visits', TENANT, 'late')).toBeNull();
    });
  });
}
