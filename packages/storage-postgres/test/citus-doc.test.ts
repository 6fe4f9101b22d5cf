import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStorage } from '../src/index.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

const guide = readFileSync(fileURLToPath(new URL('../../../docs/guides/postgres.md', import.meta.url)), 'utf8');
const citus = guide.slice(guide.indexOf('## Distributing by province (Citus)'), guide.indexOf('## Figures'));

describe('docs/guides/postgres.md maps every table of the schema to Citus', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pccovid_citus_doc');
    await (await createPostgresStorage({ connectionString: db.url, poolSize: 1 })).dispose();
  });
  afterAll(async () => db?.drop());

  it('names each table with its distribution column, and distributes every table holding tenant_id by it', async () => {
    const tables = await db.sql<{ relname: string; has_tenant: boolean }>(
      `SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') AS has_tenant
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pccovid' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const { relname, has_tenant } of tables) {
      const row = citus.split('\n').find((line) => line.startsWith(`| \`${relname}\` |`));
      expect(row, `a row for ${relname} in the Citus table`).toBeDefined();
      if (!has_tenant || relname === 'tenants') {
        expect(row).toMatch(/\| (reference table|local)[^|]*\| none \|/);
      } else {
        expect(row).toMatch(/\| distributed \| `tenant_id` \|/);
        expect(citus).toContain(`create_distributed_table('pccovid.${relname}', 'tenant_id'`);
      }
    }
    expect(citus).toContain("create_reference_table('pccovid.tenants')");
    // portal_statistics is LIST-partitioned by tenant_id: Citus distributes a partitioned table (and its partitions) by its partition key.
    expect(await db.sql("SELECT pg_get_partkeydef('pccovid.portal_statistics'::regclass) AS key")).toEqual([{ key: 'LIST (tenant_id)' }]);
    expect(citus.split('\n').find((line) => line.startsWith('| `portal_statistics` |'))).toMatch(/partitioned by `tenant_id`/);
    expect(citus).toMatch(/partitioned[^.]*distributed by (its|the) partition (key|column)/);
  });
});
