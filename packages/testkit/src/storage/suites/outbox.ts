import { describe, expect, it } from 'vitest';
import type { OutboxRecord, StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT, commitRecords, expectRejection, outboxRecord } from '../internal/fixtures.js';

/** Enqueues messages the only way there is: in a commit (here one without puts). */
async function enqueue(adapter: StorageAdapter, messages: OutboxRecord[], tenantId = TENANT): Promise<void> {
  await commitRecords(adapter, tenantId, [], { outbox: messages });
}

/** @internal outbox: messages committed with a batch, idempotent ids, reads by status, delivery updates. */
export function defineOutboxSuite(ctx: SuiteContext): void {
  describe('outbox', { timeout: TEST_TIMEOUT_MS }, () => {
    it('stores committed messages and reads them back oldest first, deep-equal', async () => {
      const adapter = ctx.adapter();
      const later = outboxRecord(TENANT, 'm-later', { createdAt: '2021-12-06T03:00:00.000Z', deliverAfter: '2021-12-07T00:00:00.000Z' });
      const earlier = outboxRecord(TENANT, 'm-earlier', { createdAt: '2021-12-06T02:00:00.000Z', recipient: { role: 'director', id: 'p-1' } });
      await enqueue(adapter, [later]);
      await enqueue(adapter, [earlier]);
      expect(await adapter.readOutbox(TENANT), 'expected readOutbox to return the messages oldest (createdAt) first, unchanged').toEqual([earlier, later]);
      expect(await ctx.inspector().outbox(TENANT), 'expected the stored messages to be unchanged').toEqual([earlier, later]);
    });

    it('keeps commit order for messages created at the same instant', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-b'), outboxRecord(TENANT, 'm-a')]);
      await enqueue(adapter, [outboxRecord(TENANT, 'm-0')]);
      expect(
        (await adapter.readOutbox(TENANT)).map((m) => m.id),
        'expected messages of the same createdAt in the order they were committed, not by id',
      ).toEqual(['m-b', 'm-a', 'm-0']);
    });

    it('ignores a message whose id is already stored (idempotent), keeping the first', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1', { body: 'first' })]);
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1', { body: 'second' }), outboxRecord(TENANT, 'm-2')]);
      const stored = await ctx.inspector().outbox(TENANT);
      expect(
        stored.map((m) => [m.id, m.body]),
        'expected a committed message whose id exists to be ignored (the first kept), and the others of the batch stored',
      ).toEqual([
        ['m-1', 'first'],
        ['m-2', outboxRecord(TENANT, 'm-2').body],
      ]);
    });

    it('reads by status and at most `limit` messages', async () => {
      const adapter = ctx.adapter();
      await enqueue(
        adapter,
        ['m-1', 'm-2', 'm-3', 'm-4'].map((id) => outboxRecord(TENANT, id)),
      );
      await adapter.markOutbox(TENANT, 'm-2', { status: 'sent', attempts: 1, providerMessageId: 'smtp-2' });
      await adapter.markOutbox(TENANT, 'm-3', { status: 'failed', attempts: 3, lastError: 'mailbox full' });
      expect((await adapter.readOutbox(TENANT, { status: 'pending' })).map((m) => m.id)).toEqual(['m-1', 'm-4']);
      expect((await adapter.readOutbox(TENANT, { status: 'sent' })).map((m) => m.id)).toEqual(['m-2']);
      expect((await adapter.readOutbox(TENANT, { status: 'failed' })).map((m) => m.id)).toEqual(['m-3']);
      expect((await adapter.readOutbox(TENANT, { limit: 3 })).map((m) => m.id)).toEqual(['m-1', 'm-2', 'm-3']);
      expect((await adapter.readOutbox(TENANT, { status: 'pending', limit: 1 })).map((m) => m.id)).toEqual(['m-1']);
    });

    it('marks delivery state, keeping fields the update leaves out', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      await adapter.markOutbox(TENANT, 'm-1', { status: 'failed', attempts: 1, lastError: 'ECONNREFUSED' });
      expect((await ctx.inspector().outbox(TENANT))[0]).toEqual(outboxRecord(TENANT, 'm-1', { status: 'failed', attempts: 1, lastError: 'ECONNREFUSED' }));
      await adapter.markOutbox(TENANT, 'm-1', { status: 'sent', attempts: 2, providerMessageId: '<abc@smtp>' });
      expect((await ctx.inspector().outbox(TENANT))[0], 'expected a mark that leaves out lastError to keep it').toEqual(
        outboxRecord(TENANT, 'm-1', { status: 'sent', attempts: 2, providerMessageId: '<abc@smtp>', lastError: 'ECONNREFUSED' }),
      );
      await adapter.markOutbox(TENANT, 'm-1', { status: 'sent', attempts: 2, lastError: null });
      expect((await adapter.readOutbox(TENANT))[0], 'expected lastError: null to clear it and keep providerMessageId').toMatchObject({
        providerMessageId: '<abc@smtp>',
        lastError: null,
      });
    });

    it('does not reset a message’s delivery state when a later commit carries the same id', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      await adapter.markOutbox(TENANT, 'm-1', { status: 'sent', attempts: 1, providerMessageId: 'zalo-7' });
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      expect(
        (await ctx.inspector().outbox(TENANT))[0],
        'expected the sent message to stay sent: the adapter wrote the re-committed message over it (an upsert instead of “ignore when the id exists”)',
      ).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: 'zalo-7' });
    });

    it('rejects marking a message that does not exist with NOT_FOUND and changes nothing', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      const before = await ctx.inspector().outbox(TENANT);
      await expectRejection(() => adapter.markOutbox(TENANT, 'm-404', { status: 'sent', attempts: 1 }), 'NOT_FOUND', 'markOutbox of a message that was never committed');
      await expectRejection(() => adapter.markOutbox(OTHER_TENANT, 'm-1', { status: 'sent', attempts: 1 }), 'NOT_FOUND', 'markOutbox of another tenant’s message');
      expect(await ctx.inspector().outbox(TENANT), 'expected the refused marks to change nothing').toEqual(before);
      expect(await ctx.inspector().outbox(OTHER_TENANT), 'expected the refused mark to create nothing').toEqual([]);
    });

    it('keeps tenants apart: the same id in two tenants is two messages', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      await enqueue(adapter, [outboxRecord(OTHER_TENANT, 'm-1', { body: 'Quảng Bình' })], OTHER_TENANT);
      await adapter.markOutbox(OTHER_TENANT, 'm-1', { status: 'sent', attempts: 1 });
      expect(await adapter.readOutbox(TENANT), 'expected tenant 42’s m-1 to be untouched by tenant 40’s').toEqual([outboxRecord(TENANT, 'm-1')]);
      expect(await adapter.readOutbox(OTHER_TENANT)).toEqual([outboxRecord(OTHER_TENANT, 'm-1', { body: 'Quảng Bình', status: 'sent', attempts: 1 })]);
    });

    it('does not let callers change stored messages through the objects they pass in or get back', async () => {
      const adapter = ctx.adapter();
      const message = outboxRecord(TENANT, 'm-1');
      await enqueue(adapter, [message]);
      message.refs.visitId = 'tampered';
      const [read] = await adapter.readOutbox(TENANT);
      if (read) read.recipient.id = 'tampered';
      expect(
        await ctx.inspector().outbox(TENANT),
        'expected stored messages not to change when callers mutate the objects they passed in or got back (the adapter shares objects instead of copying)',
      ).toEqual([outboxRecord(TENANT, 'm-1')]);
    });
  });
}
