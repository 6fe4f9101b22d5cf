import type { PortalStatisticsRow, StorageAdapter } from '@pccovid-inspect/core';
import { ConfigurationError } from '@pccovid-inspect/core';
import { createStatisticsRowMapper, type StatisticsRowOptions } from '../rows/statistics-rows.js';
import { runImport, type ImportFileOptions, type ImportSummary } from './run-import.js';

/** Options of `importPortalStatistics`. */
export interface PortalStatisticsImportOptions extends ImportFileOptions, StatisticsRowOptions {
  /** A storage adapter with the portal-statistics bulk path (`capabilities.portalStatistics`), e.g. `createSqliteStorage`. */
  storage: Pick<StorageAdapter, 'capabilities' | 'insertPortalStatistics'>;
}

/**
 * Imports the portal's statistics export (CSV or XLSX) into storage through its bulk path
 * (`storage.insertPortalStatistics`), one batch per call. Every row is checked (district against
 * the reference units, real dates, counts ≥ 0); with a `checkpointFile` a rerun after a crash
 * neither loses nor duplicates a row (the bulk path upserts on tenant × target × date, and the
 * checkpoint is written after each batch).
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
  return runImport<PortalStatisticsRow>(options, {
    kind: 'portalStatistics',
    mapper: (header) => createStatisticsRowMapper(header, options),
    write: async (batch) => {
      await insert(batch);
    },
  });
}
