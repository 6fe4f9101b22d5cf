import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { describe, expect, it } from 'vitest';
import { importPortalStatistics } from '../src/index.js';
import { writeStatisticsCsv } from './helpers/statistics-files.js';

describe('streaming a large CSV', () => {
  it('imports 100,000 rows into SQLite without the heap growing with the rows', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcci-import-100k-'));
    const file = join(dir, 'big.csv');
    writeStatisticsCsv(file, 100_000);
    const storage = createSqliteStorage({ filename: join(dir, 'big.db') });
    const heap: number[] = [];
    try {
      const summary = await importPortalStatistics({
        file,
        storage,
        tenantId: '42',
        referenceUnits: HA_TINH_2021_DISTRICTS,
        onError: 'quarantine',
        batchSize: 2_000,
        onProgress: (p) => {
          if (p.rows % 10_000 === 0) heap.push(process.memoryUsage().heapUsed);
        },
      });
      expect(summary.rowsWritten).toBe(100_000);
    } finally {
      await storage.dispose();
    }
    // Generous bound: sampled heap after 20k rows vs the highest later sample. A reader that kept
    // rows would hold ~100 bytes × 80k rows more than that.
    expect(heap.length).toBeGreaterThanOrEqual(9);
    const later = Math.max(...heap.slice(2));
    expect(later - (heap[1] ?? 0)).toBeLessThan(64 * 1024 * 1024);
  });
});
