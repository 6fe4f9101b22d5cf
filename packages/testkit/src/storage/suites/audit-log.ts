import { describe, expect, it } from 'vitest';
import type { StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT, auditRecord, expectRejection } from '../internal/fixtures.js';

async function appendMany(adapter: StorageAdapter, tenantId: string, count: number): Promise<void> {
  await adapter.transaction(async (tx) => {
    for (let seq = 1; seq <= count; seq++) await tx.appendAudit(auditRecord(tenantId, seq));
  });
}

/** @internal the append-only, per-tenant audit chain. */
export function defineAuditLogSuite(ctx: SuiteContext): void {
  describe('audit log (append-only chain)', () => {
    it('appends seq 1, 2, 3 and reads them back ascending and deep-equal', async () => {
      const adapter = ctx.adapter();
      const records = [1, 2, 3].map((seq) => auditRecord(TENANT, seq, { details: { nested: { list: [seq, null] }, note: 'Đạt' } }));
      for (const record of records) await adapter.appendAudit(record);
      expect(await adapter.readAudit(TENANT)).toEqual(records);
      expect(await ctx.inspector().audit(TENANT)).toEqual(records);
    });

    it('rejects a first append whose seq is not 1 with CONFLICT', async () => {
      await expectRejection(() => ctx.adapter().appendAudit(auditRecord(TENANT, 2)), 'CONFLICT');
      await expectRejection(() => ctx.adapter().appendAudit(auditRecord(TENANT, 0)), 'CONFLICT');
      expect(await ctx.inspector().audit(TENANT)).toEqual([]);
    });

    it('rejects a gap or a duplicate seq with CONFLICT and keeps the stored chain unchanged', async () => {
      const adapter = ctx.adapter();
      await appendMany(adapter, TENANT, 2);
      const before = await ctx.inspector().audit(TENANT);
      await expectRejection(() => adapter.appendAudit(auditRecord(TENANT, 4)), 'CONFLICT');
      await expectRejection(() => adapter.appendAudit(auditRecord(TENANT, 2, { action: 'visit.close', hash: 'forged' })), 'CONFLICT');
      await expectRejection(() => adapter.appendAudit(auditRecord(TENANT, 1, { hash: 'forged' })), 'CONFLICT');
      expect(await ctx.inspector().audit(TENANT)).toEqual(before);
      await adapter.appendAudit(auditRecord(TENANT, 3));
      expect((await ctx.inspector().audit(TENANT)).map((a) => a.seq)).toEqual([1, 2, 3]);
    });

    it('reads after a seq and at most `limit` records', async () => {
      const adapter = ctx.adapter();
      await appendMany(adapter, TENANT, 10);
      expect((await adapter.readAudit(TENANT, { afterSeq: 7 })).map((a) => a.seq)).toEqual([8, 9, 10]);
      expect((await adapter.readAudit(TENANT, { afterSeq: 2, limit: 3 })).map((a) => a.seq)).toEqual([3, 4, 5]);
      expect((await adapter.readAudit(TENANT, { limit: 2 })).map((a) => a.seq)).toEqual([1, 2]);
      expect(await adapter.readAudit(TENANT, { afterSeq: 10 })).toEqual([]);
      expect(await adapter.readAudit('nobody')).toEqual([]);
    });

    it('reads at most 1000 records by default', async () => {
      const adapter = ctx.adapter();
      await appendMany(adapter, TENANT, 1003);
      const firstPage = await adapter.readAudit(TENANT);
      expect(firstPage).toHaveLength(1000);
      expect(firstPage[999]?.seq).toBe(1000);
      expect((await adapter.readAudit(TENANT, { afterSeq: 1000 })).map((a) => a.seq)).toEqual([1001, 1002, 1003]);
    });

    it('returns the last record, or null when the tenant has none', async () => {
      const adapter = ctx.adapter();
      expect(await adapter.lastAudit(TENANT)).toBeNull();
      await appendMany(adapter, TENANT, 4);
      expect(await adapter.lastAudit(TENANT)).toEqual(auditRecord(TENANT, 4));
    });

    it('keeps one independent chain per tenant', async () => {
      const adapter = ctx.adapter();
      await appendMany(adapter, TENANT, 3);
      await adapter.appendAudit(auditRecord(OTHER_TENANT, 1));
      await expectRejection(() => adapter.appendAudit(auditRecord(OTHER_TENANT, 4)), 'CONFLICT');
      expect((await adapter.readAudit(OTHER_TENANT)).map((a) => [a.tenantId, a.seq])).toEqual([[OTHER_TENANT, 1]]);
      expect((await adapter.lastAudit(TENANT))?.seq).toBe(3);
      expect(await ctx.inspector().audit(OTHER_TENANT)).toEqual([auditRecord(OTHER_TENANT, 1)]);
    });

    it('does not let callers change stored events through the objects they pass in or get back', async () => {
      const adapter = ctx.adapter();
      const record = auditRecord(TENANT, 1);
      await adapter.appendAudit(record);
      record.details.to = 'tampered';
      record.actor.id = 'tampered';
      const [read] = await adapter.readAudit(TENANT);
      if (read) read.details.to = 'tampered';
      expect(await adapter.readAudit(TENANT)).toEqual([auditRecord(TENANT, 1)]);
      expect(await ctx.inspector().audit(TENANT)).toEqual([auditRecord(TENANT, 1)]);
    });
  });
}
