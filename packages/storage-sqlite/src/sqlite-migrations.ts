import type Database from 'better-sqlite3';
import { ConfigurationError } from '@pccovid-inspect/core';

/** @internal One schema step. Never edit a released step: add the next one. */
export interface SqliteMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * @internal The schema, step by step. Index filtering uses a side table, `record_indexes`: one row
 * per (record, index field) holding a type rank (1 boolean, 2 number, 3 string; null and missing
 * fields have no row) and the value in a column without type affinity, so `'1'`, `1` and `true`
 * stay distinct. Field names are bound parameters (any name works, no DDL per field), filters
 * are index seeks on `record_indexes_by_value`, and sorting is a join on the same table — the
 * alternative, `json_extract` over `records.indexes`, scans every record of the collection and
 * cannot tell `true` from `1`.
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'records, record indexes, audit log, outbox',
    sql: `
      CREATE TABLE records (
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        data TEXT NOT NULL,
        indexes TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, collection, id)
      );
      CREATE TABLE record_indexes (
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        field TEXT NOT NULL,
        rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),
        value NOT NULL,
        PRIMARY KEY (tenant_id, collection, id, field),
        FOREIGN KEY (tenant_id, collection, id) REFERENCES records (tenant_id, collection, id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX record_indexes_by_value ON record_indexes (tenant_id, collection, field, rank, value, id);
      CREATE TABLE audit_log (
        tenant_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        id TEXT NOT NULL,
        at TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (tenant_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE outbox (
        position INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        record TEXT NOT NULL,
        UNIQUE (tenant_id, id)
      );
      CREATE INDEX outbox_by_age ON outbox (tenant_id, created_at, position);
      CREATE INDEX outbox_by_status ON outbox (tenant_id, status, created_at, position);
    `,
  },
  {
    version: 2,
    name: 'portal statistics',
    // WITHOUT ROWID: the table is stored in its primary-key B-tree, which holds every column, so it
    // is itself the covering index of the per-target summary (tenant → target → date range).
    sql: `
      CREATE TABLE portal_statistics (
        tenant_id TEXT NOT NULL,
        target_id TEXT NOT NULL,
        date TEXT NOT NULL,
        district_code TEXT NOT NULL,
        registered_points INTEGER NOT NULL,
        scans INTEGER NOT NULL,
        distinct_visitors INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, target_id, date)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'record and index-row counts kept by triggers',
    // A query ordered by an index field reads the records WITHOUT a value for it (no row in
    // `record_indexes`) by an anti-join over every record of the collection. These counts, kept
    // exact by triggers inside every writer's own transaction (whatever the process), tell in O(1)
    // whether any such record exists: records(n) − index rows of the field(n). A null value and a
    // missing field both have no index row, and the primary key (tenant, collection, id, field)
    // allows one row per record and field, so the difference is exactly the number of records
    // without a value. The UPDATE triggers only fire when a key column changes (the adapter never
    // does that; another writer might).
    sql: `
      CREATE TABLE record_counts (
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, collection)
      ) WITHOUT ROWID;
      CREATE TABLE index_value_counts (
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        field TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, collection, field)
      ) WITHOUT ROWID;
      INSERT INTO record_counts (tenant_id, collection, n)
        SELECT tenant_id, collection, COUNT(*) FROM records GROUP BY tenant_id, collection;
      INSERT INTO index_value_counts (tenant_id, collection, field, n)
        SELECT tenant_id, collection, field, COUNT(*) FROM record_indexes GROUP BY tenant_id, collection, field;
      CREATE TRIGGER record_counts_insert AFTER INSERT ON records BEGIN
        INSERT INTO record_counts (tenant_id, collection, n) VALUES (new.tenant_id, new.collection, 1)
          ON CONFLICT (tenant_id, collection) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER record_counts_delete AFTER DELETE ON records BEGIN
        UPDATE record_counts SET n = n - 1 WHERE tenant_id = old.tenant_id AND collection = old.collection;
      END;
      CREATE TRIGGER record_counts_move AFTER UPDATE OF tenant_id, collection ON records
        WHEN old.tenant_id IS NOT new.tenant_id OR old.collection IS NOT new.collection BEGIN
        UPDATE record_counts SET n = n - 1 WHERE tenant_id = old.tenant_id AND collection = old.collection;
        INSERT INTO record_counts (tenant_id, collection, n) VALUES (new.tenant_id, new.collection, 1)
          ON CONFLICT (tenant_id, collection) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER index_value_counts_insert AFTER INSERT ON record_indexes BEGIN
        INSERT INTO index_value_counts (tenant_id, collection, field, n) VALUES (new.tenant_id, new.collection, new.field, 1)
          ON CONFLICT (tenant_id, collection, field) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER index_value_counts_delete AFTER DELETE ON record_indexes BEGIN
        UPDATE index_value_counts SET n = n - 1 WHERE tenant_id = old.tenant_id AND collection = old.collection AND field = old.field;
      END;
      CREATE TRIGGER index_value_counts_move AFTER UPDATE OF tenant_id, collection, field ON record_indexes
        WHEN old.tenant_id IS NOT new.tenant_id OR old.collection IS NOT new.collection OR old.field IS NOT new.field BEGIN
        UPDATE index_value_counts SET n = n - 1 WHERE tenant_id = old.tenant_id AND collection = old.collection AND field = old.field;
        INSERT INTO index_value_counts (tenant_id, collection, field, n) VALUES (new.tenant_id, new.collection, new.field, 1)
          ON CONFLICT (tenant_id, collection, field) DO UPDATE SET n = n + 1;
      END;
    `,
  },
  {
    version: 4,
    name: 'outbox delivery state: version, due time, statuses sending and dead',
    // The outbox is rebuilt (SQLite cannot change a CHECK constraint): `status` allows 'sending'
    // and 'dead' ('failed' is gone), `version` is compared and bumped by every outbox update of a
    // commit (`UPDATE … WHERE version = ?`), and `due_at` copies the message's `dueAt` for the
    // partial index `outbox_by_due`, which `readOutbox({ dueBy })` walks in order (due messages
    // only: sent and dead ones have no due time and no entry). The message itself stays one JSON
    // document in `record`; the new fields are set in it too: `fallbackChannels` [], `version` 1,
    // `leaseOwner` null, `dueAt`. A message that had failed is pending again, due at once (when
    // its `deliverAfter` has passed): the new deliverer retries it. The position column goes: the
    // contract orders by (createdAt, id).
    sql: `
      ALTER TABLE outbox RENAME TO outbox_v3;
      CREATE TABLE outbox (
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        due_at TEXT,
        record TEXT NOT NULL,
        UNIQUE (tenant_id, id)
      );
      INSERT INTO outbox (tenant_id, id, created_at, status, version, due_at, record)
        SELECT tenant_id, id, created_at, status, 1, due_at,
          json_set(record, '$.status', status, '$.version', 1, '$.dueAt', due_at, '$.leaseOwner', NULL, '$.fallbackChannels', json('[]'))
        FROM (
          SELECT tenant_id, id, created_at, record, position,
            CASE status WHEN 'sent' THEN 'sent' ELSE 'pending' END AS status,
            CASE status WHEN 'sent' THEN NULL ELSE COALESCE(json_extract(record, '$.deliverAfter'), created_at) END AS due_at
          FROM outbox_v3
        )
        ORDER BY position;
      DROP TABLE outbox_v3;
      CREATE INDEX outbox_by_age ON outbox (tenant_id, created_at, id);
      CREATE INDEX outbox_by_status ON outbox (tenant_id, status, created_at, id);
      CREATE INDEX outbox_by_due ON outbox (tenant_id, due_at, id) WHERE due_at IS NOT NULL;
    `,
  },
];

/**
 * The schema version this build of `@pccovid-inspect/storage-sqlite` writes. A file at a lower
 * version is upgraded when opened; a file at a higher one (written by a newer build) is refused.
 *
 * @example
 * ```ts
 * db.prepare('SELECT max(version) AS v FROM schema_migrations').get(); // { v: SQLITE_SCHEMA_VERSION }
 * ```
 */
export const SQLITE_SCHEMA_VERSION: number = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1]?.version ?? 0;

/** The tables, indexes and triggers a step creates, read from its SQL. */
function objectsOf(migration: SqliteMigration): string[] {
  return [...migration.sql.matchAll(/CREATE\s+(?:TABLE|INDEX|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/gi)].map((match) => match[1]!);
}

/**
 * Checks that the file holds what its `schema_migrations` says: every table, index and trigger of
 * the steps it records, and none of a later step (which the next migration would fail to create).
 * A file changed by hand, by another program, or damaged is refused with what is wrong and what to
 * do, instead of failing later on a missing table.
 */
function checkSchemaObjects(db: Database.Database, migrations: readonly SqliteMigration[], version: number): void {
  const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger')").pluck().all() as string[]);
  const applied = new Set(migrations.filter((m) => m.version <= version).flatMap(objectsOf));
  const missing = [...applied].filter((name) => !present.has(name));
  // A later step may re-create an object of an earlier one (version 4 rebuilds the outbox): only the new names are early.
  const early = migrations.filter((m) => m.version > version).flatMap((m) => objectsOf(m).filter((name) => present.has(name) && !applied.has(name)));
  if (missing.length === 0 && early.length === 0) return;
  const listVi = [missing.length > 0 ? `thiếu ${missing.join(', ')}` : '', early.length > 0 ? `đã có sẵn ${early.join(', ')} của phiên bản sau` : ''].filter(Boolean).join('; ');
  const listEn = [missing.length > 0 ? `it lacks ${missing.join(', ')}` : '', early.length > 0 ? `it already has ${early.join(', ')} of a later version` : '']
    .filter(Boolean)
    .join('; ');
  throw new ConfigurationError({
    problemVi: `tệp SQLite ghi lược đồ phiên bản ${version} nhưng không khớp: ${listVi}`,
    problemEn: `the SQLite file records schema version ${version} but does not match it: ${listEn}`,
    hint:
      version === 0
        ? 'The file holds tables of another program (or of this package without its schema_migrations table): give `filename` a new path, or restore the inspection database from a backup.'
        : 'The file was changed outside this package (by hand or by another program) or is damaged, so data may be missing: restore it from a backup. Do not create the missing tables by hand.',
  });
}

/**
 * @internal Brings the file's schema to `SQLITE_SCHEMA_VERSION` inside one `BEGIN IMMEDIATE`
 * transaction, so two processes opening the same new file migrate it once. Returns the versions.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS): { from: number; to: number } {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations').get() as { version: number };
    if (row.version > latest) {
      throw new ConfigurationError({
        problemVi: `tệp SQLite có lược đồ phiên bản ${row.version}, mới hơn phiên bản ${latest} mà gói này hiểu; hãy nâng cấp @pccovid-inspect/storage-sqlite`,
        problemEn: `the SQLite file has schema version ${row.version}, newer than version ${latest} this package knows; upgrade @pccovid-inspect/storage-sqlite`,
      });
    }
    checkSchemaObjects(db, migrations, row.version);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= row.version) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    return { from: row.version, to: Math.max(row.version, latest) };
  });
  return run.immediate();
}
