/**
 * Portal statistics CSV → SQLite: ours (`importPortalStatistics` of `@pccovid-inspect/import`, end
 * to end: streaming read, encoding and delimiter detection, header mapping, every row checked,
 * batches of 1,000 through `createSqliteStorage(...).insertPortalStatistics`) against raw
 * papaparse (streaming, `chunk` callback) + a minimal hand check of each row + better-sqlite3 (one
 * prepared INSERT, one transaction per 1,000 rows) into the adapter's table in a fresh file with
 * the adapter's pragmas. Ours runs with `onError: 'quarantine'` (one pass, bad rows set aside, as
 * raw does in one pass); the default `'stop'` checks the whole file before writing (two passes).
 *
 * The file (`import-fixtures.ts`) is generated once per size, untimed; opening the database
 * (migrations, table) is each side's untimed setup. Goal (issue 12): ours ≤ 1.5× raw at
 * 1,000,000 rows, peak RSS ≤ 150 MiB and flat with the rows.
 *
 * Children run plain node on the packages' `dist/` (`childRuntime: 'node-dist'`; build first:
 * `pnpm build`), the same for both sides; `PCCI_BENCH_RUNTIME=tsx` runs them on the sources.
 *
 * Run: `pnpm bench import-csv` (add `--runs=5`, `--sizes=1000000`).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { importPortalStatistics } from '@pccovid-inspect/import';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage, type SqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { runBench, type BenchContext } from './harness.js';
import { BATCH, checkRawRow, openRawDb, rawWriter, TENANT, writePortalCsv } from './import-fixtures.js';

const fileOf = (ctx: BenchContext): string => (ctx.shared as { file: string }).file;
const dbOf = (ctx: BenchContext): string => join(ctx.runDir, 'bench.db');

await runBench(
  {
    name: 'import-csv',
    work: (size) =>
      `${size.toLocaleString('en')}-row portal CSV (UTF-8, CRLF, quoted names) → SQLite, every row checked, ${BATCH}-row transactions, fresh file (WAL, synchronous=NORMAL)`,
    sizes: [10_000, 100_000, 1_000_000],
    quickSizes: [10_000],
    goalRatio: 1.5,
    goalRatioSizes: [1_000_000],
    goalPeakMiB: 150,
    opsPerRun: (size) => size,
    // Plain node on the built packages for both sides: tsx compiling the workspace's sources in
    // memory costs ≈ 45 MiB of RSS in every child, which is not the import's memory.
    childRuntime: 'node-dist',
    opLabel: 'row',
    prepare: (size, dir) => ({ file: writePortalCsv(dir, size) }),
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
        let line = 0;
        await new Promise<void>((resolve, reject) => {
          Papa.parse<string[]>(createReadStream(fileOf(ctx), { encoding: 'utf8' }), {
            skipEmptyLines: true,
            chunk: (results) => {
              for (const cells of results.data) {
                line += 1;
                if (line === 1) continue; // header
                writer.add(checkRawRow(cells, line));
              }
              ctx.progress(line);
            },
            complete: () => resolve(),
            error: reject,
          });
        });
        const written = writer.end();
        if (written !== ctx.size) throw new Error(`wrote ${written}, expected ${ctx.size}`);
      },
    },
  },
  import.meta.url,
);
