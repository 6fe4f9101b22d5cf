import type { PoolClient } from 'pg';
import type { PortalStatisticsRow, PortalStatisticsSummary } from '@pccovid-inspect/core';
import { SCHEMA } from './postgres-migrations.js';

const TABLE = `${SCHEMA}.portal_statistics`;

/** @internal Rows per INSERT of the bulk path (7 arrays of this many values each). */
export const BULK_CHUNK_ROWS = 5000;

/**
 * @internal One chunk of the bulk path: one INSERT of arrays (`unnest`), each row replacing the
 * stored one of the same target and day. A chunk must not hold the same key twice (ON CONFLICT
 * DO UPDATE may touch a row once per statement): `dedupeChunk` keeps the last row of each key.
 */
export async function insertChunk(client: PoolClient, tenantId: string, rows: readonly PortalStatisticsRow[]): Promise<void> {
  await client.query({
    name: 'pccovid-insert-portal-statistics',
    text: `INSERT INTO ${TABLE} (tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors)
           SELECT $1, t, d, c, p, s, v FROM unnest($2::text[], $3::date[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[]) AS u(t, d, c, p, s, v)
           ON CONFLICT (tenant_id, target_id, date) DO UPDATE SET district_code = excluded.district_code,
             registered_points = excluded.registered_points, scans = excluded.scans, distinct_visitors = excluded.distinct_visitors`,
    values: [
      tenantId,
      rows.map((r) => r.targetId),
      rows.map((r) => r.date),
      rows.map((r) => r.districtCode),
      rows.map((r) => r.registeredPoints),
      rows.map((r) => r.scans),
      rows.map((r) => r.distinctVisitors),
    ],
  });
}

/** @internal The rows of a chunk grouped by tenant, each group keeping the last row of each (target, day). */
export function groupChunk(rows: readonly PortalStatisticsRow[]): Map<string, PortalStatisticsRow[]> {
  const byTenant = new Map<string, Map<string, PortalStatisticsRow>>();
  for (const row of rows) {
    let keyed = byTenant.get(row.tenantId);
    if (!keyed) byTenant.set(row.tenantId, (keyed = new Map<string, PortalStatisticsRow>()));
    const key = `${row.targetId}\u0000${row.date}`;
    keyed.delete(key); // keep the order of the last occurrence
    keyed.set(key, row);
  }
  return new Map([...byTenant].map(([tenant, keyed]) => [tenant, [...keyed.values()]]));
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
