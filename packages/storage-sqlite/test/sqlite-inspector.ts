import Database from 'better-sqlite3';
import type { AuditRecord, IndexValue, OutboxRecord } from '@pccovid-inspect/core';
import type { InspectedRecord, StorageInspector } from '@pccovid-inspect/testkit/storage';

interface RecordRow {
  version: number;
  data: string;
  indexes: string;
  updated_at: string;
}

/**
 * The conformance kit's backdoor for the SQLite adapter: a second, read-only better-sqlite3
 * connection to the same file. It sees only what was committed (WAL readers never see another
 * connection's open transaction), and it reads the tables directly, not through the adapter.
 */
export function inspectSqliteFile(filename: string): StorageInspector & { close(): void } {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  const one = db.prepare('SELECT version, data, indexes, updated_at FROM records WHERE tenant_id = ? AND collection = ? AND id = ?');
  const count = db.prepare('SELECT COUNT(*) FROM records WHERE tenant_id = ? AND collection = ?').pluck();
  const audit = db.prepare('SELECT record FROM audit_log WHERE tenant_id = ? ORDER BY seq').pluck();
  const outbox = db.prepare('SELECT record FROM outbox WHERE tenant_id = ? ORDER BY created_at, id').pluck();
  const statistics = db.prepare('SELECT COUNT(*) FROM portal_statistics WHERE tenant_id = ?').pluck();
  return {
    record(collection, tenantId, id): InspectedRecord | null {
      const row = one.get(tenantId, collection, id) as RecordRow | undefined;
      if (!row) return null;
      return {
        version: row.version,
        data: JSON.parse(row.data) as unknown,
        indexes: JSON.parse(row.indexes) as Record<string, IndexValue>,
        updatedAt: row.updated_at,
      };
    },
    countRecords: (collection, tenantId) => count.get(tenantId, collection) as number,
    audit: (tenantId) => (audit.all(tenantId) as string[]).map((r) => JSON.parse(r) as AuditRecord),
    outbox: (tenantId) => (outbox.all(tenantId) as string[]).map((r) => JSON.parse(r) as OutboxRecord),
    countPortalStatistics: (tenantId) => statistics.get(tenantId) as number,
    close: () => {
      db.close();
    },
  };
}
