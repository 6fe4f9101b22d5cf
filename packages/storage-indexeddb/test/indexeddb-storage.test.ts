import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ConflictError, StorageError } from '@pccovid-inspect/core';
import type { AuditRecord, PutRequest } from '@pccovid-inspect/core';
import type { CommitBatch } from '@pccovid-inspect/core/adapter-kit';
import { createIndexedDbStorage } from '@pccovid-inspect/storage-indexeddb';

const at = '2021-12-07T01:30:00.000Z';

function put(id: string, expectedVersion: number, data: unknown): PutRequest {
  return { collection: 'visits', tenantId: '42', id, data, indexes: { state: 'planned' }, updatedAt: at, expectedVersion };
}

function audit(seq: number): AuditRecord {
  return {
    tenantId: '42',
    seq,
    id: `a-${seq}`,
    at,
    actor: { role: 'team-lead', id: 'p-7' },
    action: 'visit.schedule',
    subject: { collection: 'visits', id: 'v-1' },
    details: {},
    prevHash: 'x',
    hash: 'y',
  };
}

function batch(seq: number, puts: PutRequest[]): CommitBatch {
  return { tenantId: '42', puts, audit: audit(seq), outbox: [], outboxUpdates: [] };
}

describe('createIndexedDbStorage', () => {
  it('lets a second adapter on the same database name see what the first committed (durable within the factory)', async () => {
    const indexedDB = new IDBFactory();
    const first = createIndexedDbStorage({ name: 'thiết-bị-1', indexedDB });
    await first.commit(batch(1, [put('v-1', 0, { targetName: 'Nhà thuốc Hồng Lĩnh' })]));
    await first.dispose();

    const second = createIndexedDbStorage({ name: 'thiết-bị-1', indexedDB });
    expect(await second.get('visits', '42', 'v-1')).toMatchObject({ version: 1, data: { targetName: 'Nhà thuốc Hồng Lĩnh' } });
    expect((await second.lastAudit('42'))?.seq).toBe(1);
    // Another name is another database.
    const other = createIndexedDbStorage({ name: 'thiết-bị-2', indexedDB });
    expect(await other.get('visits', '42', 'v-1')).toBeNull();
    await Promise.all([second.dispose(), other.dispose()]);
  });

  it('sees the commits of another open adapter on the same database (two tabs) and refuses a stale write with CONFLICT', async () => {
    const indexedDB = new IDBFactory();
    const tabA = createIndexedDbStorage({ indexedDB });
    const tabB = createIndexedDbStorage({ indexedDB });
    await tabA.commit(batch(1, [put('v-1', 0, { n: 1 })]));
    await tabB.commit(batch(2, [put('v-1', 1, { n: 2 })]));
    const stale = tabA.commit(batch(3, [put('v-1', 1, { n: 3 })]));
    await expect(stale).rejects.toSatisfy((error) => ConflictError.isInstance(error) && error.collection === 'visits' && error.actualVersion === 2);
    expect(await tabA.get('visits', '42', 'v-1')).toMatchObject({ version: 2, data: { n: 2 } });
    expect((await tabA.lastAudit('42'))?.seq).toBe(2);
    await Promise.all([tabA.dispose(), tabB.dispose()]);
  });

  it('fails with STORAGE_FAILED after dispose, and may be disposed twice', async () => {
    const storage = createIndexedDbStorage({ indexedDB: new IDBFactory() });
    await storage.get('visits', '42', 'v-1');
    await storage.dispose();
    await storage.dispose();
    await expect(storage.get('visits', '42', 'v-1')).rejects.toSatisfy((error) => StorageError.isInstance(error) && /disposed/.test(error.messageEn));
  });

  it('turns a VersionError (the device holds a newer schema) into STORAGE_FAILED with what to do', async () => {
    const indexedDB = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('newer', 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const storage = createIndexedDbStorage({ name: 'newer', indexedDB });
    const error = await storage.lastAudit('42').catch((caught: unknown) => caught);
    expect(StorageError.isInstance(error)).toBe(true);
    expect((error as StorageError).messageEn).toMatch(/VersionError.*newer version of the app.*reload the page/);
    expect((error as StorageError).cause).toMatchObject({ name: 'VersionError' });
    await storage.dispose();
  });
});
