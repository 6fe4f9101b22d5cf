import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStorage, defaultTenantRole } from '../src/index.js';
import type { PostgresStorage } from '../src/index.js';
import { POSTGRES_MIGRATIONS, TENANT_GROUP_ROLE, migratePostgres } from '../src/postgres-migrations.js';
import { ensureRole, portalStatisticsPartition } from '../src/postgres-tenants.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

const A = '42'; // Hà Tĩnh
const B = 'Nghệ An'; // an id that is not a plain identifier: its partition is named by a hash
const ORPHAN = 's-orphan'; // rows of a tenant that was never registered (written by hand as the owner)

/** 3 provinces × 2,000 targets × 5 days, as schema version 2 stored them. */
const ROWS_PER_TENANT = 10_000;

describe('schema version 3: portal statistics partitioned by province (migration from version 2 holding rows)', () => {
  let db: TestDatabase;
  let storage: PostgresStorage;
  let other: PostgresStorage;

  beforeAll(async () => {
    db = await createTestDatabase('pccovid_partitions_v3');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await ensureRole(client, TENANT_GROUP_ROLE, null);
      await migratePostgres(client, POSTGRES_MIGRATIONS.slice(0, 2));
      for (const tenantId of [A, B]) {
        await ensureRole(client, defaultTenantRole(tenantId), TENANT_GROUP_ROLE);
        await client.query('INSERT INTO pccovid.tenants (tenant_id, role_name) VALUES ($1, $2)', [tenantId, defaultTenantRole(tenantId)]);
      }
      await client.query(
        `INSERT INTO pccovid.portal_statistics (tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors)
         SELECT t.id, 't-' || lpad((i / 5)::text, 5, '0'), DATE '2021-12-01' + (i % 5), '436', 2, i % 7, i % 3
           FROM unnest($1::text[]) AS t(id), generate_series(0, $2 - 1) AS i`,
        [[A, B, ORPHAN], ROWS_PER_TENANT],
      );
    } finally {
      await client.end();
    }
    // Two processes start at once on the version-2 database: the advisory lock lets one migrate, the other finds it done.
    [storage, other] = await Promise.all([createPostgresStorage({ connectionString: db.url }), createPostgresStorage({ connectionString: db.url })]);
  }, 60_000);

  afterAll(async () => {
    await other?.dispose();
    await storage?.dispose();
    await db?.drop();
  });

  it('applies version 3 once and moves every row into its province’s partition', async () => {
    expect(await db.sql('SELECT version FROM pccovid.schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    expect(await db.sql("SELECT relkind FROM pg_class WHERE oid = 'pccovid.portal_statistics'::regclass")).toEqual([{ relkind: 'p' }]);
    expect(await db.sql("SELECT to_regclass('pccovid.portal_statistics_v2') AS old")).toEqual([{ old: null }]);
    const partitions = await db.sql<{ relname: string; bound: string; n: number; relrowsecurity: boolean }>(
      `SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound, c.relrowsecurity,
              (xpath('/row/n/text()', query_to_xml(format('SELECT COUNT(*) AS n FROM pccovid.%I', c.relname), false, true, '')))[1]::text::integer AS n
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'pccovid.portal_statistics'::regclass ORDER BY 1`,
    );
    expect(partitions).toEqual(
      [A, B, ORPHAN]
        .map((tenantId) => ({ relname: portalStatisticsPartition(tenantId), bound: `FOR VALUES IN ('${tenantId}')`, n: ROWS_PER_TENANT, relrowsecurity: false }))
        .sort((x, y) => (x.relname < y.relname ? -1 : 1)),
    );
    // The TypeScript name of a partition (the bulk path's COPY target) is the SQL function's.
    for (const tenantId of [A, B, ORPHAN, 'Hà Tĩnh', 'a'.repeat(40), 'a'.repeat(41)]) {
      expect(await db.sql('SELECT pccovid.portal_statistics_partition($1) AS name', [tenantId])).toEqual([{ name: portalStatisticsPartition(tenantId) }]);
    }
  });

  it('keeps every row readable through the adapter, with forced row-level security on the parent', async () => {
    const summary = await storage.summarizePortalStatistics(B, { from: '2021-12-01', to: '2021-12-31' });
    expect(summary).toHaveLength(ROWS_PER_TENANT / 5);
    expect(summary[0]).toEqual({ targetId: 't-00000', districtCode: '436', days: 5, zeroScanDays: 1, totalScans: 0 + 1 + 2 + 3 + 4, maxRegisteredPoints: 2 });
    expect(await db.sql("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'pccovid.portal_statistics'::regclass")).toEqual([
      { relrowsecurity: true, relforcerowsecurity: true },
    ]);
    // The province roles registered before the migration hold their own partition only.
    const grants = await db.sql<{ grantee: string; table_name: string; privileges: string }>(
      `SELECT grantee, table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges FROM information_schema.role_table_grants
        WHERE table_schema = 'pccovid' AND table_name LIKE 'portal_statistics_%' AND grantee <> current_user GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(grants).toEqual(
      [A, B]
        .map((tenantId) => ({ grantee: defaultTenantRole(tenantId), table_name: portalStatisticsPartition(tenantId), privileges: 'INSERT,SELECT' }))
        .sort((x, y) => (x.grantee < y.grantee ? -1 : 1)),
    );
  });

  it('imports into the migrated partitions (a re-import of migrated rows replaces them) and provisions a new province', async () => {
    const row = (tenantId: string, targetId: string, scans: number) => ({
      tenantId,
      targetId,
      districtCode: '436',
      date: '2021-12-01',
      registeredPoints: 2,
      scans,
      distinctVisitors: 1,
    });
    expect(await other.insertPortalStatistics([row(A, 't-00000', 99), row(A, 't-new', 1), row('s-new', 't-1', 3)])).toEqual({ inserted: 3 });
    expect(
      await db.sql(
        "SELECT tenant_id, target_id, scans::integer FROM pccovid.portal_statistics WHERE date = '2021-12-01' AND target_id IN ('t-00000', 't-new', 't-1') AND tenant_id IN ($1, 's-new') ORDER BY 1, 2",
        [A],
      ),
    ).toEqual([
      { tenant_id: A, target_id: 't-00000', scans: 99 },
      { tenant_id: A, target_id: 't-new', scans: 1 },
      { tenant_id: 's-new', target_id: 't-1', scans: 3 },
    ]);
    expect(await db.sql(`SELECT COUNT(*)::integer AS n FROM pccovid.${portalStatisticsPartition('s-new')}`)).toEqual([{ n: 1 }]);
  });
});
