/**
 * Portal statistics XLSX → SQLite: ours (`importPortalStatistics` of `@pccovid-inspect/import`, end
 * to end: its own streaming reader — the zip's directory, fflate's streaming inflate and saxes over
 * the sheet's XML, 16 KiB of compressed sheet per step —, header mapping, every row checked,
 * batches of 1,000 through `createSqliteStorage(...).insertPortalStatistics`) against raw exceljs
 * `WorkbookReader` (same options: shared strings cached, styles and hyperlinks ignored) + the same
 * minimal hand check as the CSV bench + better-sqlite3 (one prepared INSERT, one transaction per
 * 1,000 rows) into the adapter's table in a fresh file with the adapter's pragmas. Ours runs with
 * `onError: 'quarantine'` (one pass, as raw).
 *
 * The workbook (`import-fixtures.ts`) is generated once per size, untimed; opening the database is
 * each side's untimed setup. Goal (issue 12): ours ≤ 1.5× raw at 100,000 rows, peak RSS ≤ 150 MiB
 * and flat with the rows.
 *
 * Children run plain node on the packages' `dist/` (`childRuntime: 'node-dist'`; build first:
 * `pnpm build`), the same for both sides; `PCCI_BENCH_RUNTIME=tsx` runs them on the sources.
 *
 * Run: `pnpm bench import-xlsx` (add `--runs=5`, `--sizes=100000`).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { importPortalStatistics } from '@pccovid-inspect/import';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage, type SqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { runBench, type BenchContext } from './harness.js';
import { BATCH, checkRawRow, openRawDb, rawWriter, TENANT, writePortalXlsx } from './import-fixtures.js';

const fileOf = (ctx: BenchContext): string => (ctx.shared as { file: string }).file;
const dbOf = (ctx: BenchContext): string => join(ctx.runDir, 'bench.db');

await runBench(
  {
    name: 'import-xlsx',
    work: (size) =>
      `${size.toLocaleString('en')}-row portal XLSX (shared strings, counts as numbers) → SQLite, every row checked, ${BATCH}-row transactions, fresh file (WAL, synchronous=NORMAL)`,
    sizes: [1_000, 10_000, 100_000],
    quickSizes: [1_000],
    goalRatio: 1.5,
    goalRatioSizes: [100_000],
    goalPeakMiB: 150,
    opsPerRun: (size) => size,
    // Plain node on the built packages for both sides: tsx compiling the workspace's sources in
    // memory costs ≈ 45 MiB of RSS in every child, which is not the import's memory.
    childRuntime: 'node-dist',
    opLabel: 'row',
    prepare: async (size, dir) => ({ file: await writePortalXlsx(dir, size) }),
    ours: {
      setup: (ctx) => createSqliteStorage({ filename: dbOf(ctx) }),
      run: async (prepared, ctx) => {
        const storage = prepared as SqliteStorage;
        const summary = await importPortalStatistics({
          file: fileOf(ctx),
          storage,
          tenantId: TENANT,
          referenceUnits: HA_TINH_2021_DISTRICTS,
          onError: 'quarantine',
          quarantineFile: join(ctx.runDir, 'quarantine.csv'),
          batchSize: BATCH,
          onProgress: (p) => ctx.progress(p.rows),
        });
        if (summary.rowsWritten !== ctx.size) throw new Error(`wrote ${summary.rowsWritten}, expected ${ctx.size}: ${JSON.stringify(summary.issues[0])}`);
      },
    },
    raw: {
      setup: (ctx) => openRawDb(Database, dbOf(ctx)),
      run: async (prepared, ctx) => {
        const db = prepared as Database.Database;
        const writer = rawWriter(db);
        const reader = new ExcelJS.stream.xlsx.WorkbookReader(fileOf(ctx), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
        for await (const worksheet of reader) {
          for await (const row of worksheet) {
            if (row.number === 1) continue; // header
            writer.add(checkRawRow((row.values as unknown[]).slice(1), row.number));
            if (row.number % 1000 === 0) ctx.progress(row.number);
          }
        }
        const written = writer.end();
        if (written !== ctx.size) throw new Error(`wrote ${written}, expected ${ctx.size}`);
      },
    },
  },
  import.meta.url,
);
