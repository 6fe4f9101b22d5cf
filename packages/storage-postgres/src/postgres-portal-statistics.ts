import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PortalStatisticsRow, PortalStatisticsSummary } from '@pccovid-inspect/core';
import { PostgresCallerError, sqlStateOf } from './postgres-errors.js';
import { SCHEMA } from './postgres-migrations.js';

const TABLE = `${SCHEMA}.portal_statistics`;

const STAGE = 'pccovid_portal_statistics_stage';

/** A text field of COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/**
 * @internal The bulk path, step 1, inside the caller's transaction (at the login role): a
 * temporary table dropped at commit, filled by ONE `COPY … FROM STDIN` streamed from the rows
 * (64 KiB messages, with backpressure: a generator of a million rows is never held in memory),
 * each row numbered so the last row of a (tenant, target, day) wins. COPY cannot write the
 * target table itself: row-level security refuses `COPY FROM` (and a re-import must replace rows).
 * Returns how many rows were streamed, per tenant. An error thrown by the iterator comes back as
 * `PostgresCallerError`.
 */
export async function copyIntoStage(client: PoolClient, rows: Iterable<PortalStatisticsRow>): Promise<Map<string, number>> {
  await client.query(
    `CREATE TEMPORARY TABLE ${STAGE} (ord bigint NOT NULL, tenant_id text COLLATE "C" NOT NULL, target_id text COLLATE "C" NOT NULL, date date NOT NULL,
       district_code text NOT NULL, registered_points bigint NOT NULL, scans bigint NOT NULL, distinct_visitors bigint NOT NULL) ON COMMIT DROP`,
  );
  const perTenant = new Map<string, number>();
  function* lines(): Generator<string> {
    let buffer = '';
    let ord = 0;
    const iterator = rows[Symbol.iterator]();
    for (;;) {
      let step: IteratorResult<PortalStatisticsRow>;
      try {
        step = iterator.next();
      } catch (error) {
        throw new PostgresCallerError(error);
      }
      if (step.done) break;
      const r = step.value;
      perTenant.set(r.tenantId, (perTenant.get(r.tenantId) ?? 0) + 1);
      buffer += `${ord++}\t${copyText(r.tenantId)}\t${copyText(r.targetId)}\t${r.date}\t${copyText(r.districtCode)}\t${r.registeredPoints}\t${r.scans}\t${r.distinctVisitors}\n`;
      if (buffer.length >= 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer.length > 0) yield buffer;
  }
  const source = Readable.from(lines(), { objectMode: false });
  try {
    await pipeline(source, client.query(copyFrom(`COPY ${STAGE} FROM STDIN`)));
  } catch (error) {
    // The iterator's own error (pipeline may report the stream's instead, or wrap it).
    const own = error instanceof PostgresCallerError ? error : (source.errored as unknown);
    if (own instanceof PostgresCallerError) throw own;
    throw error;
  }
  return perTenant;
}

/**
 * @internal The bulk path, step 2, for one tenant, run as its role (row-level security applies):
 * the tenant's staged rows into the table, each replacing the stored row of its target and day.
 * First as a plain INSERT (a first import of new days: no row exists, and a plain INSERT is about
 * 1.5× faster than ON CONFLICT DO UPDATE here); when a key exists or repeats, that attempt is
 * rolled back to its savepoint and the rows are upserted, keeping the last row of each key.
 */
export async function insertFromStage(client: PoolClient, tenantId: string): Promise<void> {
  const columns = 'tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors';
  await client.query('SAVEPOINT pccovid_stage_insert');
  try {
    await client.query(`INSERT INTO ${TABLE} (${columns}) SELECT ${columns} FROM ${STAGE} WHERE tenant_id = $1`, [tenantId]);
    await client.query('RELEASE SAVEPOINT pccovid_stage_insert');
  } catch (error) {
    if (sqlStateOf(error) !== '23505') throw error; // unique_violation: a re-import, or a key twice in this one
    await client.query('ROLLBACK TO SAVEPOINT pccovid_stage_insert');
    await client.query(
      `INSERT INTO ${TABLE} (${columns})
       SELECT DISTINCT ON (target_id, date) ${columns} FROM ${STAGE} WHERE tenant_id = $1 ORDER BY target_id, date, ord DESC
       ON CONFLICT (tenant_id, target_id, date) DO UPDATE SET district_code = excluded.district_code,
         registered_points = excluded.registered_points, scans = excluded.scans, distinct_visitors = excluded.distinct_visitors`,
      [tenantId],
    );
  }
}

/** @internal Lets the tenant roles read the stage table (they run step 2; it belongs to the login role). */
export async function grantStage(client: PoolClient, groupRole: string): Promise<void> {
  await client.query(`GRANT SELECT ON ${STAGE} TO ${groupRole}`);
}

interface SummaryRow {
  targetId: string;
  districtCode: string;
  days: number;
  zeroScanDays: number;
  totalScans: number;
  maxRegisteredPoints: number;
}

/** @internal Per-target totals over an inclusive civil-date range, sorted by target id (byte order). */
export async function summarize(client: PoolClient, tenantId: string, range: { from: string; to: string; targetIds?: string[] }): Promise<PortalStatisticsSummary[]> {
  if (range.targetIds !== undefined && range.targetIds.length === 0) return [];
  const { rows } = await client.query<SummaryRow>({
    name: range.targetIds === undefined ? 'pccovid-summarize-all' : 'pccovid-summarize-some',
    text: `SELECT p.target_id AS "targetId",
             (array_agg(p.district_code ORDER BY p.date DESC))[1] AS "districtCode",
             COUNT(*)::float8 AS days,
             COUNT(*) FILTER (WHERE p.scans = 0)::float8 AS "zeroScanDays",
             SUM(p.scans)::float8 AS "totalScans",
             MAX(p.registered_points)::float8 AS "maxRegisteredPoints"
           FROM ${TABLE} p
           WHERE p.tenant_id = $1 AND p.date BETWEEN $2::date AND $3::date${range.targetIds === undefined ? '' : ' AND p.target_id = ANY($4::text[])'}
           GROUP BY p.target_id ORDER BY p.target_id`,
    values: range.targetIds === undefined ? [tenantId, range.from, range.to] : [tenantId, range.from, range.to, range.targetIds],
  });
  return rows;
}
