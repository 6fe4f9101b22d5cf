import { describe, expect, it } from 'vitest';
import type { PutRequest } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import {
  AT,
  LATER,
  OTHER_TENANT,
  TENANT,
  commitPut,
  commitRecords,
  expectConflict,
  outboxRecord,
  outboxUpdate,
  prepareBatch,
  putRequest,
  updatedMessage,
} from '../internal/fixtures.js';
import {
  expectOneClaimWins,
  expectOneWinnerAmongConcurrentCommits,
  expectOutboxUpdatesAndCommitsAllLand,
  expectStaleAuditWritesNothing,
  expectStaleOutboxUpdateWritesNothing,
  expectStalePutWritesNothing,
} from '../internal/commit-checks.js';

const COLLECTIONS = ['visits', 'campaigns', 'remediations'] as const;

/** @internal commit(batch): all or nothing, versions, the audit seq, idempotent outbox, outbox updates by version, order of results. */
export function defineCommitsSuite(ctx: SuiteContext): void {
  describe('atomic commits', { timeout: TEST_TIMEOUT_MS }, () => {
    it('commits many puts across collections, the audit event and the messages of one batch, and returns the records in the order of the puts at expectedVersion + 1', async () => {
      const adapter = ctx.adapter();
      // Records at versions 1 and 2 first, to update in the big batch.
      await commitRecords(adapter, TENANT, [putRequest({ id: 'u-1', collection: 'campaigns' }), putRequest({ id: 'u-2', collection: 'remediations' })]);
      await commitPut(adapter, putRequest({ id: 'u-2', collection: 'remediations', expectedVersion: 1 }));
      const puts: PutRequest[] = [];
      for (let i = 0; i < 30; i++) {
        const collection = COLLECTIONS[i % 3] as string;
        puts.push(putRequest({ collection, id: `b-${String(29 - i).padStart(2, '0')}`, data: { i, name: 'Trạm Y tế xã Thạch Trung' }, indexes: { i, even: i % 2 === 0 } }));
      }
      puts.splice(7, 0, putRequest({ collection: 'campaigns', id: 'u-1', expectedVersion: 1, data: { updated: true } }));
      puts.splice(19, 0, putRequest({ collection: 'remediations', id: 'u-2', expectedVersion: 2, data: { updated: true } }));
      const messages = [outboxRecord(TENANT, 'm-1'), outboxRecord(TENANT, 'm-2', { channel: 'zalo' })];
      const batch = await prepareBatch(adapter, TENANT, puts, { outbox: messages });
      const stored = await adapter.commit(batch);
      expect(
        stored.map((r) => `${r.collection}/${r.id}@${r.version}`),
        'expected commit to return one stored record per put, in the order of the puts, each at expectedVersion + 1',
      ).toEqual(puts.map((p) => `${p.collection}/${p.id}@${p.expectedVersion + 1}`));
      stored.forEach((record, i) => {
        const put = puts[i] as PutRequest;
        expect(record, `expected the returned record ${put.collection}/${put.id} to carry the data, indexes and updatedAt of its put`).toEqual({
          collection: put.collection,
          tenantId: TENANT,
          id: put.id,
          version: put.expectedVersion + 1,
          data: put.data,
          indexes: put.indexes,
          updatedAt: AT,
        });
      });
      const inspector = ctx.inspector();
      for (const put of puts) {
        expect(await inspector.record(put.collection, TENANT, put.id), `expected ${put.collection}/${put.id} of the committed batch to be stored`).toMatchObject({
          version: put.expectedVersion + 1,
          data: put.data,
        });
      }
      expect((await inspector.audit(TENANT)).at(-1), 'expected the batch’s audit event to be stored, unchanged, as the last of the log').toEqual(batch.audit);
      expect(await inspector.outbox(TENANT), 'expected the batch’s outbox messages to be stored, unchanged').toEqual(messages);
    });

    it('lets every read see the whole batch once commit resolves (get, query, lastAudit, readAudit, readOutbox)', async () => {
      const adapter = ctx.adapter();
      const batch = await prepareBatch(adapter, TENANT, [putRequest({ id: 'v-1', indexes: { status: 'underway' } }), putRequest({ id: 'v-2', indexes: { status: 'underway' } })], {
        outbox: [outboxRecord(TENANT, 'm-1')],
      });
      await adapter.commit(batch);
      expect(await adapter.get('visits', TENANT, 'v-2'), 'expected get after commit to see the batch’s create of v-2').toMatchObject({ version: 1 });
      expect(
        (await adapter.query({ collection: 'visits', tenantId: TENANT, where: { status: 'underway' } })).items.map((r) => r.id),
        'expected query after commit to see both puts of the batch',
      ).toEqual(['v-1', 'v-2']);
      expect(await adapter.lastAudit(TENANT), 'expected lastAudit after commit to be the batch’s event').toEqual(batch.audit);
      expect(await adapter.readAudit(TENANT), 'expected readAudit after commit to hold the batch’s event').toEqual([batch.audit]);
      expect(await adapter.readOutbox(TENANT), 'expected readOutbox after commit to hold the batch’s message').toEqual(batch.outbox);
    });

    it('writes nothing of a batch with one stale put (no record, no audit event, no message) and fails with CONFLICT naming that record', async () => {
      await expectStalePutWritesNothing(ctx.adapter(), ctx.inspector());
    });

    it('writes nothing of a batch whose audit seq is taken or leaves a gap, and fails with CONFLICT naming collection "audit"', async () => {
      await expectStaleAuditWritesNothing(ctx.adapter(), ctx.inspector());
    });

    it('refuses a create (expectedVersion 0) of an existing record, and an update of a missing one, with CONFLICT, writing nothing of the batch', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ id: 'v-1', data: { first: true } }));
      const create = await expectConflict(
        () => commitRecords(adapter, TENANT, [putRequest({ id: 'v-new' }), putRequest({ id: 'v-1', data: { second: true } })]),
        'a batch that creates (expectedVersion 0) the existing v-1',
        { collection: 'visits', id: 'v-1' },
      );
      expect(create, 'expected the ConflictError to report expectedVersion 0 and actualVersion 1').toMatchObject({ expectedVersion: 0, actualVersion: 1 });
      const missing = await expectConflict(
        () => commitRecords(adapter, TENANT, [putRequest({ id: 'v-new' }), putRequest({ id: 'v-missing', expectedVersion: 3 })]),
        'a batch that updates (expectedVersion 3) the missing v-missing',
        { collection: 'visits', id: 'v-missing' },
      );
      expect(missing, 'expected the ConflictError to report expectedVersion 3 and actualVersion null (missing)').toMatchObject({ expectedVersion: 3, actualVersion: null });
      const inspector = ctx.inspector();
      expect(await inspector.record('visits', TENANT, 'v-1'), 'expected the refused create to leave the first v-1 in place').toMatchObject({ version: 1, data: { first: true } });
      expect(await inspector.record('visits', TENANT, 'v-new'), 'expected the refused batches to write nothing of v-new').toBeNull();
      expect(await inspector.record('visits', TENANT, 'v-missing'), 'expected the refused update to create nothing').toBeNull();
      expect((await inspector.audit(TENANT)).length, 'expected the refused batches to append no audit event').toBe(1);
    });

    it('ignores an outbox message whose id exists, keeping the first and its delivery state, and commits the rest of the batch', async () => {
      const adapter = ctx.adapter();
      await commitRecords(adapter, TENANT, [], { outbox: [outboxRecord(TENANT, 'm-1', { body: 'first' })] });
      await commitRecords(adapter, TENANT, [], { outboxUpdates: [outboxUpdate('m-1', 1, { status: 'sent', dueAt: null, leaseOwner: null, providerMessageId: 'smtp-1' })] });
      await commitRecords(adapter, TENANT, [putRequest({ id: 'v-1' })], { outbox: [outboxRecord(TENANT, 'm-1', { body: 'second' }), outboxRecord(TENANT, 'm-2')] });
      const inspector = ctx.inspector();
      expect(
        (await inspector.outbox(TENANT)).map((m) => [m.id, m.body, m.status]),
        'expected the message whose id existed to be ignored (first body, still sent) and the new one added',
      ).toEqual([
        ['m-1', 'first', 'sent'],
        ['m-2', outboxRecord(TENANT, 'm-2').body, 'pending'],
      ]);
      expect(await inspector.record('visits', TENANT, 'v-1'), 'expected the rest of the batch (the put of v-1) to be committed').toMatchObject({ version: 1 });
    });

    it('commits a batch without puts (an audit event and messages only)', async () => {
      const adapter = ctx.adapter();
      const stored = await commitRecords(adapter, TENANT, [], { outbox: [outboxRecord(TENANT, 'm-1')] });
      expect(stored, 'expected a batch without puts to return no records').toEqual([]);
      expect(
        (await ctx.inspector().audit(TENANT)).map((a) => a.seq),
        'expected the event of a batch without puts to be stored',
      ).toEqual([1]);
      expect(
        (await ctx.inspector().outbox(TENANT)).map((m) => m.id),
        'expected the message of a batch without puts to be stored',
      ).toEqual(['m-1']);
    });

    it('keeps each tenant’s versions and audit seq apart', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ id: 'v-1' }));
      await commitPut(adapter, putRequest({ id: 'v-1', expectedVersion: 1 }));
      const other = await commitPut(adapter, putRequest({ id: 'v-1', tenantId: OTHER_TENANT }));
      expect(other.version, 'expected tenant 40’s create of v-1 to be version 1, apart from tenant 42’s v-1').toBe(1);
      expect(
        (await ctx.inspector().audit(OTHER_TENANT)).map((a) => a.seq),
        'expected tenant 40’s first event to be seq 1 (one chain per tenant)',
      ).toEqual([1]);
      expect((await ctx.inspector().audit(TENANT)).map((a) => a.seq)).toEqual([1, 2]);
    });

    it('stays usable after refused batches: the next valid batch commits', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ id: 'v-1' }));
      await expectConflict(() => commitPut(adapter, putRequest({ id: 'v-1', expectedVersion: 5 })), 'a stale put', { collection: 'visits', id: 'v-1' });
      const head = await prepareBatch(adapter, TENANT, []);
      await expectConflict(() => adapter.commit({ ...head, audit: { ...head.audit, seq: 9 } }), 'a gap in the audit seq', { collection: 'audit' });
      const next = await commitPut(adapter, putRequest({ id: 'v-1', expectedVersion: 1, data: { next: true } }));
      expect(next.version, 'expected the valid batch after two refused ones to commit v-1 at version 2').toBe(2);
      expect(
        (await ctx.inspector().audit(TENANT)).map((a) => a.seq),
        'expected the log to continue at seq 2 after the refused batches',
      ).toEqual([1, 2]);
    });

    it('lets exactly one of two concurrent commits of one record at the same version land; the other fails with CONFLICT naming it', async () => {
      await expectOneWinnerAmongConcurrentCommits(ctx.adapter(), ctx.inspector(), 2);
    });

    it('applies the outbox updates of a batch with its puts, audit event and messages, each at expectedVersion + 1, keeping the other fields', async () => {
      const adapter = ctx.adapter();
      const [m1, m2] = [outboxRecord(TENANT, 'm-1'), outboxRecord(TENANT, 'm-2', { fallbackChannels: ['manual'] })];
      await commitRecords(adapter, TENANT, [], { outbox: [m1, m2] });
      const claim = outboxUpdate('m-1', 1);
      const refusal = outboxUpdate('m-2', 1, { status: 'pending', channel: 'manual', attempts: 3, dueAt: LATER, leaseOwner: null, lastError: 'NOTIFICATION_FAILED: HTTP 410' });
      await commitRecords(adapter, TENANT, [putRequest({ id: 'v-1' })], { outbox: [outboxRecord(TENANT, 'm-3')], outboxUpdates: [claim, refusal] });
      const inspector = ctx.inspector();
      expect(await inspector.outbox(TENANT), 'expected each update applied (its fields set, version 2, every other field kept) and the new message stored').toEqual([
        updatedMessage(m1, claim),
        updatedMessage(m2, refusal),
        outboxRecord(TENANT, 'm-3'),
      ]);
      expect(await inspector.record('visits', TENANT, 'v-1'), 'expected the put of the same batch committed').toMatchObject({ version: 1 });
      const sent = outboxUpdate('m-1', 2, { status: 'sent', dueAt: null, leaseOwner: null, providerMessageId: 'smtp-1' });
      await commitRecords(adapter, TENANT, [], { outboxUpdates: [sent] });
      expect((await inspector.outbox(TENANT))[0], 'expected a second update (read at version 2) to land at version 3').toEqual(updatedMessage(updatedMessage(m1, claim), sent));
    });

    it('writes nothing of a batch with a stale outbox update, or one of a missing message, and fails with CONFLICT naming collection "outbox" and the message', async () => {
      await expectStaleOutboxUpdateWritesNothing(ctx.adapter(), ctx.inspector());
    });

    it('lets exactly one of two concurrent commits claiming the same outbox message land; the other fails with CONFLICT naming it', async () => {
      await expectOneClaimWins(ctx.adapter(), ctx.inspector(), 2);
    });

    it('loses neither an outbox update nor a new message when commits of both race', async () => {
      await expectOutboxUpdatesAndCommitsAllLand(ctx.adapter(), ctx.inspector(), 2);
    });
  });
}
