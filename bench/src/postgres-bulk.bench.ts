/**
 * Portal statistics into PostgreSQL, 100,000 and 1,000,000 rows (one province, 60 days of
 * targets): the adapter's bulk path (`insertPortalStatistics`: chunks of 50,000 rows, each COPYed
 * into a temporary stage, then INSERTed as the province's role under row-level security while the
 * next chunk is encoded; one transaction) against a raw COPY of
 * the same rows straight into the table with `pg-copy-streams` (as the server's superuser: COPY
 * FROM is refused on a table with row-level security to anyone else), in the same run.
 *
 * Untimed setup (per run): a fresh database `pccovid_bench_bulk` on the server of
 * `PCCI_BENCH_POSTGRES_URL` (or `TEST_POSTGRES_URL`) with the adapter's schema (both sides write
 * the same, empty table). The rows come from a generator on both sides (never held in memory).
 *
 * Goals: ours ≤ 1.25× raw; peak memory flat (the 1,000,000-row run about as large as the 100,000 one).
 */
import type { PortalStatisticsRow } from '@pccovid-inspect/core';
import { createPostgresStorage, type PostgresStorage } from '../../packages/storage-postgres/src/index.ts';
import { openRawPool, rawCopyPortalStatistics, recreateDatabase } from '../../packages/storage-postgres/test/bench-support.ts';
import { runBench } from './harness.js';

type Pool = ReturnType<typeof openRawPool>;

function* rows(size: number): Generator<PortalStatisticsRow> {
  const first = Date.UTC(2021, 9, 1);
  for (let i = 0; i < size; i++) {
    yield {
      tenantId: '42',
      targetId: `t-${String(Math.floor(i / 60)).padStart(6, '0')}`,
      districtCode: String(436 + (Math.floor(i / 60) % 13)),
      date: new Date(first + (i % 60) * 86_400_000).toISOString().slice(0, 10),
      registeredPoints: 1 + (i % 3),
      scans: (i * 7) % 50,
      distinctVisitors: (i * 5) % 30,
    };
  }
}

async function freshDatabase(): Promise<string> {
  const url = await recreateDatabase('pccovid_bench_bulk');
  await (await createPostgresStorage({ connectionString: url, poolSize: 1 })).dispose(); // the schema
  return url;
}

await runBench(
  {
    name: 'postgres-bulk',
    goalRatio: 1.25,
    sizes: [100_000, 1_000_000],
    quickSizes: [100_000],
    capMs: 300_000,
    opsPerRun: (n) => n,
    opLabel: 'row',
    work: (n) =>
      `${n.toLocaleString('en')} portal-statistics rows from a generator into an empty PostgreSQL table: insertPortalStatistics (COPY to a stage, INSERT as the province role) vs a raw pg-copy-streams COPY into the table`,
    ours: {
      setup: async () => createPostgresStorage({ connectionString: await freshDatabase(), poolSize: 2 }),
      run: async (prepared, ctx) => {
        const { inserted } = await (prepared as PostgresStorage).insertPortalStatistics(rows(ctx.size));
        if (inserted !== ctx.size) throw new Error(`inserted ${inserted}`);
      },
    },
    raw: {
      setup: async () => openRawPool(await freshDatabase(), 1),
      run: async (prepared, ctx) => {
        const sent = await rawCopyPortalStatistics(prepared as Pool, rows(ctx.size));
        if (sent !== ctx.size) throw new Error(`sent ${sent}`);
      },
    },
  },
  import.meta.url,
);
