import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PortalStatisticsRow, PortalStatisticsSummary } from '@pccovid-inspect/core';
import { PostgresCallerError, sqlStateOf } from './postgres-errors.js';
import { SCHEMA } from './postgres-migrations.js';
import { quoteIdent } from './postgres-tenants.js';

const TABLE = `${SCHEMA}.portal_statistics`;

const STAGE = 'pccovid_portal_statistics_stage';

/** A text field of COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** Rows per stage chunk: about 4 MiB of COPY text, which stays within the default `temp_buffers` (8 MB). */
export const STAGE_CHUNK_ROWS = 50_000;

const COLUMNS = 'tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors';

/** One chunk of COPY text (in pieces of about 64 KiB, already encoded) and the tenants in it. */
interface Chunk {
  pieces: Buffer[];
  rows: number;
  /** Rows of each tenant in the chunk. */
  tenants: Map<string, number>;
}

/** A SQL string literal (standard_conforming_strings is on from PostgreSQL 9.1: only the quote doubles). */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * @internal The bulk path, inside the caller's transaction, started at the login role. A
 * temporary stage table (no row-level security: it is the session's own; dropped at commit) is
 * filled chunk by chunk with `COPY … FROM STDIN` — row-level security refuses `COPY FROM` into the
 * target table to a province's role — and each chunk is moved into the table by
 * `INSERT … SELECT` as each province's role, so the policy's WITH CHECK judges every row.
 *
 * Pipelined: the chunk's INSERT is sent, then the next chunk is encoded while the server runs it,
 * so the caller's iterator and the encoding cost no server time; at most two chunks are in memory
 * (peak memory does not grow with the number of rows). A plain INSERT first (a first import of new
 * days: no row exists); when a key exists or repeats, that chunk is rolled back to its savepoint and
 * upserted, keeping the last row of each key, and so are the chunks after it (a re-import). Returns how many rows were streamed, per tenant. An
 * error thrown by the iterator comes back as `PostgresCallerError`.
 */
export async function bulkInsert(
  client: PoolClient,
  rows: Iterable<PortalStatisticsRow>,
  roleOf: (tenantId: string) => Promise<string>,
  groupRole: string,
): Promise<Map<string, number>> {
  await client.query(
    `CREATE TEMPORARY TABLE ${STAGE} (ord bigint NOT NULL, tenant_id text COLLATE "C" NOT NULL, target_id text COLLATE "C" NOT NULL, date date NOT NULL,
       district_code text NOT NULL, registered_points bigint NOT NULL, scans bigint NOT NULL, distinct_visitors bigint NOT NULL) ON COMMIT DROP;
     GRANT SELECT ON ${STAGE} TO ${groupRole}`,
  );
  const perTenant = new Map<string, number>();
  const iterator = rows[Symbol.iterator]();
  let ord = 0;
  let done = false;
  const next = (): Chunk => {
    const chunk: Chunk = { pieces: [], rows: 0, tenants: new Map() };
    let piece = '';
    // The run of rows of one tenant being read (files are mostly one province's): one map update per run.
    let tenant: string | null = null;
    let run = 0;
    while (!done && chunk.rows < STAGE_CHUNK_ROWS) {
      let step: IteratorResult<PortalStatisticsRow>;
      try {
        step = iterator.next();
      } catch (error) {
        throw new PostgresCallerError(error);
      }
      if (step.done) {
        done = true;
        break;
      }
      const r = step.value;
      if (r.tenantId !== tenant) {
        if (tenant !== null) chunk.tenants.set(tenant, (chunk.tenants.get(tenant) ?? 0) + run);
        tenant = r.tenantId;
        run = 0;
      }
      run += 1;
      chunk.rows += 1;
      piece += `${ord++}\t${copyText(r.tenantId)}\t${copyText(r.targetId)}\t${r.date}\t${copyText(r.districtCode)}\t${r.registeredPoints}\t${r.scans}\t${r.distinctVisitors}\n`;
      // Encoded (flat) every 64 KiB: a string of 50,000 concatenations would hold a node per row.
      if (piece.length >= 65_536) {
        chunk.pieces.push(Buffer.from(piece));
        piece = '';
      }
    }
    if (piece.length > 0) chunk.pieces.push(Buffer.from(piece));
    if (tenant !== null) chunk.tenants.set(tenant, (chunk.tenants.get(tenant) ?? 0) + run);
    return chunk;
  };
  let upserting = false;
  let chunk = next();
  while (chunk.rows > 0) {
    const roles = new Map<string, string>();
    for (const [tenantId, n] of chunk.tenants) {
      perTenant.set(tenantId, (perTenant.get(tenantId) ?? 0) + n);
      roles.set(tenantId, await roleOf(tenantId));
    }
    await pipeline(Readable.from(chunk.pieces), client.query(copyFrom(`COPY ${STAGE} FROM STDIN`)));
    const upsertAll = async (): Promise<void> => {
      for (const [tenantId, role] of roles) {
        await client.query(`SET LOCAL ROLE ${quoteIdent(role)}`);
        await client.query(
          `INSERT INTO ${TABLE} (${COLUMNS})
           SELECT DISTINCT ON (target_id, date) ${COLUMNS} FROM ${STAGE} WHERE tenant_id = $1 ORDER BY target_id, date, ord DESC
           ON CONFLICT (tenant_id, target_id, date) DO UPDATE SET district_code = excluded.district_code,
             registered_points = excluded.registered_points, scans = excluded.scans, distinct_visitors = excluded.distinct_visitors`,
          [tenantId],
        );
      }
      await client.query(`SET LOCAL ROLE NONE; TRUNCATE ${STAGE}`);
    };
    if (upserting) {
      await upsertAll();
      chunk = next();
      continue;
    }
    // Sent now, as one message; the next chunk is encoded while the server runs it.
    const moving = client.query(
      `SAVEPOINT pccovid_stage_insert;
       ${[...roles].map(([tenantId, role]) => `SET LOCAL ROLE ${quoteIdent(role)}; INSERT INTO ${TABLE} (${COLUMNS}) SELECT ${COLUMNS} FROM ${STAGE} WHERE tenant_id = ${literal(tenantId)};`).join('\n')}
       SET LOCAL ROLE NONE; TRUNCATE ${STAGE}; RELEASE SAVEPOINT pccovid_stage_insert`,
    );
    let following: Chunk;
    try {
      following = next();
    } catch (error) {
      await moving.catch(() => undefined);
      throw error;
    }
    try {
      await moving;
    } catch (error) {
      if (sqlStateOf(error) !== '23505') throw error; // unique_violation: a re-import, or a key twice in this chunk
      await client.query('ROLLBACK TO SAVEPOINT pccovid_stage_insert; RELEASE SAVEPOINT pccovid_stage_insert');
      await upsertAll();
      // A re-import: the next chunks most likely hit stored rows too, so they are upserted at once.
      upserting = true;
    }
    chunk = following;
  }
  return perTenant;
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
