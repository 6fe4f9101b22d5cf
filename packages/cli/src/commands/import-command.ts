import { resolve } from 'node:path';
import { ConfigurationError, type PortalStatisticsRow } from '@pccovid-inspect/core';
import { importPortalStatistics, importTargets, type ImportProgress, type ImportSummary } from '@pccovid-inspect/import';
import { checkInterrupted, type CommandEnv } from '../cli.js';
import { UsageError } from '../cli-errors.js';
import { ProgressBar } from '../progress.js';
import { withSession } from './session.js';

/** @internal Options of `import`. */
export interface ImportCommandOptions {
  checkpoint?: string;
  batchSize: string;
  onError: string;
}

/**
 * @internal `import targets|statistics <file>`. Resumable: a checkpoint is written after every
 * batch, and each batch is one commit (`targets.register`, or the statistics bulk upsert). On
 * Ctrl-C the batch in hand is not written, so the checkpoint and the store agree; a rerun goes on
 * from there.
 *
 * The checkpoint lives beside the file, not in the database, so it names the store it was made
 * for (tenant, campaign, last row written). A rerun against another store — the SQLite file
 * deleted, `--db other.db`, a PostgreSQL URL, another campaign — does not hold that row, and the
 * import starts over from the first row instead of skipping rows the store never got. Starting
 * over, not an error, because the user asked for the file in this database and going over rows
 * again is harmless (`targets.register` reports identical targets as existing, the statistics bulk
 * path upserts); the output says so.
 */
export async function importCommand(env: CommandEnv, kind: string, file: string, opts: ImportCommandOptions): Promise<void> {
  if (kind !== 'targets' && kind !== 'statistics')
    throw new UsageError(`không biết loại nhập "${kind}"`, `unknown import kind "${kind}"`, 'pccovid-inspect import targets|statistics <file>');
  const batchSize = Number(opts.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) throw new UsageError('--batch-size phải từ 1 đến 1000', '--batch-size must be 1–1000');
  if (opts.onError !== 'stop' && opts.onError !== 'quarantine') throw new UsageError('--on-error là stop hoặc quarantine', '--on-error is stop or quarantine');
  const path = resolve(file);
  const checkpointFile = resolve(opts.checkpoint ?? `${path}.checkpoint.json`);
  const bar = new ProgressBar(env.io, !env.global.json, kind === 'targets' ? 'đơn vị / targets' : 'số liệu / statistics');
  const onProgress = (p: ImportProgress): void => {
    bar.update(p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 1, `${p.rows} dòng / rows, ${Math.round(p.rowsPerSecond)}/s`);
  };
  const common = { file: path, checkpointFile, batchSize, onError: opts.onError, onProgress } as const;

  await withSession(env, async ({ storage, workspace, service, actor }) => {
    const { tenant, adminUnits } = workspace.province;
    let summary: ImportSummary;
    try {
      if (kind === 'targets') {
        summary = await importTargets({
          ...common,
          tenantId: tenant.id,
          campaignId: workspace.campaignId,
          referenceUnits: adminUnits,
          storage,
          onBatch: async (targets) => {
            checkInterrupted(env.signal); // before the commit: a batch is written whole or not at all
            await service.registerTargets(actor, { campaignId: workspace.campaignId, targets });
          },
        });
      } else {
        const insert = storage.insertPortalStatistics?.bind(storage);
        if (!storage.capabilities.portalStatistics || insert === undefined) {
          throw new ConfigurationError({ problemVi: 'cơ sở dữ liệu này không nhận số liệu cổng', problemEn: 'this database does not take portal statistics' });
        }
        summary = await importPortalStatistics({
          ...common,
          tenantId: tenant.id,
          referenceUnits: adminUnits,
          storage: {
            capabilities: storage.capabilities,
            summarizePortalStatistics: storage.summarizePortalStatistics?.bind(storage),
            insertPortalStatistics: async (rows: Iterable<PortalStatisticsRow>) => {
              checkInterrupted(env.signal);
              return insert(rows);
            },
          },
        });
      }
    } finally {
      bar.done();
    }
    env.out.result(summary, () => {
      if (summary.startedOver) {
        env.out.say(
          `Tệp điểm dừng ${checkpointFile} không khớp với cơ sở dữ liệu này (hay chiến dịch khác): đã nhập lại từ dòng đầu`,
          `The checkpoint ${checkpointFile} does not match this database (or is for another campaign): imported again from the first row`,
        );
      }
      env.out.say(
        `Đã nhập ${summary.rowsWritten} dòng (bỏ qua ${summary.rowsSkipped} dòng đã nhập trước, cách ly ${summary.rowsQuarantined}) từ ${summary.source}`,
        `Imported ${summary.rowsWritten} rows (skipped ${summary.rowsSkipped} done before, quarantined ${summary.rowsQuarantined}) from ${summary.source}`,
      );
      if (summary.quarantineFile) env.out.say(`Dòng lỗi: ${summary.quarantineFile}`, `Rejected rows: ${summary.quarantineFile}`);
    });
  });
}
