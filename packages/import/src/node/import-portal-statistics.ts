import type { PortalStatisticsRow, StorageAdapter } from '@pccovid-inspect/core';
import { ConfigurationError } from '@pccovid-inspect/core';
import { createStatisticsRowMapper, type StatisticsRowOptions } from '../rows/statistics-rows.js';
import { runImport, type ImportFileOptions, type ImportSummary } from './run-import.js';

/** Options of `importPortalStatistics`. */
export interface PortalStatisticsImportOptions extends ImportFileOptions, StatisticsRowOptions {
  /** A storage adapter with the portal-statistics bulk path (`capabilities.portalStatistics`), e.g. `createSqliteStorage`. */
  storage: Pick<StorageAdapter, 'capabilities' | 'insertPortalStatistics' | 'summarizePortalStatistics'>;
}

/**
 * Imports the portal's statistics export (CSV or XLSX) into storage through its bulk path
 * (`storage.insertPortalStatistics`), one batch per call. Every row is checked (district against
 * the reference units, real dates, counts ≥ 0); with a `checkpointFile` a rerun after a crash
 * neither loses nor duplicates a row (the bulk path upserts on tenant × target × date, and the
 * checkpoint is written after each batch). The checkpoint resumes only into the store it was made
 * for: the rerun looks up the last row written (`storage.summarizePortalStatistics` over its target
 * and day) and starts over from the first row when the store does not hold it (a new database).
 *
 * @example
 * ```ts
 * const summary = await importPortalStatistics({
 *   file: 'thong-ke-qr.csv', storage, tenantId: '42', referenceUnits: HA_TINH_2021_DISTRICTS,
 *   onError: 'quarantine', checkpointFile: 'thong-ke-qr.checkpoint.json',
 *   onProgress: (p) => console.log(p.rows, p.rowsPerSecond),
 * });
 * ```
 */
export async function importPortalStatistics(options: PortalStatisticsImportOptions): Promise<ImportSummary> {
  const { storage } = options;
  if (storage.capabilities.portalStatistics !== true || storage.insertPortalStatistics === undefined) {
    throw new ConfigurationError({
      problemVi: 'bộ lưu trữ không hỗ trợ số liệu cổng (portalStatistics)',
      problemEn: 'the storage adapter has no portal-statistics bulk path (portalStatistics)',
      hint: 'Dùng @pccovid-inspect/storage-sqlite hoặc storage-postgres / Use @pccovid-inspect/storage-sqlite or storage-postgres',
    });
  }
  const insert = storage.insertPortalStatistics.bind(storage);
  const summarize = storage.summarizePortalStatistics?.bind(storage);
  const { tenantId } = options;
  return runImport<PortalStatisticsRow>(options, {
    kind: 'portalStatistics',
    scope: `tenant=${tenantId}`,
    key: (row) => JSON.stringify([row.targetId, row.date]),
    holds:
      summarize === undefined
        ? undefined
        : async (key) => {
            const [targetId, date] = JSON.parse(key) as [string, string];
            const found = await summarize(tenantId, { from: date, to: date, targetIds: [targetId] });
            return found.some((s) => s.targetId === targetId && s.days > 0);
          },
    mapper: (header) => createStatisticsRowMapper(header, options),
    write: async (batch) => {
      await insert(batch);
    },
  });
}
