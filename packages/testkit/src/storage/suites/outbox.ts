import { describe, expect, it } from 'vitest';
import type { OutboxRecord, OutboxUpdate, ReadOutboxOptions, StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT, commitRecords, outboxRecord, outboxUpdate, updatedMessage } from '../internal/fixtures.js';

/** Enqueues messages, and updates others, the only way there is: in a commit (here one without puts). */
async function enqueue(adapter: StorageAdapter, messages: OutboxRecord[], tenantId = TENANT, outboxUpdates: OutboxUpdate[] = []): Promise<void> {
  await commitRecords(adapter, tenantId, [], { outbox: messages, outboxUpdates });
}

/** The update that marks a message (read at version 1) sent. */
const SENT = (id: string): OutboxUpdate => outboxUpdate(id, 1, { status: 'sent', dueAt: null, leaseOwner: null, providerMessageId: `smtp-${id}` });
/** The update that gives a message (read at version 1) up: dead. */
const DEAD = (id: string): OutboxUpdate => outboxUpdate(id, 1, { status: 'dead', attempts: 5, dueAt: null, leaseOwner: null, lastError: 'mailbox full' });

/** @internal outbox: messages committed with a batch, idempotent ids, every field kept, reads by status and by due time, delivery updates. */
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

    it('orders messages created at the same instant by id', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-b'), outboxRecord(TENANT, 'm-a')]);
      await enqueue(adapter, [outboxRecord(TENANT, 'm-0')]);
      expect(
        (await adapter.readOutbox(TENANT)).map((m) => m.id),
        'expected messages of the same createdAt ordered by id (the contract’s tie-break), not in commit order',
      ).toEqual(['m-0', 'm-a', 'm-b']);
    });

    it('stores every field of a message and of its delivery state unchanged (fallback channels, version, due time, lease owner)', async () => {
      const adapter = ctx.adapter();
      const message = outboxRecord(TENANT, 'm-1', {
        channel: 'webhook',
        fallbackChannels: ['email', 'manual'],
        deliverAfter: '2021-12-07T00:00:00.000Z',
        dueAt: '2021-12-07T00:00:00.000Z',
        recipient: { role: 'unit', id: 'u-9' },
        refs: {},
        body: 'Kính gửi: Bệnh viện Đa khoa tỉnh Hà Tĩnh — “đột xuất”\n\t😷',
      });
      await enqueue(adapter, [message]);
      expect(await adapter.readOutbox(TENANT), 'expected readOutbox to return the message deep-equal').toEqual([message]);
      const claim = outboxUpdate('m-1', 1, { channel: 'email', attempts: 2, leaseOwner: 'deliverer-7', lastError: 'NOTIFICATION_FAILED: HTTP 503' });
      await enqueue(adapter, [], TENANT, [claim]);
      expect(await adapter.readOutbox(TENANT), 'expected the claimed message (every update field, version 2) deep-equal').toEqual([updatedMessage(message, claim)]);
      expect(await ctx.inspector().outbox(TENANT), 'expected the stored message deep-equal').toEqual([updatedMessage(message, claim)]);
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
        ['m-1', 'm-2', 'm-3', 'm-4', 'm-5'].map((id) => outboxRecord(TENANT, id)),
      );
      await enqueue(adapter, [], TENANT, [SENT('m-2'), DEAD('m-3'), outboxUpdate('m-5', 1)]);
      expect((await adapter.readOutbox(TENANT, { status: 'pending' })).map((m) => m.id)).toEqual(['m-1', 'm-4']);
      expect((await adapter.readOutbox(TENANT, { status: 'sending' })).map((m) => m.id)).toEqual(['m-5']);
      expect((await adapter.readOutbox(TENANT, { status: 'sent' })).map((m) => m.id)).toEqual(['m-2']);
      expect((await adapter.readOutbox(TENANT, { status: 'dead' })).map((m) => m.id)).toEqual(['m-3']);
      expect((await adapter.readOutbox(TENANT, { limit: 3 })).map((m) => m.id)).toEqual(['m-1', 'm-2', 'm-3']);
      expect((await adapter.readOutbox(TENANT, { status: 'pending', limit: 1 })).map((m) => m.id)).toEqual(['m-1']);
    });

    it('reads the messages due by an instant (dueAt not null and ≤ dueBy), soonest first, then by id, at most `limit`', async () => {
      const adapter = ctx.adapter();
      const due = (hour: number) => `2021-12-07T${String(hour).padStart(2, '0')}:00:00.000Z`;
      // createdAt runs against dueAt, so an adapter that orders by age fails.
      await enqueue(adapter, [
        outboxRecord(TENANT, 'm-5', { createdAt: '2021-12-06T01:00:00.000Z', dueAt: due(5) }),
        outboxRecord(TENANT, 'm-3b', { createdAt: '2021-12-06T02:00:00.000Z', dueAt: due(3) }),
        outboxRecord(TENANT, 'm-3a', { createdAt: '2021-12-06T03:00:00.000Z', dueAt: due(3) }),
        outboxRecord(TENANT, 'm-1', { createdAt: '2021-12-06T04:00:00.000Z', dueAt: due(1) }),
        outboxRecord(TENANT, 'm-9', { createdAt: '2021-12-06T05:00:00.000Z', dueAt: due(9) }),
        outboxRecord(TENANT, 'm-sent', { createdAt: '2021-12-06T06:00:00.000Z', dueAt: due(0) }),
        outboxRecord(TENANT, 'm-lease', { createdAt: '2021-12-06T07:00:00.000Z', dueAt: due(0) }),
      ]);
      await enqueue(adapter, [], TENANT, [SENT('m-sent'), outboxUpdate('m-lease', 1, { dueAt: due(4) })]);
      await enqueue(adapter, [outboxRecord(OTHER_TENANT, 'm-0', { dueAt: due(0) })], OTHER_TENANT);
      const ids = async (options: ReadOutboxOptions) => (await adapter.readOutbox(TENANT, options)).map((m) => m.id);
      expect(await ids({ dueBy: due(5) }), 'expected the messages due by 05:00 (dueAt ≤ dueBy, a sent one has none), by dueAt then id').toEqual([
        'm-1',
        'm-3a',
        'm-3b',
        'm-lease',
        'm-5',
      ]);
      expect(await ids({ dueBy: '2021-12-07T02:59:59.999Z' }), 'expected only m-1 due before 03:00').toEqual(['m-1']);
      expect(await ids({ dueBy: '2021-12-06T23:00:00.000Z' }), 'expected nothing due before the first dueAt').toEqual([]);
      expect(await ids({ dueBy: due(5), limit: 2 }), 'expected the 2 soonest due').toEqual(['m-1', 'm-3a']);
      expect(await ids({ dueBy: due(5), status: 'sending' }), 'expected status and dueBy combined (AND): the lease that runs out at 04:00').toEqual(['m-lease']);
      expect(await ids({ dueBy: due(5), status: 'pending', limit: 3 }), 'expected the 3 soonest pending due by 05:00').toEqual(['m-1', 'm-3a', 'm-3b']);
      expect(await ids({ dueBy: due(23), status: 'sent' }), 'expected no sent message to be due (its dueAt is null)').toEqual([]);
      expect(await ids({ status: 'pending' }), 'expected readOutbox without dueBy to stay oldest first').toEqual(['m-5', 'm-3b', 'm-3a', 'm-1', 'm-9']);
    });

    it('does not reset a message’s delivery state when a later commit carries the same id', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      await enqueue(adapter, [], TENANT, [SENT('m-1')]);
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      expect(
        (await ctx.inspector().outbox(TENANT))[0],
        'expected the sent message to stay sent: the adapter wrote the re-committed message over it (an upsert instead of “ignore when the id exists”)',
      ).toMatchObject({ status: 'sent', version: 2, attempts: 1, providerMessageId: 'smtp-m-1' });
    });

    it('keeps tenants apart: the same id in two tenants is two messages, each updated alone', async () => {
      const adapter = ctx.adapter();
      await enqueue(adapter, [outboxRecord(TENANT, 'm-1')]);
      await enqueue(adapter, [outboxRecord(OTHER_TENANT, 'm-1', { body: 'Quảng Bình' })], OTHER_TENANT);
      await enqueue(adapter, [], OTHER_TENANT, [SENT('m-1')]);
      expect(await adapter.readOutbox(TENANT), 'expected tenant 42’s m-1 to be untouched by tenant 40’s update').toEqual([outboxRecord(TENANT, 'm-1')]);
      expect(await adapter.readOutbox(OTHER_TENANT)).toEqual([updatedMessage(outboxRecord(OTHER_TENANT, 'm-1', { body: 'Quảng Bình' }), SENT('m-1'))]);
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
