/**
 * Grouped counts on PostgreSQL over 10,000 and 100,000 visits: the adapter's `countBy` (visits of
 * one campaign by state and district: a SQL `GROUP BY` over the index rows, as province 42's role,
 * under row-level security) against a hand-written `GROUP BY` over the same rows with raw `pg`
 * (the login role, no row-level security), on the same database in the same run.
 *
 * Untimed setup (once per size): a fresh database `pccovid_bench_statistics_<n>` on the server of
 * `PCCI_BENCH_POSTGRES_URL` (or `TEST_POSTGRES_URL`), seeded through the adapter with N visits
 * (6 states × Hà Tĩnh's 13 district codes, one campaign) in commits of 1,000, then `ANALYZE`d.
 * The database is left for the next run (dropped and recreated by the next prepare).
 *
 * Both sides answer as a running server does: setup makes one untimed call (pool connected,
 * statement planned), then the timed work is the next 10 requests, one after another (one
 * request of ~40 ms at 10,000 visits is within the noise of a shared machine: pairs of single
 * calls ranged 0.75–2.00×).
 *
 * Goal: ours ≤ 1.2× raw.
 */
import { chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, PutRequest } from '@pccovid-inspect/core';
import { createPostgresStorage, type PostgresStorage } from '../../packages/storage-postgres/src/index.ts';
import { openRawPool, recreateDatabase } from '../../packages/storage-postgres/test/bench-support.ts';
import { runBench } from './harness.js';

const STATES = ['planned', 'notified', 'underway', 'findings-recorded', 'closed', 'cancelled'];
const DISTRICTS = ['436', '437', '439', '440', '441', '442', '443', '444', '445', '446', '447', '448', '449'];
const TENANT = '42';
/** Requests timed per run (the same count, one after another, on each side). */
const REQUESTS = 10;
const REQUEST = { collection: 'visits', tenantId: TENANT, where: { campaignId: 'c-2021-12' }, groupBy: ['state', 'districtCode'] };

type Shared = { url: string };
type Pool = ReturnType<typeof openRawPool>;

function check(total: number, groups: number, size: number): void {
  if (total !== size || groups !== Math.min(size, STATES.length * DISTRICTS.length)) throw new Error(`unexpected counts: ${total} visits in ${groups} groups`);
}

async function seed(size: number): Promise<Shared> {
  const url = await recreateDatabase(`pccovid_bench_statistics_${size}`);
  const storage = await createPostgresStorage({ connectionString: url });
  try {
    let previous: AuditRecord | null = null;
    for (let start = 0; start < size; start += 1000) {
      const puts: PutRequest[] = [];
      for (let i = start; i < Math.min(size, start + 1000); i++) {
        puts.push({
          collection: 'visits',
          tenantId: TENANT,
          id: `v-${String(i).padStart(7, '0')}`,
          data: { targetName: `Cơ sở ${i}`, findings: [] },
          indexes: { campaignId: 'c-2021-12', state: STATES[i % STATES.length]!, districtCode: DISTRICTS[Math.floor(i / STATES.length) % DISTRICTS.length]! },
          updatedAt: '2021-12-06T01:30:00.000Z',
          expectedVersion: 0,
        });
      }
      const audit: AuditRecord = await chainAuditRecord(previous, {
        tenantId: TENANT,
        id: `seed-${start}`,
        at: '2021-12-06T01:30:00.000Z',
        actor: { role: 'admin', id: 'bench' },
        action: 'bench.seed',
        subject: { collection: 'visits', id: puts[0]!.id },
        details: { count: puts.length },
      });
      await storage.commit({ tenantId: TENANT, puts, audit, outbox: [], outboxUpdates: [] });
      previous = audit;
    }
  } finally {
    await storage.dispose();
  }
  const pool = openRawPool(url, 1);
  await pool.query('ANALYZE');
  await pool.end();
  return { url };
}

async function ours(storage: PostgresStorage, size: number): Promise<void> {
  const { groups } = await storage.countBy(REQUEST);
  check(
    groups.reduce((n, g) => n + g.count, 0),
    groups.length,
    size,
  );
}

/** Raw: the same counts by hand — the campaign's index rows joined to their state and district rows, grouped. */
async function raw(pool: Pool, size: number): Promise<void> {
  const { rows } = await pool.query<{ state: string; district: string; n: number }>({
    name: 'raw-count-by',
    text: `SELECT s.str AS state, d.str AS district, COUNT(*)::float8 AS n
             FROM pccovid.record_indexes c
             JOIN pccovid.record_indexes s ON s.tenant_id = c.tenant_id AND s.collection = c.collection AND s.id = c.id AND s.field = 'state'
             JOIN pccovid.record_indexes d ON d.tenant_id = c.tenant_id AND d.collection = c.collection AND d.id = c.id AND d.field = 'districtCode'
            WHERE c.tenant_id = $1 AND c.collection = 'visits' AND c.field = 'campaignId' AND c.rank = 3 AND c.str = $2
            GROUP BY 1, 2 ORDER BY 1, 2`,
    values: [TENANT, 'c-2021-12'],
  });
  check(
    rows.reduce((n, r) => n + r.n, 0),
    rows.length,
    size,
  );
}

await runBench(
  {
    name: 'postgres-statistics',
    goalRatio: 1.2,
    sizes: [10_000, 100_000],
    quickSizes: [10_000],
    capMs: 300_000,
    opsPerRun: () => REQUESTS,
    opLabel: 'request',
    work: (n) =>
      `${REQUESTS} requests for the visit counts of one campaign by state and district over ${n.toLocaleString('en')} visits in PostgreSQL: countBy (row-level security, province role) vs a raw pg GROUP BY; untimed setup = ${n.toLocaleString('en')} visits committed through the adapter`,
    prepare: (size) => seed(size),
    ours: {
      setup: async (ctx) => {
        const storage = await createPostgresStorage({ connectionString: (ctx.shared as Shared).url, poolSize: 1 });
        await ours(storage, ctx.size); // untimed: the server's earlier request
        return storage;
      },
      run: async (prepared, ctx) => {
        for (let i = 0; i < REQUESTS; i++) await ours(prepared as PostgresStorage, ctx.size);
      },
    },
    raw: {
      setup: async (ctx) => {
        const pool = openRawPool((ctx.shared as Shared).url, 1);
        await raw(pool, ctx.size); // untimed: the server's earlier request
        return pool;
      },
      run: async (prepared, ctx) => {
        for (let i = 0; i < REQUESTS; i++) await raw(prepared as Pool, ctx.size);
      },
    },
  },
  import.meta.url,
);
