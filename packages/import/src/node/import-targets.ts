import type { Target } from '@pccovid-inspect/core';
import { createTargetRowMapper, type TargetRowOptions } from '../rows/target-rows.js';
import { runImport, type ImportFileOptions, type ImportSummary } from './run-import.js';

/** Options of `importTargets`. */
export interface TargetImportOptions extends ImportFileOptions, TargetRowOptions {
  /**
   * Receives each batch of validated targets, in file order, and registers them (core has no
   * bulk target registration: call `service.registerTarget({ target })` per target). Must be
   * idempotent for a resumed run: the batch in flight at a crash is given again, with the same
   * ids — treat `CONFLICT` on `target.register` as "already registered".
   */
  onBatch: (targets: Target[]) => Promise<void>;
}

/**
 * Imports a list of units to inspect (CSV or XLSX) as validated `Target`s: "Tên đơn vị", "Mã QR",
 * "Mã huyện"/"Huyện", "Loại hình", "Địa chỉ", "Mã đơn vị". Ids are the "Mã đơn vị" column or
 * `tg-<QR code>`, so a rerun yields the same ids. A QR code given twice, a district outside the
 * reference units, an unknown type, a text over core's limits or with a forbidden character are
 * row errors.
 *
 * @example
 * ```ts
 * await importTargets({
 *   file: 'don-vi.xlsx', tenantId: '42', campaignId: 'c-2021', referenceUnits: HA_TINH_2021_DISTRICTS,
 *   onBatch: async (targets) => { for (const target of targets) await service.registerTarget({ target }, actor); },
 * });
 * ```
 */
export async function importTargets(options: TargetImportOptions): Promise<ImportSummary> {
  return runImport<Target>(options, {
    kind: 'targets',
    mapper: (header) => createTargetRowMapper(header, options),
    write: options.onBatch,
  });
}
