import type { AuditRecord, IndexValue, OutboxRecord } from '@pccovid-inspect/core';
import type { InspectedRecord, StorageInspector } from '@pccovid-inspect/testkit/storage';
import type { TestDatabase } from './test-database.js';

/**
 * The conformance kit's backdoor for the PostgreSQL adapter: plain SQL on a second pool, as the
 * server's superuser (row-level security does not apply), reading the tables directly. It sees
 * only committed rows.
 */
export function inspectPostgres(db: TestDatabase): StorageInspector {
  return {
    async record(collection, tenantId, id): Promise<InspectedRecord | null> {
      const [row] = await db.sql<{ version: number; data: unknown; indexes: Record<string, IndexValue>; updated_at: string }>(
        'SELECT version, data, indexes, updated_at FROM pccovid.records WHERE tenant_id = $1 AND collection = $2 AND id = $3',
        [tenantId, collection, id],
      );
      return row ? { version: row.version, data: row.data, indexes: row.indexes, updatedAt: row.updated_at } : null;
    },
    countRecords: async (collection, tenantId) =>
      (await db.sql<{ n: number }>('SELECT COUNT(*)::integer AS n FROM pccovid.records WHERE tenant_id = $1 AND collection = $2', [tenantId, collection]))[0]?.n ?? 0,
    audit: async (tenantId) => (await db.sql<{ record: AuditRecord }>('SELECT record FROM pccovid.audit_log WHERE tenant_id = $1 ORDER BY seq', [tenantId])).map((r) => r.record),
    outbox: async (tenantId) =>
      (await db.sql<{ record: OutboxRecord }>('SELECT record FROM pccovid.outbox WHERE tenant_id = $1 ORDER BY created_at, id', [tenantId])).map((r) => r.record),
    countPortalStatistics: async (tenantId) =>
      (await db.sql<{ n: number }>('SELECT COUNT(*)::integer AS n FROM pccovid.portal_statistics WHERE tenant_id = $1', [tenantId]))[0]?.n ?? 0,
  };
}

/** Empties every table of the adapter's schema (when it exists), as between two tests. */
export async function truncateAll(db: TestDatabase): Promise<void> {
  const [state] = await db.sql<{ ready: boolean }>("SELECT to_regclass('pccovid.tenants') IS NOT NULL AS ready");
  if (state?.ready) {
    await db.sql('TRUNCATE pccovid.record_indexes, pccovid.records, pccovid.audit_log, pccovid.outbox, pccovid.portal_statistics, pccovid.tenants');
  }
}
