/**
 * What bench/src/postgres-*.bench.ts need from `pg` (the bench package does not depend on it, so
 * they import it from here, where it resolves): a raw pool, and a fresh database on the server.
 */
import pg from 'pg';
import { databaseUrl } from './test-database.js';

/** The server of the benches: `PCCI_BENCH_POSTGRES_URL`, else `TEST_POSTGRES_URL` (an admin URL). */
export function benchServerUrl(): string {
  const url = process.env.PCCI_BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('set PCCI_BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a PostgreSQL server that may create databases (README "PostgreSQL")');
  return url;
}

/** A raw `pg` pool (no adapter): what the raw side of a bench uses. */
export function openRawPool(url: string, max = 2): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}

/** Drops and creates database `name` on the bench server; returns its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: benchServerUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(benchServerUrl(), name);
}
