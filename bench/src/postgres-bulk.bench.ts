/**
 * Portal statistics into PostgreSQL, 100,000 and 1,000,000 rows (one province, 60 days of
 * targets): the adapter's bulk path (`insertPortalStatistics`: schema version 3 partitions the
 * table by province, so the rows are streamed with one `COPY … FROM STDIN` per chunk of 50,000
 * rows straight into province 42's partition as its role, encoded as the COPY stream asks for
 * them; one transaction) against a raw COPY of the same rows into the table with
 * `pg-copy-streams` (as the server's superuser, through the partitioned parent: COPY FROM is
 * refused on a table with row-level security to anyone else), in the same run.
 *
 * Untimed setup (per run): a fresh database `pccovid_bench_bulk` on the server of
 * `PCCI_BENCH_POSTGRES_URL` (or `TEST_POSTGRES_URL`) with the adapter's schema and province 42
 * registered (its role and partition; both sides write the same, empty partition). The rows come from a generator on both sides (never held in memory).
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
  // The schema, and province 42 registered (its role and its partition) by one row, then emptied.
  const storage = await createPostgresStorage({ connectionString: url, poolSize: 1 });
  try {
    await storage.insertPortalStatistics(rows(1));
  } finally {
    await storage.dispose();
  }
  const pool = openRawPool(url, 1);
  await pool.query('TRUNCATE pccovid.portal_statistics');
  await pool.end();
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
      `${n.toLocaleString('en')} portal-statistics rows from a generator into an empty PostgreSQL table: insertPortalStatistics (COPY into the province's partition as its role) vs a raw pg-copy-streams COPY into the table`,
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
