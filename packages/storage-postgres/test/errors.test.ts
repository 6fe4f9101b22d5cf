import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, InspectError, StorageError } from '@pccovid-inspect/core';
import { POSTGRES_SCHEMA_VERSION, createPostgresStorage } from '../src/index.js';
import { MIN_SERVER_VERSION_NUM, checkServerVersion } from '../src/postgres-server-version.js';
import { createTestDatabase, databaseUrl } from './test-database.js';
import type { TestDatabase } from './test-database.js';
import { inject } from 'vitest';

/** The typed error `promise` rejects with (never a raw driver error). */
async function failure(promise: Promise<unknown>): Promise<InspectError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(InspectError.isInstance(error), `expected a typed error, got ${String(error)}`).toBe(true);
  return error as InspectError;
}

describe('typed errors with a hint, never a raw driver error', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pccovid_errors');
  });
  afterAll(async () => db?.drop());

  it('a server that is not listening: STORAGE_FAILED naming the connection', async () => {
    const error = await failure(createPostgresStorage({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', connectTimeoutMs: 2000 }));
    expect(StorageError.isInstance(error)).toBe(true);
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toMatch(/cannot reach the PostgreSQL server \(ECONNREFUSED\).*pg_isready/);
  });

  it('a login the server refuses: CONFIGURATION_INVALID with a hint', async () => {
    const url = new URL(db.url);
    url.username = 'nobody_at_all';
    const error = await failure(createPostgresStorage({ connectionString: url.toString() }));
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/refused the login/);
    expect(error.hint).toMatch(/user and password/);
  });

  it('a database that does not exist: CONFIGURATION_INVALID with a hint', async () => {
    const error = await failure(createPostgresStorage({ connectionString: databaseUrl(inject('postgresUrl'), 'pccovid_missing_database') }));
    expect(error.code).toBe('CONFIGURATION_INVALID');
    expect(error.hint).toMatch(/createdb/);
  });

  it('a database at a newer schema version: CONFIGURATION_INVALID, nothing changed', async () => {
    const storage = await createPostgresStorage({ connectionString: db.url });
    await storage.dispose();
    await db.sql("INSERT INTO pccovid.schema_migrations (version, name) VALUES ($1, 'from the future')", [POSTGRES_SCHEMA_VERSION + 1]);
    try {
      const error = await failure(createPostgresStorage({ connectionString: db.url }));
      expect(error.code).toBe('CONFIGURATION_INVALID');
      expect(error.message).toContain(`schema version ${POSTGRES_SCHEMA_VERSION + 1}`);
      expect(error.hint).toMatch(/Upgrade @pccovid-inspect\/storage-postgres/);
    } finally {
      await db.sql('DELETE FROM pccovid.schema_migrations WHERE version > $1', [POSTGRES_SCHEMA_VERSION]);
    }
  });

  it('a server older than 13: CONFIGURATION_INVALID naming its version, with a hint (the check the adapter runs on connecting)', async () => {
    // This server's own answers pass.
    const [num] = await db.sql<{ server_version_num: string }>('SHOW server_version_num');
    const [version] = await db.sql<{ server_version: string }>('SHOW server_version');
    expect(Number(num?.server_version_num)).toBeGreaterThanOrEqual(MIN_SERVER_VERSION_NUM);
    expect(() => checkServerVersion(num?.server_version_num, version?.server_version)).not.toThrow();
    expect(() => checkServerVersion(String(MIN_SERVER_VERSION_NUM), '13.0')).not.toThrow();
    // What older servers answer to SHOW server_version_num and SHOW server_version.
    for (const [older, shown] of [
      ['120022', '12.22 (Debian 12.22-1.pgdg120+1)'],
      ['90624', '9.6.24'],
      [String(MIN_SERVER_VERSION_NUM - 1), '12.99'],
    ] as const) {
      let error: unknown;
      try {
        checkServerVersion(older, shown);
      } catch (e) {
        error = e;
      }
      expect(ConfigurationError.isInstance(error), shown).toBe(true);
      const typed = error as InspectError;
      expect(typed.code).toBe('CONFIGURATION_INVALID');
      expect(typed.message).toContain(`the PostgreSQL server ${shown} is too old (13 or newer is needed)`);
      expect(typed.message).toContain('quá cũ');
      expect(typed.hint).toMatch(/Upgrade the server to PostgreSQL 13 or newer/);
    }
    // An answer that is not a version number is refused, not taken for a new server.
    expect(() => checkServerVersion('', '')).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }) as Error);
    expect(() => checkServerVersion(undefined, undefined)).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }) as Error);
  });

  it('bad options: CONFIGURATION_INVALID before connecting', async () => {
    await expect(createPostgresStorage({})).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
    await expect(createPostgresStorage({ connectionString: db.url, poolSize: 0 })).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
    await expect(createPostgresStorage({ connectionString: db.url, statementTimeoutMs: -1 })).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
  });

  it('a statement longer than statementTimeoutMs: STORAGE_FAILED, and the adapter stays usable', async () => {
    const storage = await createPostgresStorage({ connectionString: db.url, statementTimeoutMs: 200, poolSize: 1 });
    try {
      const { commitPuts, visitPut } = await import('./commit-batch.js');
      await commitPuts(storage, 'timeout', [visitPut('timeout', 'v-1')]);
      // Hold a lock on the record from outside, so the adapter's UPDATE waits past its timeout.
      const { default: pg } = await import('pg');
      const blocker = new pg.Client({ connectionString: db.url });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query("SELECT 1 FROM pccovid.records WHERE tenant_id = 'timeout' FOR UPDATE");
        const error = await failure(commitPuts(storage, 'timeout', [visitPut('timeout', 'v-1', 1)]));
        expect(error.code).toBe('STORAGE_FAILED');
        expect(error.message).toMatch(/statementTimeoutMs/);
        await blocker.query('ROLLBACK');
      } finally {
        await blocker.end();
      }
      expect(await commitPuts(storage, 'timeout', [visitPut('timeout', 'v-1', 1)])).toMatchObject([{ version: 2 }]);
    } finally {
      await storage.dispose();
    }
  });

  it('two adapters starting at once on an empty database migrate it once (advisory lock)', async () => {
    const fresh = await createTestDatabase('pccovid_migrate');
    try {
      const adapters = await Promise.all(Array.from({ length: 4 }, () => createPostgresStorage({ connectionString: fresh.url, poolSize: 1 })));
      await Promise.all(adapters.map((a) => a.dispose()));
      const steps = Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 }));
      expect(await fresh.sql('SELECT version FROM pccovid.schema_migrations ORDER BY version')).toEqual(steps);
    } finally {
      await fresh.drop();
    }
  });
});
