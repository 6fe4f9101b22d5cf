import type { StorageAdapter, Target } from '@pccovid-inspect/core';
import { createTargetRowMapper, type TargetRowOptions } from '../rows/target-rows.js';
import { runImport, type ImportFileOptions, type ImportSummary } from './run-import.js';

/** Options of `importTargets`. */
export interface TargetImportOptions extends ImportFileOptions, TargetRowOptions {
  /**
   * Receives each batch of validated targets (at most `batchSize`; `targets.register` takes ≤ 1000), in file order, and
   * registers them: pass them to the service's bulk command, one commit per batch —
   * `service.registerTargets(actor, { campaignId, targets })` (`targets.register`). Each target's
   * QR point carries `registeredCode` (the "Mã QR" cell) for `@pccovid-inspect/plugin-qr-verify`
   * to match photos against. A resumed run gives the batch in flight at a crash again, with the
   * same ids and content: `targets.register` reports those as `existing` and writes nothing.
   */
  onBatch: (targets: Target[]) => Promise<void>;
  /**
   * The store `onBatch` writes to, read only to check a checkpoint: a rerun looks up the last
   * target the checkpoint says was written (`storage.get('targets', tenantId, id)`) and resumes
   * only if the store holds it for this campaign; otherwise it starts over from the first row.
   * Without it, a checkpoint that wrote targets is not trusted and a rerun starts over.
   */
  storage?: Pick<StorageAdapter, 'get'>;
}

/**
 * Imports a list of units to inspect (CSV or XLSX) as validated `Target`s: "Tên đơn vị", "Mã QR",
 * "Mã huyện"/"Huyện", "Loại hình", "Địa chỉ", "Mã đơn vị". Ids are the "Mã đơn vị" column or
 * `tg-<QR code>`, so a rerun yields the same ids; the "Mã QR" becomes the target's QR point (id and
 * `registeredCode`, `posted`/`visible` unknown until a visit looks). A QR code given twice, a district outside the
 * reference units, an unknown type, a text over core's limits or with a forbidden character are
 * row errors.
 *
 * @example
 * ```ts
 * await importTargets({
 *   file: 'don-vi.xlsx', tenantId: '42', campaignId: 'c-2021', referenceUnits: HA_TINH_2021_DISTRICTS,
 *   onBatch: async (targets) => void (await service.registerTargets(actor, { campaignId: 'c-2021', targets })),
 * });
 * ```
 */
export async function importTargets(options: TargetImportOptions): Promise<ImportSummary> {
  const { storage, tenantId, campaignId } = options;
  return runImport<Target>(options, {
    kind: 'targets',
    scope: `tenant=${tenantId};campaign=${campaignId}`,
    key: (target) => target.id,
    holds:
      storage === undefined
        ? undefined
        : async (id) => {
            const stored = await storage.get<Partial<Target>>('targets', tenantId, id);
            return stored !== null && stored.data.campaignId === campaignId;
          },
    mapper: (header) => createTargetRowMapper(header, options),
    write: options.onBatch,
  });
}
