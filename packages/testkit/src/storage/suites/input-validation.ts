import { describe, expect, it } from 'vitest';
import { guardStorage } from '@pccovid-inspect/core/adapter-kit';
import type { GuardedStorage } from '@pccovid-inspect/core/adapter-kit';
import type { CommitBatch, OutboxRecord, PortalStatisticsRow, PutRequest, QueryRequest } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { LATER, OTHER_TENANT, TENANT, commitPut, commitRecords, expectRejection, outboxRecord, outboxUpdate, prepareBatch, putRequest, seedRecords } from '../internal/fixtures.js';

/** Each entry: a label and a put that is malformed in one way. */
const BAD_PUTS: [string, Partial<PutRequest> | (() => Partial<PutRequest>)][] = [
  ['a negative expectedVersion', { expectedVersion: -1 }],
  ['a fractional expectedVersion', { expectedVersion: 1.5 }],
  ['an empty id', { id: '' }],
  ['an empty collection', { collection: '' }],
  ['an index value that is an object', { indexes: { status: { nested: true } as unknown as string } }],
  ['an index value that is not finite', { indexes: { score: Number.POSITIVE_INFINITY } }],
  ['data holding a Date', { data: { at: new Date('2021-12-06T00:00:00Z') } }],
  ['data holding NaN', { data: { scans: Number.NaN } }],
  ['data holding a function', { data: { run: () => 1 } }],
  ['data holding a bigint', { data: { big: 10n } }],
  [
    'data with a cycle',
    () => {
      const data: Record<string, unknown> = { name: 'vòng' };
      data.self = data;
      return { data };
    },
  ],
  ['a missing updatedAt', { updatedAt: undefined as unknown as string }],
];

const BAD_QUERIES: [string, Partial<QueryRequest>][] = [
  ['limit 0', { limit: 0 }],
  ['limit 1001', { limit: 1001 }],
  ['a fractional limit', { limit: 2.5 }],
  ['an `in` filter that is not an array', { where: { status: { in: 'planned' as unknown as string[] } } }],
];

/** A small portal-statistics row. */
function row(overrides: Partial<PortalStatisticsRow> = {}): PortalStatisticsRow {
  return { tenantId: TENANT, targetId: 't-0', districtCode: '436', date: '2021-11-30', registeredPoints: 1, scans: 3, distinctVisitors: 2, ...overrides };
}

/**
 * @internal Core checks every request once, in `guardStorage`, before it reaches an adapter; so an
 * adapter need not re-check core's requests. This suite runs the adapter the way core does —
 * through `guardStorage(adapter)` — and checks that core accepts it, that everything it returns
 * passes core's result checks, that malformed requests are refused with VALIDATION_FAILED without
 * changing anything, and the one input only the adapter can check: its own query cursors.
 */
export function defineInputValidationSuite(ctx: SuiteContext): void {
  describe('malformed requests, through core’s guard (guardStorage)', { timeout: TEST_TIMEOUT_MS }, () => {
    const guarded = (): GuardedStorage => guardStorage(ctx.adapter());

    /** Everything the inspector sees of the tenant, to compare before and after. */
    const stateOf = async () => {
      const inspector = ctx.inspector();
      return {
        record: await inspector.record('visits', TENANT, 'v-1'),
        count: await inspector.countRecords('visits', TENANT),
        audit: await inspector.audit(TENANT),
        outbox: await inspector.outbox(TENANT),
      };
    };

    it('is accepted by core (contract version 2, every operation, well-formed capabilities), and every result passes core’s checks', async () => {
      let storage: GuardedStorage | undefined;
      expect(() => (storage = guarded()), 'expected core to accept the adapter (guardStorage / assertUsableStorage threw: see its message)').not.toThrow();
      const s = storage as GuardedStorage;
      const [created] = await commitRecords(s, TENANT, [putRequest({ id: 'v-1', indexes: { status: 'planned' } })], { outbox: [outboxRecord(TENANT, 'm-1')] });
      expect(created?.version, 'expected the commit through core’s guard to return v-1 at version 1').toBe(1);
      await commitPut(s, putRequest({ id: 'v-1', expectedVersion: 1, indexes: { status: 'underway' } }));
      expect(await s.get('visits', TENANT, 'v-1'), 'expected get through core’s guard to return v-1 at version 2').toMatchObject({ version: 2 });
      expect((await s.query({ collection: 'visits', tenantId: TENANT, where: { status: 'underway' } })).items.map((r) => r.id)).toEqual(['v-1']);
      expect((await s.readAudit(TENANT)).map((a) => a.seq)).toEqual([1, 2]);
      expect((await s.lastAudit(TENANT))?.seq).toBe(2);
      await commitRecords(s, TENANT, [], { outboxUpdates: [outboxUpdate('m-1', 1, { status: 'sent', dueAt: null, leaseOwner: null, providerMessageId: 'smtp-1' })] });
      expect(await s.readOutbox(TENANT, { status: 'sent' }), 'expected readOutbox through core’s guard to see the update').toMatchObject([{ id: 'm-1', version: 2 }]);
      expect(await s.readOutbox(TENANT, { dueBy: LATER }), 'expected readOutbox by due time through core’s guard (the sent message is not due)').toEqual([]);
      expect(await s.countBy({ collection: 'visits', tenantId: TENANT, groupBy: ['status'] }), 'expected countBy through core’s guard (native or paged)').toEqual({
        groups: [{ key: { status: 'underway' }, count: 1 }],
      });
      if (ctx.capabilities.portalStatistics) {
        expect(await s.insertPortalStatistics([row()])).toEqual({ inserted: 1 });
        expect(await s.summarizePortalStatistics(TENANT, { from: '2021-11-01', to: '2021-11-30' })).toHaveLength(1);
      }
    });

    it('refuses a batch holding a malformed put with VALIDATION_FAILED, and changes nothing', async () => {
      const s = guarded();
      await commitPut(s, putRequest({ data: { original: true } }));
      const before = await stateOf();
      for (const [label, bad] of BAD_PUTS) {
        const override = typeof bad === 'function' ? bad() : bad;
        await expectRejection(() => commitRecords(s, TENANT, [putRequest({ expectedVersion: 1, ...override })]), 'VALIDATION_FAILED', `a batch with a put with ${label}`);
        await expectRejection(
          () => commitRecords(s, TENANT, [putRequest({ id: 'v-ok' }), putRequest({ id: 'v-new', ...override })]),
          'VALIDATION_FAILED',
          `a batch whose second put has ${label}`,
        );
      }
      expect(await stateOf(), 'expected the refused batches to change nothing: no record, no audit event, no message').toEqual(before);
    });

    it('refuses malformed batches as a whole with VALIDATION_FAILED: two tenants, a record twice, an oversized put, a bad audit event, message or outbox update', async () => {
      const s = guarded();
      const limit = ctx.capabilities.maxRecordBytes;
      const base = await prepareBatch(s, TENANT, [putRequest({ id: 'v-1' })], { outbox: [outboxRecord(TENANT, 'm-1')] });
      const bad: [string, CommitBatch][] = [
        ['a put of another tenant', { ...base, puts: [...base.puts, putRequest({ id: 'v-2', tenantId: OTHER_TENANT })] }],
        ['the same record twice', { ...base, puts: [...base.puts, putRequest({ id: 'v-1', data: { again: true } })] }],
        ['an audit event of another tenant', { ...base, audit: { ...base.audit, tenantId: OTHER_TENANT } }],
        ['an audit seq of 0', { ...base, audit: { ...base.audit, seq: 0 } }],
        ['a fractional audit seq', { ...base, audit: { ...base.audit, seq: 1.5 } }],
        ['an audit event whose details hold a Date', { ...base, audit: { ...base.audit, details: { at: new Date() } } }],
        ['a message with an unknown status', { ...base, outbox: [{ ...outboxRecord(TENANT, 'm-2'), status: 'lost' as OutboxRecord['status'] }] }],
        ['a message with negative attempts', { ...base, outbox: [{ ...outboxRecord(TENANT, 'm-2'), attempts: -1 }] }],
        ['a message of another tenant', { ...base, outbox: [outboxRecord(OTHER_TENANT, 'm-2')] }],
        ['the same message id twice', { ...base, outbox: [outboxRecord(TENANT, 'm-2'), outboxRecord(TENANT, 'm-2', { body: 'again' })] }],
        ['a message at version 0', { ...base, outbox: [outboxRecord(TENANT, 'm-2', { version: 0 })] }],
        ['a pending message without dueAt', { ...base, outbox: [outboxRecord(TENANT, 'm-2', { dueAt: null })] }],
        ['a message whose fallbackChannels is not an array', { ...base, outbox: [{ ...outboxRecord(TENANT, 'm-2'), fallbackChannels: 'manual' as unknown as string[] }] }],
        ['an outbox update with an unknown status', { ...base, outboxUpdates: [outboxUpdate('m-0', 1, { status: 'delivered' as OutboxRecord['status'] })] }],
        ['an outbox update with negative attempts', { ...base, outboxUpdates: [outboxUpdate('m-0', 1, { attempts: -1 })] }],
        ['an outbox update at expectedVersion 0', { ...base, outboxUpdates: [outboxUpdate('m-0', 0)] }],
        ["an outbox update 'sending' without a lease owner", { ...base, outboxUpdates: [outboxUpdate('m-0', 1, { leaseOwner: null })] }],
        ['the same message updated twice', { ...base, outboxUpdates: [outboxUpdate('m-0', 1), outboxUpdate('m-0', 1, { leaseOwner: 'deliverer-2' })] }],
        ['no outboxUpdates array', { ...base, outboxUpdates: undefined as unknown as CommitBatch['outboxUpdates'] }],
      ];
      if (limit !== null)
        bad.push([`a put larger than capabilities.maxRecordBytes (${limit} bytes)`, { ...base, puts: [putRequest({ id: 'v-1', data: { blob: 'x'.repeat(limit + 1) } })] }]);
      for (const [label, batch] of bad) await expectRejection(() => s.commit(batch), 'VALIDATION_FAILED', `a batch with ${label}`);
      expect(await stateOf(), 'expected the refused batches to change nothing').toEqual({ record: null, count: 0, audit: [], outbox: [] });
      expect(await ctx.inspector().outbox(OTHER_TENANT), 'expected nothing written for the other tenant').toEqual([]);
      await s.commit(base);
      expect((await stateOf()).record?.version, 'expected the well-formed batch to commit after the refused ones').toBe(1);
    });

    it('refuses malformed reads with VALIDATION_FAILED', async () => {
      const s = guarded();
      await seedRecords(s, 3, () => ({ status: 'planned' }));
      await commitRecords(s, TENANT, [], { outbox: [outboxRecord(TENANT, 'm-1')] });
      const before = await stateOf();
      for (const [label, bad] of BAD_QUERIES) {
        await expectRejection(() => s.query({ collection: 'visits', tenantId: TENANT, ...bad }), 'VALIDATION_FAILED', `a query with ${label}`);
      }
      await expectRejection(() => s.readAudit(TENANT, { limit: 0 }), 'VALIDATION_FAILED', 'readAudit with limit 0');
      await expectRejection(() => s.readAudit(TENANT, { afterSeq: -1 }), 'VALIDATION_FAILED', 'readAudit after seq -1');
      await expectRejection(() => s.readOutbox(TENANT, { status: 'lost' as OutboxRecord['status'] }), 'VALIDATION_FAILED', 'readOutbox of an unknown status');
      await expectRejection(() => s.get('visits', TENANT, ''), 'VALIDATION_FAILED', 'get of an empty id');
      await expectRejection(() => s.readOutbox(TENANT, { dueBy: '' }), 'VALIDATION_FAILED', 'readOutbox due by an empty instant');
      await expectRejection(() => s.readOutbox(TENANT, { limit: 10_001 }), 'VALIDATION_FAILED', 'readOutbox of more than 10000 messages');
      await expectRejection(() => s.countBy({ collection: 'visits', tenantId: TENANT, groupBy: [] }), 'VALIDATION_FAILED', 'countBy with no groupBy field');
      expect(await stateOf(), 'expected the refused calls to change nothing').toEqual(before);
    });

    it('refuses a cursor that was never issued, or one from a query with another order, with VALIDATION_FAILED (the adapter’s own check)', async () => {
      const s = guarded();
      await seedRecords(s, 5, (i) => ({ score: i }));
      await expectRejection(() => s.query({ collection: 'visits', tenantId: TENANT, cursor: 'not-a-cursor' }), 'VALIDATION_FAILED', 'a query with a cursor that was never issued');
      const page = await s.query({ collection: 'visits', tenantId: TENANT, limit: 2, orderBy: { field: 'score' } });
      expect(page.nextCursor, 'expected a next cursor after the first page of 2 of 5').not.toBeNull();
      await expectRejection(
        () => s.query({ collection: 'visits', tenantId: TENANT, limit: 2, cursor: page.nextCursor, orderBy: { field: 'score', direction: 'desc' } }),
        'VALIDATION_FAILED',
        'a query with a cursor issued for the opposite order',
      );
    });

    it.skipIf(!ctx.capabilities.portalStatistics)(
      ctx.capabilities.portalStatistics
        ? 'refuses a bad portal-statistics row (VALIDATION_FAILED at its index) or range, inserting nothing of the call'
        : 'refuses bad portal-statistics rows — skipped: the adapter declares capabilities.portalStatistics = false',
      async () => {
        const s = guarded();
        await s.insertPortalStatistics([row()]);
        const bad: Partial<PortalStatisticsRow>[] = [
          { date: '2021-13-01' },
          { date: '1/12/2021' },
          { scans: -1 },
          { scans: 2.5 },
          { registeredPoints: Number.NaN },
          { targetId: '' },
          { distinctVisitors: '3' as unknown as number },
        ];
        for (const override of bad) {
          const rows = Array.from({ length: 50 }, (_, i) => row({ targetId: `t-${i + 1}`, ...(i === 43 ? override : {}) }));
          const error = await expectRejection(() => s.insertPortalStatistics(rows), 'VALIDATION_FAILED', `rows whose 44th has ${JSON.stringify(override)}`);
          expect((error as { issues?: { path: unknown[] }[] }).issues?.[0]?.path[0], 'expected the issue to name the bad row’s index (43)').toBe(43);
        }
        await expectRejection(() => s.summarizePortalStatistics(TENANT, { from: '2021-12-1', to: '2021-12-31' }), 'VALIDATION_FAILED', 'a range from 2021-12-1');
        await expectRejection(() => s.summarizePortalStatistics(TENANT, { from: '2021-12-01', to: 'tomorrow' }), 'VALIDATION_FAILED', 'a range to "tomorrow"');
        expect(await ctx.inspector().countPortalStatistics?.(TENANT), 'expected the refused calls to insert nothing').toBe(1);
      },
    );
  });
}
