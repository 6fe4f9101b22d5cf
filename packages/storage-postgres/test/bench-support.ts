/**
 * What bench/src/postgres-*.bench.ts need from `pg` (the bench package does not depend on it, so
 * they import it from here, where it resolves): a raw pool, a fresh (or cloned) database on the server, a raw COPY.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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

/**
 * Drops database `name` and creates it again as a copy of database `template` (`CREATE DATABASE …
 * TEMPLATE`: a file-level copy, as a bench on SQLite copies its prepared file); returns its URL.
 * Nobody may be connected to `template` meanwhile.
 */
export async function cloneDatabase(name: string, template: string): Promise<string> {
  const admin = new pg.Client({ connectionString: benchServerUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(benchServerUrl(), name);
}

/**
 * Raw COPY of portal-statistics rows into `pccovid.portal_statistics` (as the server's superuser:
 * row-level security refuses COPY FROM to anyone else), streamed in 64 KiB messages with
 * backpressure, as the adapter streams its stage. Returns the rows sent.
 */
export async function rawCopyPortalStatistics(
  pool: pg.Pool,
  rows: Iterable<{ tenantId: string; targetId: string; districtCode: string; date: string; registeredPoints: number; scans: number; distinctVisitors: number }>,
): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let buffer = '';
    for (const r of rows) {
      buffer += `${r.tenantId}\t${r.targetId}\t${r.date}\t${r.districtCode}\t${r.registeredPoints}\t${r.scans}\t${r.distinctVisitors}\n`;
      count += 1;
      if (buffer.length >= 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer.length > 0) yield buffer;
  }
  const client = await pool.connect();
  try {
    await pipeline(
      Readable.from(lines(), { objectMode: false }),
      client.query(copyFrom('COPY pccovid.portal_statistics (tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors) FROM STDIN')),
    );
  } finally {
    client.release();
  }
  return count;
}
