import { describe, expect, it } from 'vitest';
import type { PutRequest, QueryRequest } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TENANT, auditRecord, expectRejection, outboxRecord, putRequest, seedRecords } from '../internal/fixtures.js';

/** Each entry: a label and a put request that is malformed in one way. */
const BAD_PUTS: [string, Partial<PutRequest> | (() => Partial<PutRequest>)][] = [
  ['a negative expectedVersion', { expectedVersion: -1 }],
  ['a fractional expectedVersion', { expectedVersion: 1.5 }],
  ['an empty id', { id: '' }],
  ['a tenantId that is not a string', { tenantId: 42 as unknown as string }],
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
  ['a cursor that was never issued', { cursor: 'not-a-cursor' }],
  ['an `in` filter that is not an array', { where: { status: { in: 'planned' as unknown as string[] } } }],
  ['an orderBy direction that is unknown', { orderBy: { field: 'status', direction: 'up' as 'asc' } }],
];

/** @internal malformed input: a typed VALIDATION_FAILED error and nothing changed. */
export function defineInputValidationSuite(ctx: SuiteContext): void {
  describe('rejection of malformed input', () => {
    for (const [label, bad] of BAD_PUTS) {
      it(`rejects a put with ${label} with VALIDATION_FAILED and changes nothing`, async () => {
        const adapter = ctx.adapter();
        await adapter.put(putRequest({ data: { original: true } }));
        const before = await ctx.inspector().record('visits', TENANT, 'v-1');
        const override = typeof bad === 'function' ? bad() : bad;
        await expectRejection(() => adapter.put(putRequest({ expectedVersion: 1, ...override })), 'VALIDATION_FAILED');
        await expectRejection(() => adapter.put(putRequest({ id: 'v-new', ...override })), 'VALIDATION_FAILED');
        expect(await ctx.inspector().record('visits', TENANT, 'v-1')).toEqual(before);
        expect(await ctx.inspector().countRecords('visits', TENANT)).toBe(1);
      });
    }

    for (const [label, bad] of BAD_QUERIES) {
      it(`rejects a query with ${label} with VALIDATION_FAILED`, async () => {
        await seedRecords(ctx.adapter(), 3, () => ({ status: 'planned' }));
        await expectRejection(() => ctx.adapter().query({ collection: 'visits', tenantId: TENANT, ...bad }), 'VALIDATION_FAILED');
      });
    }

    it('rejects a cursor from a query with another order with VALIDATION_FAILED', async () => {
      const adapter = ctx.adapter();
      await seedRecords(adapter, 5, (i) => ({ score: i }));
      const page = await adapter.query({ collection: 'visits', tenantId: TENANT, limit: 2, orderBy: { field: 'score' } });
      expect(page.nextCursor).not.toBeNull();
      await expectRejection(
        () => adapter.query({ collection: 'visits', tenantId: TENANT, limit: 2, cursor: page.nextCursor, orderBy: { field: 'score', direction: 'desc' } }),
        'VALIDATION_FAILED',
      );
    });

    it('rejects an audit record with a non-integer seq or bad fields with VALIDATION_FAILED', async () => {
      const adapter = ctx.adapter();
      await expectRejection(() => adapter.appendAudit(auditRecord(TENANT, 1.5)), 'VALIDATION_FAILED');
      await expectRejection(() => adapter.appendAudit({ ...auditRecord(TENANT, 1), tenantId: '' }), 'VALIDATION_FAILED');
      await expectRejection(() => adapter.appendAudit({ ...auditRecord(TENANT, 1), details: { at: new Date() } }), 'VALIDATION_FAILED');
      await expectRejection(() => adapter.readAudit(TENANT, { limit: 0 }), 'VALIDATION_FAILED');
      await expectRejection(() => adapter.readAudit(TENANT, { afterSeq: -1 }), 'VALIDATION_FAILED');
      expect(await ctx.inspector().audit(TENANT)).toEqual([]);
    });

    it('rejects a malformed outbox batch as a whole with VALIDATION_FAILED', async () => {
      const adapter = ctx.adapter();
      const good = outboxRecord(TENANT, 'm-1');
      await expectRejection(() => adapter.enqueueOutbox([good, { ...outboxRecord(TENANT, 'm-2'), status: 'lost' as 'sent' }]), 'VALIDATION_FAILED');
      await expectRejection(() => adapter.enqueueOutbox([good, { ...outboxRecord(TENANT, 'm-3'), attempts: -1 }]), 'VALIDATION_FAILED');
      expect(await ctx.inspector().outbox(TENANT)).toEqual([]);
      await adapter.enqueueOutbox([good]);
      await expectRejection(() => adapter.markOutbox(TENANT, 'm-1', { status: 'delivered' as 'sent', attempts: 1 }), 'VALIDATION_FAILED');
      expect(await ctx.inspector().outbox(TENANT)).toEqual([good]);
    });
  });
}
