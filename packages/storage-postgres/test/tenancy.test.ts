import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStorage, defaultTenantRole } from '../src/index.js';
import type { PostgresStorage } from '../src/index.js';
import { portalStatisticsPartition } from '../src/postgres-tenants.js';
import { AT, commitPuts, visitPut } from './commit-batch.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

const A = '42'; // Hà Tĩnh
const B = '40'; // Nghệ An

/** Runs `fn` on a raw connection (outside the adapter) after `SET ROLE` to `role`. */
async function asRole<T>(url: string, role: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET ROLE "${role}"`);
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('tenancy enforced by the database (row-level security, a role per province)', () => {
  let db: TestDatabase;
  let storage: PostgresStorage;
  beforeAll(async () => {
    db = await createTestDatabase('pccovid_tenancy');
    storage = await createPostgresStorage({ connectionString: db.url });
    await commitPuts(storage, A, [visitPut(A, 'v-a1'), visitPut(A, 'v-a2')]);
    await commitPuts(storage, B, [visitPut(B, 'v-b1')]);
    await storage.insertPortalStatistics([
      { tenantId: A, targetId: 't-1', districtCode: '436', date: '2021-12-01', registeredPoints: 1, scans: 3, distinctVisitors: 2 },
      { tenantId: B, targetId: 't-9', districtCode: '412', date: '2021-12-01', registeredPoints: 1, scans: 5, distinctVisitors: 4 },
    ]);
  });
  afterAll(async () => {
    await storage?.dispose();
    await db?.drop();
  });

  it('registers one role per province', async () => {
    expect(await db.sql('SELECT tenant_id, role_name FROM pccovid.tenants ORDER BY tenant_id')).toEqual([
      { tenant_id: B, role_name: defaultTenantRole(B) },
      { tenant_id: A, role_name: defaultTenantRole(A) },
    ]);
  });

  it("as province A's role, a raw SELECT of B's rows returns nothing, on every table", async () => {
    await asRole(db.url, defaultTenantRole(A), async (client) => {
      for (const table of ['records', 'record_indexes', 'audit_log', 'portal_statistics']) {
        expect((await client.query(`SELECT * FROM pccovid.${table} WHERE tenant_id = $1`, [B])).rowCount, table).toBe(0);
        const all = await client.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM pccovid.${table}`);
        expect(all.rows, table).toEqual([{ tenant_id: A }]);
      }
      // The registry shows only A's own row.
      expect((await client.query('SELECT tenant_id FROM pccovid.tenants')).rows).toEqual([{ tenant_id: A }]);
    });
  });

  it("as province A's role, an INSERT into B fails and an UPDATE or DELETE of B's rows changes nothing", async () => {
    await asRole(db.url, defaultTenantRole(A), async (client) => {
      await expect(
        client.query(`INSERT INTO pccovid.records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES ($1, 'visits', 'forged', 1, '{}', '{}', $2)`, [B, AT]),
      ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/row-level security/) as unknown });
      await expect(client.query(`INSERT INTO pccovid.audit_log (tenant_id, seq, id, record) VALUES ($1, 99, 'forged', '{}')`, [B])).rejects.toMatchObject({ code: '42501' });
      // Moving one of A's rows into B is refused too (the WITH CHECK of the policy).
      await expect(client.query("UPDATE pccovid.records SET tenant_id = $1 WHERE tenant_id = $2 AND id = 'v-a1'", [B, A])).rejects.toMatchObject({ code: '42501' });
      expect((await client.query('UPDATE pccovid.records SET version = 99 WHERE tenant_id = $1', [B])).rowCount).toBe(0);
      expect((await client.query('DELETE FROM pccovid.records WHERE tenant_id = $1', [B])).rowCount).toBe(0);
      // A's own rows are A's to write.
      expect((await client.query("UPDATE pccovid.records SET updated_at = updated_at WHERE tenant_id = $1 AND id = 'v-a1'", [A])).rowCount).toBe(1);
    });
    expect(await storage.get('visits', B, 'v-b1')).toMatchObject({ version: 1 });
    expect(await storage.get('visits', B, 'forged')).toBeNull();
  });

  it('every table has forced row-level security and a primary key leading with tenant_id', async () => {
    const tables = await db.sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; first_key: string }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, a.attname AS first_key
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
        WHERE n.nspname = 'pccovid' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
    );
    expect(tables.map((t) => t.relname)).toEqual(['audit_log', 'outbox', 'portal_statistics', 'record_indexes', 'records', 'tenants']);
    for (const t of tables) {
      expect(t.relrowsecurity, t.relname).toBe(true);
      expect(t.first_key, t.relname).toBe('tenant_id');
      // tenants is the registry the policies read (filtered to the current role's row, not forced: the login role registers provinces).
      if (t.relname !== 'tenants') expect(t.relforcerowsecurity, t.relname).toBe(true);
    }
  });

  it("portal statistics: a partition per province, without row-level security (so its role may COPY into it), written and read by that province's role only", async () => {
    const partitions = await db.sql<{ relname: string; bound: string; relrowsecurity: boolean }>(
      `SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound, c.relrowsecurity
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'pccovid.portal_statistics'::regclass ORDER BY 1`,
    );
    expect(partitions).toEqual([
      { relname: portalStatisticsPartition(B), bound: `FOR VALUES IN ('${B}')`, relrowsecurity: false },
      { relname: portalStatisticsPartition(A), bound: `FOR VALUES IN ('${A}')`, relrowsecurity: false },
    ]);
    const copy = (client: pg.Client, table: string, text: string) => pipeline(Readable.from([text]), client.query(copyFrom(`COPY pccovid.${table} FROM STDIN`)));
    const own = `pccovid.${portalStatisticsPartition(A)}`;
    const others = portalStatisticsPartition(B);
    await asRole(db.url, defaultTenantRole(A), async (client) => {
      // A's rows go straight into A's partition.
      await copy(client, portalStatisticsPartition(A), `${A}\tt-copied\t2021-12-02\t436\t1\t1\t1\n`);
      // B's rows: refused by the bound of A's partition, by the privileges of B's, by the policy of the parent.
      await expect(copy(client, portalStatisticsPartition(A), `${B}\tt-forged\t2021-12-02\t412\t1\t1\t1\n`)).rejects.toMatchObject({
        code: '23514',
        message: expect.stringMatching(/partition constraint/) as unknown,
      });
      await expect(client.query(`INSERT INTO ${own} VALUES ($1, 't-forged', '2021-12-02', '412', 1, 1, 1)`, [B])).rejects.toMatchObject({ code: '23514' });
      await expect(copy(client, others, `${B}\tt-forged\t2021-12-02\t412\t1\t1\t1\n`)).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied/) as unknown,
      });
      await expect(client.query(`INSERT INTO pccovid.${others} VALUES ($1, 't-forged', '2021-12-02', '412', 1, 1, 1)`, [B])).rejects.toMatchObject({ code: '42501' });
      await expect(client.query("INSERT INTO pccovid.portal_statistics VALUES ($1, 't-forged', '2021-12-02', '412', 1, 1, 1)", [B])).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/row-level security/) as unknown,
      });
      await expect(copy(client, 'portal_statistics', `${A}\tt-2\t2021-12-02\t436\t1\t1\t1\n`)).rejects.toMatchObject({ code: '0A000' });
      // B's partition cannot be read; A's own partition holds only A's rows; no UPDATE or DELETE on it (those go through the parent).
      await expect(client.query(`SELECT * FROM pccovid.${others}`)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) as unknown });
      expect((await client.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${own}`)).rows).toEqual([{ tenant_id: A }]);
      await expect(client.query(`DELETE FROM ${own}`)).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`DROP TABLE ${own}`)).rejects.toMatchObject({ code: '42501' });
    });
    expect(await db.sql("SELECT tenant_id, target_id FROM pccovid.portal_statistics WHERE target_id IN ('t-copied', 't-forged') ORDER BY 1")).toEqual([
      { tenant_id: A, target_id: 't-copied' },
    ]);
  });

  it('a custom tenantRole names the roles; a province never sees another through the adapter', async () => {
    const other = await createPostgresStorage({ connectionString: db.url, tenantRole: (tenantId) => `pccovid_custom_${tenantId}` });
    try {
      await commitPuts(other, '38', [visitPut('38', 'v-th1')]);
      expect(await db.sql("SELECT role_name FROM pccovid.tenants WHERE tenant_id = '38'")).toEqual([{ role_name: 'pccovid_custom_38' }]);
      expect((await other.query({ collection: 'visits', tenantId: '38' })).items.map((r) => r.id)).toEqual(['v-th1']);
      expect((await other.query({ collection: 'visits', tenantId: A })).items.map((r) => r.id)).toEqual(['v-a1', 'v-a2']);
    } finally {
      await other.dispose();
    }
  });
});
