import { describe, expect, it } from 'vitest';
import type { SuiteContext } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT, expectRejection, outboxRecord } from '../internal/fixtures.js';

/** @internal outbox: idempotent enqueue, reads by status, delivery updates. */
export function defineOutboxSuite(ctx: SuiteContext): void {
  describe('outbox', () => {
    it('enqueues messages and reads them back oldest first, deep-equal', async () => {
      const adapter = ctx.adapter();
      const later = outboxRecord(TENANT, 'm-later', { createdAt: '2021-12-06T03:00:00.000Z', deliverAfter: '2021-12-07T00:00:00.000Z' });
      const earlier = outboxRecord(TENANT, 'm-earlier', { createdAt: '2021-12-06T02:00:00.000Z', recipient: { role: 'director', id: 'p-1' } });
      await adapter.enqueueOutbox([later]);
      await adapter.enqueueOutbox([earlier]);
      expect(await adapter.readOutbox(TENANT)).toEqual([earlier, later]);
      expect(await ctx.inspector().outbox(TENANT)).toEqual([earlier, later]);
    });

    it('keeps insertion order for messages created at the same instant', async () => {
      const adapter = ctx.adapter();
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-b'), outboxRecord(TENANT, 'm-a')]);
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-0')]);
      expect((await adapter.readOutbox(TENANT)).map((m) => m.id)).toEqual(['m-b', 'm-a', 'm-0']);
    });

    it('ignores a message whose id is already queued (idempotent), keeping the first', async () => {
      const adapter = ctx.adapter();
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-1', { body: 'first' })]);
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-1', { body: 'second' }), outboxRecord(TENANT, 'm-2')]);
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-3', { body: 'a' }), outboxRecord(TENANT, 'm-3', { body: 'b' })]);
      const stored = await ctx.inspector().outbox(TENANT);
      expect(stored.map((m) => [m.id, m.body])).toEqual([
        ['m-1', 'first'],
        ['m-2', outboxRecord(TENANT, 'm-2').body],
        ['m-3', 'a'],
      ]);
    });

    it('reads by status and at most `limit` messages', async () => {
      const adapter = ctx.adapter();
      await adapter.enqueueOutbox(['m-1', 'm-2', 'm-3', 'm-4'].map((id) => outboxRecord(TENANT, id)));
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
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-1')]);
      await adapter.markOutbox(TENANT, 'm-1', { status: 'failed', attempts: 1, lastError: 'ECONNREFUSED' });
      expect((await ctx.inspector().outbox(TENANT))[0]).toEqual(outboxRecord(TENANT, 'm-1', { status: 'failed', attempts: 1, lastError: 'ECONNREFUSED' }));
      await adapter.markOutbox(TENANT, 'm-1', { status: 'sent', attempts: 2, providerMessageId: '<abc@smtp>' });
      expect((await ctx.inspector().outbox(TENANT))[0]).toEqual(
        outboxRecord(TENANT, 'm-1', { status: 'sent', attempts: 2, providerMessageId: '<abc@smtp>', lastError: 'ECONNREFUSED' }),
      );
      await adapter.markOutbox(TENANT, 'm-1', { status: 'sent', attempts: 2, lastError: null });
      expect((await adapter.readOutbox(TENANT))[0]).toMatchObject({ providerMessageId: '<abc@smtp>', lastError: null });
    });

    it('rejects marking a message that does not exist with NOT_FOUND and changes nothing', async () => {
      const adapter = ctx.adapter();
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-1')]);
      const before = await ctx.inspector().outbox(TENANT);
      await expectRejection(() => adapter.markOutbox(TENANT, 'm-404', { status: 'sent', attempts: 1 }), 'NOT_FOUND');
      await expectRejection(() => adapter.markOutbox(OTHER_TENANT, 'm-1', { status: 'sent', attempts: 1 }), 'NOT_FOUND');
      expect(await ctx.inspector().outbox(TENANT)).toEqual(before);
      expect(await ctx.inspector().outbox(OTHER_TENANT)).toEqual([]);
    });

    it('keeps tenants apart: the same id in two tenants is two messages', async () => {
      const adapter = ctx.adapter();
      await adapter.enqueueOutbox([outboxRecord(TENANT, 'm-1'), outboxRecord(OTHER_TENANT, 'm-1', { body: 'Quảng Bình' })]);
      await adapter.markOutbox(OTHER_TENANT, 'm-1', { status: 'sent', attempts: 1 });
      expect(await adapter.readOutbox(TENANT)).toEqual([outboxRecord(TENANT, 'm-1')]);
      expect(await adapter.readOutbox(OTHER_TENANT)).toEqual([outboxRecord(OTHER_TENANT, 'm-1', { body: 'Quảng Bình', status: 'sent', attempts: 1 })]);
    });

    it('does not let callers change queued messages through the objects they pass in or get back', async () => {
      const adapter = ctx.adapter();
      const message = outboxRecord(TENANT, 'm-1');
      await adapter.enqueueOutbox([message]);
      message.refs.visitId = 'tampered';
      const [read] = await adapter.readOutbox(TENANT);
      if (read) read.recipient.id = 'tampered';
      expect(await ctx.inspector().outbox(TENANT)).toEqual([outboxRecord(TENANT, 'm-1')]);
    });
  });
}
