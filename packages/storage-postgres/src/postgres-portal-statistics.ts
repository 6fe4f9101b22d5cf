import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PortalStatisticsRow, PortalStatisticsSummary } from '@pccovid-inspect/core';
import { PostgresCallerError, sqlStateOf } from './postgres-errors.js';
import { SCHEMA } from './postgres-migrations.js';
import { portalStatisticsPartition, quoteIdent } from './postgres-tenants.js';

const TABLE = `${SCHEMA}.portal_statistics`;

const STAGE = 'pccovid_portal_statistics_stage';

/** A text field of COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/**
 * Rows per chunk: each chunk is COPYed into the partitions under a savepoint and its COPY text
 * (about 4 MiB) is kept until the chunk is released, so a re-import can replay it as an upsert.
 */
export const STAGE_CHUNK_ROWS = 50_000;

/** Bytes of COPY text per message (pieces are encoded, then sent, one at a time). */
const PIECE_BYTES = 65_536;

/**
 * Bytes of the arena the chunk's first province's text is encoded into, reused by every chunk (a
 * chunk's COPY has been read by the server before the next chunk starts). Fresh buffers per piece
 * would live as long as their chunk, long enough to reach V8's old space, and pile up there
 * (about 30 MiB at 1,000,000 rows) until a full collection. Text past the arena (rows longer than
 * about 160 bytes) and other provinces' text get buffers of their own.
 */
const ARENA_BYTES = 8 * 1024 * 1024;

const COLUMNS = 'tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors';

/** One tenant's part of a chunk: its COPY text in pieces (already encoded) and its row count. */
interface Part {
  pieces: Buffer[];
  /** Text not yet encoded into a piece. */
  text: string;
  rows: number;
}

/** One chunk: its first tenant's part is streamed while it is read; other tenants' parts are sent after. */
interface Chunk {
  lead: string;
  parts: Map<string, Part>;
  rows: number;
}

/**
 * @internal The bulk path, inside the caller's transaction, started at the login role. Since
 * schema version 3 every province has a partition of its own without row-level security (COPY
 * FROM is refused into a relation whose policies apply to the role) that only its role may
 * write, and whose bound refuses another province's rows; so each province's rows are COPYed
 * straight into its partition as its role, with no stage.
 *
 * Streamed in chunks of `STAGE_CHUNK_ROWS`, each under a savepoint: the chunk's first province's
 * rows are encoded piece by piece as the COPY stream asks for them (backpressure: the iterator is
 * read no faster than the server takes the rows; memory does not grow with the number of rows);
 * rows of other provinces met in the chunk are set aside and COPYed into their partitions after.
 * The chunk's text is kept until the chunk is released: when a key exists or repeats (a
 * re-import), the chunk is rolled back to its savepoint, and it and every following chunk go
 * through a temporary stage and an `INSERT … ON CONFLICT DO UPDATE` through the parent table as
 * each province's role (row-level security judges every row), keeping the last row of each key.
 * Returns how many rows were streamed, per tenant. An error thrown by the iterator comes back as
 * `PostgresCallerError`.
 */
export async function bulkInsert(
  client: PoolClient,
  rows: Iterable<PortalStatisticsRow>,
  roleOf: (tenantId: string) => Promise<string>,
  groupRole: string,
): Promise<Map<string, number>> {
  const perTenant = new Map<string, number>();
  const arena = Buffer.allocUnsafe(ARENA_BYTES);
  let arenaUsed = 0;
  /** Encodes a part's text: into the arena for the lead province while it has room, else into a buffer of its own. */
  const encode = (chunk: Chunk, tenantId: string, text: string): Buffer => {
    if (tenantId === chunk.lead) {
      const end = arenaUsed + Buffer.byteLength(text);
      if (end <= ARENA_BYTES) {
        arena.write(text, arenaUsed);
        const piece = arena.subarray(arenaUsed, end);
        arenaUsed = end;
        return piece;
      }
    }
    return Buffer.from(text);
  };
  const iterator = rows[Symbol.iterator]();
  let pending: PortalStatisticsRow | null = null;
  let done = false;
  const read = (): PortalStatisticsRow | null => {
    if (pending !== null) {
      const r = pending;
      pending = null;
      return r;
    }
    if (done) return null;
    let step: IteratorResult<PortalStatisticsRow>;
    try {
      step = iterator.next();
    } catch (error) {
      throw new PostgresCallerError(error);
    }
    if (step.done) {
      done = true;
      return null;
    }
    return step.value;
  };
  /** Adds one row to the chunk; returns a piece of the lead tenant's text when one is full. */
  const add = (chunk: Chunk, r: PortalStatisticsRow): Buffer | null => {
    let part = chunk.parts.get(r.tenantId);
    if (part === undefined) {
      part = { pieces: [], text: '', rows: 0 };
      chunk.parts.set(r.tenantId, part);
    }
    part.rows += 1;
    chunk.rows += 1;
    part.text += `${copyText(r.tenantId)}\t${copyText(r.targetId)}\t${r.date}\t${copyText(r.districtCode)}\t${r.registeredPoints}\t${r.scans}\t${r.distinctVisitors}\n`;
    // Encoded (flat) every 64 KiB: a string of 50,000 concatenations would hold a node per row.
    if (part.text.length < PIECE_BYTES) return null;
    const piece = encode(chunk, r.tenantId, part.text);
    part.pieces.push(piece);
    part.text = '';
    return r.tenantId === chunk.lead ? piece : null;
  };
  /** Ends every part's text (after the stream of the lead part, or when the chunk is replayed). */
  const flush = (chunk: Chunk): Buffer | null => {
    let leadPiece: Buffer | null = null;
    for (const [tenantId, part] of chunk.parts) {
      if (part.text.length === 0) continue;
      const piece = encode(chunk, tenantId, part.text);
      part.pieces.push(piece);
      part.text = '';
      if (tenantId === chunk.lead) leadPiece = piece;
    }
    return leadPiece;
  };
  /** The lead tenant's text of the chunk, read from the iterator as the COPY stream asks for it. */
  function* stream(chunk: Chunk): Generator<Buffer> {
    while (chunk.rows < STAGE_CHUNK_ROWS) {
      const r = read();
      if (r === null) break;
      const piece = add(chunk, r);
      if (piece !== null) yield piece;
    }
    const last = flush(chunk);
    if (last !== null) yield last;
  }
  /** Reads the rest of a chunk whose stream was cut short (by a refused COPY). */
  const finish = (chunk: Chunk): void => {
    for (const piece of stream(chunk)) void piece;
  };
  const copy = (target: string, pieces: Iterable<Buffer>, columns = ''): Promise<void> =>
    pipeline(Readable.from(pieces), client.query(copyFrom(`COPY ${target}${columns} FROM STDIN`)));

  let staged = false;
  /** The upsert of a chunk: COPY into the stage (at the login role), then INSERT … ON CONFLICT as each province's role. */
  const upsert = async (chunk: Chunk, roles: Map<string, string>): Promise<void> => {
    if (!staged) {
      await client.query(
        `CREATE TEMPORARY TABLE ${STAGE} (ord bigint GENERATED ALWAYS AS IDENTITY, tenant_id text COLLATE "C" NOT NULL, target_id text COLLATE "C" NOT NULL, date date NOT NULL,
           district_code text NOT NULL, registered_points bigint NOT NULL, scans bigint NOT NULL, distinct_visitors bigint NOT NULL) ON COMMIT DROP;
         GRANT SELECT ON ${STAGE} TO ${groupRole}`,
      );
      staged = true;
    }
    for (const part of chunk.parts.values()) await copy(STAGE, part.pieces, ` (${COLUMNS})`);
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

  let upserting = false;
  for (;;) {
    const first = read();
    if (first === null) break;
    pending = first;
    const chunk: Chunk = { lead: first.tenantId, parts: new Map(), rows: 0 };
    arenaUsed = 0; // the previous chunk is done with: its COPY ended (the server read it all) or it was upserted
    const roles = new Map<string, string>([[first.tenantId, await roleOf(first.tenantId)]]);
    if (upserting) {
      finish(chunk);
      for (const tenantId of chunk.parts.keys()) if (!roles.has(tenantId)) roles.set(tenantId, await roleOf(tenantId));
      await upsert(chunk, roles);
    } else {
      await client.query(`SAVEPOINT pccovid_bulk_chunk; SET LOCAL ROLE ${quoteIdent(roles.get(chunk.lead) ?? '')}`);
      try {
        await copy(partitionOf(chunk.lead), stream(chunk));
        for (const [tenantId, part] of chunk.parts) {
          if (tenantId === chunk.lead) continue;
          const role = await roleOf(tenantId);
          roles.set(tenantId, role);
          await client.query(`SET LOCAL ROLE ${quoteIdent(role)}`);
          await copy(partitionOf(tenantId), part.pieces);
        }
        await client.query('SET LOCAL ROLE NONE; RELEASE SAVEPOINT pccovid_bulk_chunk');
      } catch (error) {
        if (error instanceof PostgresCallerError || sqlStateOf(error) !== '23505') throw error; // unique_violation: a re-import, or a key twice in this chunk
        await client.query('ROLLBACK TO SAVEPOINT pccovid_bulk_chunk; RELEASE SAVEPOINT pccovid_bulk_chunk; SET LOCAL ROLE NONE');
        finish(chunk);
        flush(chunk);
        for (const tenantId of chunk.parts.keys()) if (!roles.has(tenantId)) roles.set(tenantId, await roleOf(tenantId));
        await upsert(chunk, roles);
        // A re-import: the next chunks most likely hit stored rows too, so they are upserted at once.
        upserting = true;
      }
    }
    for (const [tenantId, part] of chunk.parts) perTenant.set(tenantId, (perTenant.get(tenantId) ?? 0) + part.rows);
  }
  return perTenant;
}

/** The partition of a tenant, schema-qualified and quoted. */
function partitionOf(tenantId: string): string {
  return `${SCHEMA}.${quoteIdent(portalStatisticsPartition(tenantId))}`;
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
