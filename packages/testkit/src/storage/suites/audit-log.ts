import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import type { StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { HEAVY_TEST_TIMEOUT_MS, TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT, auditRecord, commitPut, commitRecords, expectConflict, prepareBatch, putRequest } from '../internal/fixtures.js';

/** Commits `count` audit-only batches (fake hashes: adapters store hashes, they do not check them). */
async function appendMany(adapter: StorageAdapter, tenantId: string, count: number, from = 1): Promise<void> {
  for (let seq = from; seq < from + count; seq++) await adapter.commit({ tenantId, puts: [], audit: auditRecord(tenantId, seq), outbox: [], outboxUpdates: [] });
}

/** @internal the append-only, per-tenant audit chain, written one event per commit. */
export function defineAuditLogSuite(ctx: SuiteContext): void {
  describe('audit log (append-only chain)', { timeout: TEST_TIMEOUT_MS }, () => {
    it('stores the event of each commit, seq 1, 2, 3, and reads them back ascending, deep-equal (mac included), the hash chain intact', async () => {
      const adapter = ctx.adapter();
      const events = [];
      for (const seq of [1, 2, 3]) {
        const batch = await prepareBatch(adapter, TENANT, [putRequest({ id: `v-${seq}` })], {
          audit: { details: { nested: { list: [seq, null] }, note: 'Đạt' }, ...(seq === 2 ? { mac: 'a'.repeat(64) } : {}) },
        });
        await adapter.commit(batch);
        events.push(batch.audit);
      }
      expect(await adapter.readAudit(TENANT), 'expected readAudit to return the 3 committed events, ascending and deep-equal').toEqual(events);
      expect(await ctx.inspector().audit(TENANT), 'expected the 3 committed events to be stored unchanged').toEqual(events);
      expect(await verifyAuditChain(await adapter.readAudit(TENANT)), 'expected the stored chain to verify (hashes and links unchanged)').toEqual({ ok: true, count: 3 });
    });

    it('refuses a first commit whose audit seq is not 1 with CONFLICT naming "audit"', async () => {
      const adapter = ctx.adapter();
      await expectConflict(
        () => adapter.commit({ tenantId: TENANT, puts: [putRequest()], audit: auditRecord(TENANT, 2), outbox: [], outboxUpdates: [] }),
        'a first commit at audit seq 2',
        {
          collection: 'audit',
        },
      );
      expect(await ctx.inspector().audit(TENANT), 'expected the refused commit to store no event').toEqual([]);
      expect(await ctx.inspector().record('visits', TENANT, 'v-1'), 'expected the refused commit to store none of its puts').toBeNull();
    });

    it('refuses a gap or a duplicate seq with CONFLICT and keeps the stored chain unchanged', async () => {
      const adapter = ctx.adapter();
      await appendMany(adapter, TENANT, 2);
      const before = await ctx.inspector().audit(TENANT);
      const commitAt =
        (seq: number, extra = {}) =>
        () =>
          adapter.commit({ tenantId: TENANT, puts: [], audit: auditRecord(TENANT, seq, extra), outbox: [], outboxUpdates: [] });
      await expectConflict(commitAt(4), 'a commit at audit seq 4 after 2 (a gap)', { collection: 'audit' });
      await expectConflict(commitAt(2, { action: 'visit.close', hash: 'forged' }), 'a commit at audit seq 2 after 2 (a duplicate)', { collection: 'audit' });
      await expectConflict(commitAt(1, { hash: 'forged' }), 'a commit at audit seq 1 after 2 (a rewrite of history)', { collection: 'audit' });
      expect(await ctx.inspector().audit(TENANT), 'expected the refused commits to leave the stored chain unchanged').toEqual(before);
      await commitAt(3)();
      expect(
        (await ctx.inspector().audit(TENANT)).map((a) => a.seq),
        'expected the commit at seq 3 to land after the refused ones',
      ).toEqual([1, 2, 3]);
    });

    it('reads after a seq and at most `limit` events', async () => {
      const adapter = ctx.adapter();
      await appendMany(adapter, TENANT, 10);
      expect((await adapter.readAudit(TENANT, { afterSeq: 7 })).map((a) => a.seq)).toEqual([8, 9, 10]);
      expect((await adapter.readAudit(TENANT, { afterSeq: 2, limit: 3 })).map((a) => a.seq)).toEqual([3, 4, 5]);
      expect((await adapter.readAudit(TENANT, { limit: 2 })).map((a) => a.seq)).toEqual([1, 2]);
      expect(await adapter.readAudit(TENANT, { afterSeq: 10 })).toEqual([]);
      expect(await adapter.readAudit('nobody'), 'expected a tenant without events to read none').toEqual([]);
    });

    it(
      'reads at most 1000 events by default',
      async () => {
        const adapter = ctx.adapter();
        await appendMany(adapter, TENANT, 1003);
        const firstPage = await adapter.readAudit(TENANT);
        expect(firstPage, 'expected readAudit without a limit to return the first 1000 events').toHaveLength(1000);
        expect(firstPage[999]?.seq).toBe(1000);
        expect((await adapter.readAudit(TENANT, { afterSeq: 1000 })).map((a) => a.seq)).toEqual([1001, 1002, 1003]);
      },
      HEAVY_TEST_TIMEOUT_MS,
    );

    it('returns the last event, or null when the tenant has none', async () => {
      const adapter = ctx.adapter();
      expect(await adapter.lastAudit(TENANT), 'expected lastAudit of a tenant without events to be null').toBeNull();
      await appendMany(adapter, TENANT, 4);
      expect(await adapter.lastAudit(TENANT), 'expected lastAudit to be the event of seq 4').toEqual(auditRecord(TENANT, 4));
    });

    it('keeps one independent chain per tenant', async () => {
      const adapter = ctx.adapter();
      await appendMany(adapter, TENANT, 3);
      await commitPut(adapter, putRequest({ tenantId: OTHER_TENANT }));
      await expectConflict(
        () => adapter.commit({ tenantId: OTHER_TENANT, puts: [], audit: auditRecord(OTHER_TENANT, 4), outbox: [], outboxUpdates: [] }),
        'tenant 40’s commit at seq 4 (its own chain is at 1, tenant 42’s at 3)',
        { collection: 'audit' },
      );
      expect((await adapter.readAudit(OTHER_TENANT)).map((a) => [a.tenantId, a.seq])).toEqual([[OTHER_TENANT, 1]]);
      expect((await adapter.lastAudit(TENANT))?.seq, 'expected tenant 42’s chain untouched by tenant 40’s').toBe(3);
      expect((await ctx.inspector().audit(OTHER_TENANT)).map((a) => a.seq)).toEqual([1]);
    });

    it('does not let callers change stored events through the objects they pass in or get back', async () => {
      const adapter = ctx.adapter();
      const record = auditRecord(TENANT, 1);
      await adapter.commit({ tenantId: TENANT, puts: [], audit: record, outbox: [], outboxUpdates: [] });
      record.details.to = 'tampered';
      record.actor.id = 'tampered';
      const [read] = await adapter.readAudit(TENANT);
      if (read) read.details.to = 'tampered';
      const last = await adapter.lastAudit(TENANT);
      if (last) last.subject.id = 'tampered';
      const shared = 'expected stored events not to change when callers mutate the objects they passed in or got back (the adapter shares objects instead of copying)';
      expect(await adapter.readAudit(TENANT), shared).toEqual([auditRecord(TENANT, 1)]);
      expect(await ctx.inspector().audit(TENANT), shared).toEqual([auditRecord(TENANT, 1)]);
    });

    it('keeps the chain when commits are chained one after another by the core helper', async () => {
      const adapter = ctx.adapter();
      for (let i = 0; i < 12; i++) await commitRecords(adapter, TENANT, [putRequest({ id: `v-${i}` })]);
      expect(await verifyAuditChain(await adapter.readAudit(TENANT)), 'expected 12 chained commits to leave a log that verifies').toEqual({ ok: true, count: 12 });
    });
  });
}
