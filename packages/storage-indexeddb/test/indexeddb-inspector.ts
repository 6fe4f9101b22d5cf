import { wrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import type { AuditRecord, OutboxRecord, StoredRecord } from '@pccovid-inspect/core';
import type { InspectedRecord, StorageInspector } from '@pccovid-inspect/testkit/storage';

interface Row {
  record: StoredRecord;
}
interface MessageRow {
  message: OutboxRecord;
}

/**
 * The conformance kit's backdoor: a second IndexedDB connection to the same database, reading the
 * stores directly (not through the adapter). It reads the layout the adapter writes: rows of
 * `records` hold `{ record }`, rows of `outbox` hold `{ message }`, `audit` holds the events.
 */
export async function inspectIndexedDb(factory: IDBFactory, name: string): Promise<StorageInspector> {
  let open: IDBPDatabase | null = null;
  /** The database, or null while the adapter has not created it yet (the inspector never creates it). */
  const connect = async (): Promise<IDBPDatabase | null> => {
    if (open) return open;
    const request = factory.open(name);
    request.addEventListener('upgradeneeded', () => request.transaction?.abort());
    try {
      open = (await wrap(request)) as unknown as IDBPDatabase;
      return open;
    } catch {
      return null;
    }
  };
  const all = async <T>(store: string, range: IDBKeyRange): Promise<T[]> => {
    const db = await connect();
    return db ? ((await db.getAll(store, range)) as T[]) : [];
  };
  return {
    async record(collection, tenantId, id): Promise<InspectedRecord | null> {
      const db = await connect();
      const row = db ? ((await db.get('records', [tenantId, collection, id])) as Row | undefined) : undefined;
      if (!row) return null;
      const { version, data, indexes, updatedAt } = row.record;
      return { version, data, indexes, updatedAt };
    },
    countRecords: async (collection, tenantId) => {
      const db = await connect();
      return db ? db.count('records', IDBKeyRange.bound([tenantId, collection], [tenantId, collection, []])) : 0;
    },
    audit: (tenantId) => all<AuditRecord>('audit', IDBKeyRange.bound([tenantId, -Infinity], [tenantId, Infinity])),
    async outbox(tenantId) {
      const rows = await all<MessageRow>('outbox', IDBKeyRange.bound([tenantId], [tenantId, []]));
      const byCodePoint = (a: string, b: string): number => {
        const x = Array.from(a, (c) => c.codePointAt(0) as number);
        const y = Array.from(b, (c) => c.codePointAt(0) as number);
        for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
        return x.length - y.length;
      };
      return rows.map((row) => row.message).sort((a, b) => byCodePoint(a.createdAt, b.createdAt) || byCodePoint(a.id, b.id));
    },
    close: () => open?.close(),
  };
}
