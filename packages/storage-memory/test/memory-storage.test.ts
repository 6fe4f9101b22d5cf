import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@pccovid-inspect/core';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { createMemoryStorage, inspectMemoryStorage } from '@pccovid-inspect/storage-memory';

const visit = (id: string, expectedVersion = 0) => ({
  collection: 'visits',
  tenantId: '42',
  id,
  data: { target: 'Chợ Thạch Hà' },
  indexes: { status: 'planned' },
  updatedAt: '2021-12-06T01:30:00.000Z',
  expectedVersion,
});

describe('createMemoryStorage', () => {
  it('rejects a maxRecordBytes that is not a positive whole number with CONFIGURATION_INVALID', () => {
    for (const maxRecordBytes of [0, -1, 1.5, Number.NaN]) {
      expect(() => createMemoryStorage({ maxRecordBytes })).toThrow(ConfigurationError);
    }
    expect(createMemoryStorage({ maxRecordBytes: null }).capabilities.maxRecordBytes).toBeNull();
  });

  it('declares what it can do: transactions, portal statistics and grouped counts, neither durable nor multi-process', () => {
    expect(createMemoryStorage().capabilities).toEqual({
      transactions: true,
      multiProcess: false,
      durable: false,
      portalStatistics: true,
      maxRecordBytes: null,
      groupedCounts: true,
    });
  });

  it('runs a plain write issued while a transaction is open after that transaction, never inside it', async () => {
    const storage = createMemoryStorage();
    const order: string[] = [];
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const tx = storage.transaction(async (t) => {
      await t.put(visit('v-1'));
      inside();
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('transaction done');
      throw new Error('roll back');
    });
    await started;
    const plain = storage.put(visit('v-2')).then(() => order.push('plain put done'));
    await expect(tx).rejects.toThrow('roll back');
    await plain;
    expect(order).toEqual(['transaction done', 'plain put done']);
    expect(inspectMemoryStorage(storage).record('visits', '42', 'v-1')).toBeNull();
    expect(inspectMemoryStorage(storage).record('visits', '42', 'v-2')).toMatchObject({ version: 1 });
  });

  it('refuses to inspect an adapter it did not create with CONFIGURATION_INVALID', () => {
    const other = { ...createMemoryStorage(), name: 'look-alike' } as StorageAdapter;
    expect(() => inspectMemoryStorage(other)).toThrow(ConfigurationError);
  });
});
