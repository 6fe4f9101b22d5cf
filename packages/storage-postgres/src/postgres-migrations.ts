import type { ClientBase } from 'pg';
import { ConfigurationError } from '@pccovid-inspect/core';

/** @internal One schema step. Never edit a released step: add the next one. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/** @internal The schema every table of the adapter lives in. */
export const SCHEMA = 'pccovid';

/**
 * @internal The group role every province's role is a member of: it holds the table privileges;
 * the row-level security policies decide which rows a member sees.
 */
export const TENANT_GROUP_ROLE = 'pccovid_tenant';

/**
 * @internal The key of the transaction-level advisory lock migrations run under (any process of
 * any version of the adapter takes the same one), so two processes starting at once never both
 * apply a step. `pg_advisory_xact_lock` keys are scoped to the current database.
 */
export const MIGRATION_LOCK_KEY = 0x70636376; // 'pccv'

/**
 * The row-level security policy of a tenant table: a row is visible and writable only when its
 * `tenant_id` is the tenant of the current role (from `tenants`, itself filtered to the current
 * role's row). The scalar subquery is evaluated once per statement (an InitPlan), so the planner
 * uses it as an index condition on the leading `tenant_id` of every primary key.
 */
const tenantPolicy = (table: string): string => `
  ALTER TABLE ${SCHEMA}.${table} ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${SCHEMA}.${table} FORCE ROW LEVEL SECURITY;
  CREATE POLICY ${table}_tenant ON ${SCHEMA}.${table}
    USING (tenant_id = (SELECT t.tenant_id FROM ${SCHEMA}.tenants t WHERE t.role_name = current_user))
    WITH CHECK (tenant_id = (SELECT t.tenant_id FROM ${SCHEMA}.tenants t WHERE t.role_name = current_user));
`;

/**
 * @internal The schema, step by step. Records are JSONB documents keyed by (tenant, collection,
 * id); their index fields are also rows of `record_indexes` — one per (record, field) with a type
 * rank (1 boolean, 2 number, 3 string; null and missing fields have no row), a `float8` for
 * booleans and numbers and a `COLLATE "C"` text for strings — so filters are index seeks, an
 * ordered query walks `record_indexes_by_value` in the contract's total order, and grouped counts
 * are a `GROUP BY` that reads no JSON. Every primary key leads with `tenant_id` (the distribution
 * column, see docs/guides/postgres.md) and every tenant table has a row-level security policy.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'tenants, records, record indexes, audit log, outbox, portal statistics, row-level security',
    sql: `
      CREATE TABLE ${SCHEMA}.tenants (
        tenant_id text COLLATE "C" PRIMARY KEY,
        role_name text COLLATE "C" NOT NULL UNIQUE
      );
      CREATE TABLE ${SCHEMA}.records (
        tenant_id text COLLATE "C" NOT NULL,
        collection text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        data jsonb NOT NULL,
        indexes jsonb NOT NULL,
        updated_at text NOT NULL,
        PRIMARY KEY (tenant_id, collection, id)
      );
      CREATE TABLE ${SCHEMA}.record_indexes (
        tenant_id text COLLATE "C" NOT NULL,
        collection text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        field text COLLATE "C" NOT NULL,
        rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 3),
        num double precision NOT NULL DEFAULT 0,
        str text COLLATE "C" NOT NULL DEFAULT '',
        PRIMARY KEY (tenant_id, collection, id, field),
        FOREIGN KEY (tenant_id, collection, id) REFERENCES ${SCHEMA}.records (tenant_id, collection, id) ON DELETE CASCADE
      );
      CREATE INDEX record_indexes_by_value ON ${SCHEMA}.record_indexes (tenant_id, collection, field, rank, num, str, id);
      CREATE TABLE ${SCHEMA}.audit_log (
        tenant_id text COLLATE "C" NOT NULL,
        seq bigint NOT NULL CHECK (seq >= 1),
        id text NOT NULL,
        record jsonb NOT NULL,
        PRIMARY KEY (tenant_id, seq)
      );
      CREATE TABLE ${SCHEMA}.outbox (
        tenant_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY,
        created_at text COLLATE "C" NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        record jsonb NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX outbox_by_age ON ${SCHEMA}.outbox (tenant_id, created_at, position);
      CREATE INDEX outbox_by_status ON ${SCHEMA}.outbox (tenant_id, status, created_at, position);
      CREATE TABLE ${SCHEMA}.portal_statistics (
        tenant_id text COLLATE "C" NOT NULL,
        target_id text COLLATE "C" NOT NULL,
        date date NOT NULL,
        district_code text NOT NULL,
        registered_points bigint NOT NULL,
        scans bigint NOT NULL,
        distinct_visitors bigint NOT NULL,
        PRIMARY KEY (tenant_id, target_id, date)
      );
      ALTER TABLE ${SCHEMA}.tenants ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenants_own_row ON ${SCHEMA}.tenants USING (role_name = current_user) WITH CHECK (false);
      ${['records', 'record_indexes', 'audit_log', 'outbox', 'portal_statistics'].map(tenantPolicy).join('')}
      GRANT USAGE ON SCHEMA ${SCHEMA} TO ${TENANT_GROUP_ROLE};
      GRANT SELECT ON ${SCHEMA}.tenants TO ${TENANT_GROUP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${SCHEMA}.records, ${SCHEMA}.record_indexes, ${SCHEMA}.portal_statistics TO ${TENANT_GROUP_ROLE};
      GRANT SELECT, INSERT ON ${SCHEMA}.audit_log TO ${TENANT_GROUP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON ${SCHEMA}.outbox TO ${TENANT_GROUP_ROLE};
    `,
  },
  {
    version: 2,
    name: 'outbox delivery state: version, due time, statuses sending and dead',
    // `version` is compared and bumped by every outbox update of a commit (`UPDATE … WHERE version
    // = $n`), and `due_at` copies the message's `dueAt` for the partial index `outbox_by_due`,
    // which `readOutbox({ dueBy })` walks in order (due messages only). The message stays one
    // JSONB document in `record`; the new fields are set in it too. A message that had failed is
    // pending again, due at once (when its `deliverAfter` has passed): the new deliverer retries
    // it. Row-level security is forced on the table, so the migration (run by the owner) lifts
    // the force for its own UPDATE and puts it back in the same transaction. The position column
    // goes: the contract orders by (createdAt, id).
    sql: `
      ALTER TABLE ${SCHEMA}.outbox DROP CONSTRAINT outbox_status_check;
      ALTER TABLE ${SCHEMA}.outbox
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN due_at text COLLATE "C";
      ALTER TABLE ${SCHEMA}.outbox NO FORCE ROW LEVEL SECURITY;
      UPDATE ${SCHEMA}.outbox o SET status = m.status, due_at = m.due_at,
        record = o.record || jsonb_build_object('status', m.status, 'version', 1, 'dueAt', m.due_at, 'leaseOwner', NULL, 'fallbackChannels', '[]'::jsonb)
      FROM (
        SELECT tenant_id, id,
          CASE status WHEN 'sent' THEN 'sent' ELSE 'pending' END AS status,
          CASE status WHEN 'sent' THEN NULL ELSE COALESCE(record->>'deliverAfter', created_at) END AS due_at
        FROM ${SCHEMA}.outbox
      ) m
      WHERE o.tenant_id = m.tenant_id AND o.id = m.id;
      ALTER TABLE ${SCHEMA}.outbox FORCE ROW LEVEL SECURITY;
      ALTER TABLE ${SCHEMA}.outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'dead'));
      DROP INDEX ${SCHEMA}.outbox_by_age, ${SCHEMA}.outbox_by_status;
      ALTER TABLE ${SCHEMA}.outbox DROP COLUMN position;
      CREATE INDEX outbox_by_age ON ${SCHEMA}.outbox (tenant_id, created_at, id);
      CREATE INDEX outbox_by_status ON ${SCHEMA}.outbox (tenant_id, status, created_at, id);
      CREATE INDEX outbox_by_due ON ${SCHEMA}.outbox (tenant_id, due_at, id) WHERE due_at IS NOT NULL;
    `,
  },
];

/**
 * The schema version this release of the adapter creates and reads. A database at a higher
 * version (written by a newer release) is refused with `CONFIGURATION_INVALID`.
 *
 * @example
 * ```ts
 * import { POSTGRES_SCHEMA_VERSION } from '@pccovid-inspect/storage-postgres';
 * console.log(`schema ${POSTGRES_SCHEMA_VERSION}`);
 * ```
 */
export const POSTGRES_SCHEMA_VERSION: number = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]?.version ?? 0;

/**
 * @internal Brings the database to `POSTGRES_SCHEMA_VERSION` (the last of `migrations`) in ONE transaction under
 * `pg_advisory_xact_lock`: a second process starting at once waits, then finds the steps applied.
 * A database at a newer version is a `ConfigurationError` (nothing is changed). The group role is
 * created beforehand (roles are cluster-wide; see `ensureRole`).
 */
export async function migratePostgres(client: ClientBase, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<void> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT COALESCE(MAX(version), 0)::integer AS version FROM ${SCHEMA}.schema_migrations`);
    const current = rows[0]?.version ?? 0;
    if (current > latest) {
      throw new ConfigurationError({
        problemVi: `cơ sở dữ liệu ở phiên bản lược đồ ${current}, mới hơn phiên bản ${latest} mà gói này hiểu`,
        problemEn: `the database is at schema version ${current}, newer than the version ${latest} this release of @pccovid-inspect/storage-postgres understands`,
        hint: 'Upgrade @pccovid-inspect/storage-postgres to the release that wrote this database (schema versions never go back).',
      });
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${SCHEMA}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
