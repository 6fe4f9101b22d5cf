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
  {
    version: 3,
    name: 'portal statistics partitioned by tenant: one partition per province, its role may COPY into it',
    // The table becomes LIST-partitioned by tenant_id. Row-level security stays forced on the
    // parent (reads and upserts through it are filtered as before). Each province gets a partition
    // of its own when it is provisioned (`provision_portal_statistics`, also called when a tenant
    // registers), without row-level security — PostgreSQL refuses COPY FROM into a relation whose
    // policies apply to the role — and with SELECT, INSERT granted to that province's role only:
    // another province's role has no privilege on it, and the partition bound refuses another
    // province's rows. The partition is created alone and then ATTACHed (SHARE UPDATE EXCLUSIVE on
    // the parent, which inserts and reads do not wait for), not CREATEd … PARTITION OF (ACCESS
    // EXCLUSIVE). Existing rows move into the partitions; the old table is dropped.
    sql: `
      ALTER TABLE ${SCHEMA}.portal_statistics RENAME TO portal_statistics_v2;
      ALTER TABLE ${SCHEMA}.portal_statistics_v2 RENAME CONSTRAINT portal_statistics_pkey TO portal_statistics_v2_pkey;
      ALTER TABLE ${SCHEMA}.portal_statistics_v2 DISABLE ROW LEVEL SECURITY;
      CREATE TABLE ${SCHEMA}.portal_statistics (
        tenant_id text COLLATE "C" NOT NULL,
        target_id text COLLATE "C" NOT NULL,
        date date NOT NULL,
        district_code text NOT NULL,
        registered_points bigint NOT NULL,
        scans bigint NOT NULL,
        distinct_visitors bigint NOT NULL,
        PRIMARY KEY (tenant_id, target_id, date)
      ) PARTITION BY LIST (tenant_id);
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${SCHEMA}.portal_statistics TO ${TENANT_GROUP_ROLE};
      CREATE FUNCTION ${SCHEMA}.portal_statistics_partition(tenant text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT CASE WHEN tenant ~ '^[A-Za-z0-9_]{1,40}$' THEN 'portal_statistics_t_' || tenant
                    ELSE 'portal_statistics_h_' || left(encode(sha256(convert_to(tenant, 'UTF8')), 'hex'), 24) END
      $$;
      CREATE FUNCTION ${SCHEMA}.provision_portal_statistics(tenant text, role text) RETURNS text LANGUAGE plpgsql AS $$
        DECLARE part text := ${SCHEMA}.portal_statistics_partition(tenant);
        BEGIN
          PERFORM pg_advisory_xact_lock(${MIGRATION_LOCK_KEY}, hashtext(tenant));
          IF NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                          WHERE i.inhparent = '${SCHEMA}.portal_statistics'::regclass AND c.relname = part) THEN
            EXECUTE format('CREATE TABLE ${SCHEMA}.%I (LIKE ${SCHEMA}.portal_statistics INCLUDING ALL)', part);
            EXECUTE format('ALTER TABLE ${SCHEMA}.portal_statistics ATTACH PARTITION ${SCHEMA}.%I FOR VALUES IN (%L)', part, tenant);
          END IF;
          IF role IS NOT NULL AND NOT (has_table_privilege(role, format('${SCHEMA}.%I', part), 'SELECT')
                                       AND has_table_privilege(role, format('${SCHEMA}.%I', part), 'INSERT')) THEN
            EXECUTE format('GRANT SELECT, INSERT ON ${SCHEMA}.%I TO %I', part, role);
          END IF;
          RETURN part;
        END
      $$;
      SELECT ${SCHEMA}.provision_portal_statistics(t.tenant_id, t.role_name)
        FROM (SELECT tenant_id, role_name FROM ${SCHEMA}.tenants
              UNION SELECT DISTINCT s.tenant_id, NULL FROM ${SCHEMA}.portal_statistics_v2 s
                     WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.tenants t WHERE t.tenant_id = s.tenant_id)) t;
      INSERT INTO ${SCHEMA}.portal_statistics SELECT tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors FROM ${SCHEMA}.portal_statistics_v2;
      DROP TABLE ${SCHEMA}.portal_statistics_v2;
      ${tenantPolicy('portal_statistics')}
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
