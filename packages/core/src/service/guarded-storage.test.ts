import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import type { PortalStatisticsRow } from '../contracts/storage-adapter.js';
import { guardStorage } from './guarded-storage.js';

const row = (i: number, scans: unknown = 3): PortalStatisticsRow =>
  ({ tenantId: '42', targetId: `tg-${i}`, districtCode: '436', date: '2021-12-06', registeredPoints: 2, scans, distinctVisitors: 1 }) as PortalStatisticsRow;

describe('guardStorage: portal statistics', () => {
  it('checks rows as the adapter reads them: a bad row is VALIDATION_FAILED at its index and nothing of the bulk is stored', async () => {
    const adapter = createMemoryStorage();
    const storage = guardStorage(adapter);
    let read = 0;
    function* rows() {
      for (let i = 0; i < 5; i++) {
        read++;
        yield row(i, i === 3 ? 'ba' : 3);
      }
    }
    await expect(storage.insertPortalStatistics(rows())).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: [3, 'scans'] })] });
    expect(read).toBe(4); // stopped at the bad row: the rows were streamed, not copied first
    expect(await storage.summarizePortalStatistics('42', { from: '2021-12-01', to: '2021-12-31' })).toEqual([]);
    expect(await storage.insertPortalStatistics([row(1), row(2)])).toEqual({ inserted: 2 });
  });

  it('refuses what is not an iterable, and an adapter without portal statistics, with typed errors', async () => {
    await expect(guardStorage(createMemoryStorage()).insertPortalStatistics(42 as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const plain = { ...createMemoryStorage(), capabilities: { ...createMemoryStorage().capabilities, portalStatistics: false } };
    await expect(guardStorage(plain).insertPortalStatistics([row(1)])).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
  });
});
