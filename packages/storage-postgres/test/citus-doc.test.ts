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
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pccovid' AND c.relkind = 'r' ORDER BY 1`,
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
  });
});
