import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { compareGroupKeys, decodeQueryCursor, encodeQueryCursor, isIndexValue } from '@pccovid-inspect/core/adapter-kit';
import type { CountByRequest, CountByResult, QueryCursorPosition } from '@pccovid-inspect/core/adapter-kit';
import type { IndexFilter, IndexValue, PutRequest, QueryPage, QueryRequest, StoredRecord } from '@pccovid-inspect/core';
import { SCHEMA } from './postgres-migrations.js';

const DEFAULT_LIMIT = 100;
const RECORDS = `${SCHEMA}.records`;
const INDEXES = `${SCHEMA}.record_indexes`;

/** @internal A statement to run: SQL and its bound parameters. */
export interface SqlStep {
  sql: string;
  params: unknown[];
}

/** @internal Bound parameters of one statement: `add` returns the placeholder (`$3`). */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface RecordRow {
  id: string;
  version: number;
  data: unknown;
  indexes: Record<string, IndexValue>;
  updated_at: string;
}

/** @internal An index value as its row in `record_indexes`: rank, number (booleans 0/1), string. */
export function indexColumns(value: Exclude<IndexValue, null>): { rank: number; num: number; str: string } {
  if (typeof value === 'boolean') return { rank: 1, num: value ? 1 : 0, str: '' };
  if (typeof value === 'number') return { rank: 2, num: value, str: '' };
  return { rank: 3, num: 0, str: value };
}

/** An index value read back from its columns (no row: null). */
function fromColumns(rank: number | null, num: number | null, str: string | null): IndexValue {
  if (rank === null) return null;
  if (rank === 1) return num === 1;
  if (rank === 2) return num;
  return str;
}

const RECORD_COLUMNS = 'r.id, r.version, r.data, r.indexes, r.updated_at';

/** The condition that the index row `alias` holds one of the non-null `values` (bound as one array per rank). */
function valueCondition(alias: string, values: readonly IndexValue[], p: Params): string {
  const bools: number[] = [];
  const nums: number[] = [];
  const strs: string[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (typeof v === 'boolean') bools.push(v ? 1 : 0);
    else if (typeof v === 'number') nums.push(v);
    else strs.push(v);
  }
  const ranks: string[] = [];
  if (bools.length > 0) ranks.push(`(${alias}.rank = 1 AND ${alias}.num = ANY(${p.add(bools)}::float8[]))`);
  if (nums.length > 0) ranks.push(`(${alias}.rank = 2 AND ${alias}.num = ANY(${p.add(nums)}::float8[]))`);
  if (strs.length > 0) ranks.push(`(${alias}.rank = 3 AND ${alias}.str = ANY(${p.add(strs)}::text[]))`);
  return ranks.length === 0 ? 'false' : `(${ranks.join(' OR ')})`;
}

/**
 * The condition that the record `${owner}.id` matches one `where` filter: an index seek on the
 * primary key of `record_indexes` (values bound as arrays per rank), or, for null, the absence of
 * a row for the field.
 */
function filterCondition(owner: string, request: { tenantId: string; collection: string }, field: string, filter: IndexFilter, p: Params): string {
  const values = isIndexValue(filter) ? [filter] : filter.in;
  const lookup = (alias: string) =>
    `SELECT 1 FROM ${INDEXES} ${alias} WHERE ${alias}.tenant_id = ${p.add(request.tenantId)} AND ${alias}.collection = ${p.add(request.collection)} AND ${alias}.id = ${owner}.id AND ${alias}.field = ${p.add(field)}`;
  const parts: string[] = [];
  if (values.some((v) => v !== null)) {
    const head = lookup('f');
    parts.push(`EXISTS (${head} AND ${valueCondition('f', values, p)})`);
  }
  if (values.includes(null)) parts.push(`NOT EXISTS (${lookup('n')})`);
  return parts.length === 0 ? 'false' : `(${parts.join(' OR ')})`;
}

function whereConditions(owner: string, request: { tenantId: string; collection: string; where?: Record<string, IndexFilter> }, p: Params, skip?: string): string {
  let sql = '';
  for (const [field, filter] of Object.entries(request.where ?? {})) {
    if (field !== skip) sql += ` AND ${filterCondition(owner, request, field, filter, p)}`;
  }
  return sql;
}

/**
 * @internal The one statement of a query ordered by an index field. Two branches, each limited to
 * `fetch` rows and each read in order from an index: the records WITH a value for the field
 * (walking `record_indexes_by_value` from the cursor, joined to `records` by primary key) and the
 * records WITHOUT one (null or missing: rank 0, in id order along the primary key of `records`,
 * by an anti-join). The outer sort merges at most 2 × `fetch` rows into the contract's total
 * order: rank (null 0 < boolean 1 < number 2 < string 3), then the value, then the id, all
 * reversed for `desc`. A branch the cursor has already passed is left out.
 */
export function orderedQuerySql(request: QueryRequest, field: string, after: QueryCursorPosition | null, fetch: number): SqlStep {
  const p = new Params();
  const asc = (request.orderBy?.direction ?? 'asc') === 'asc';
  const op = asc ? '>' : '<';
  const dir = asc ? 'ASC' : 'DESC';
  const afterNull = after !== null && after.value === null;
  const afterValued = after !== null && after.value !== null;
  const branches: string[] = [];
  // Ascending: nulls come first, so they are done once the cursor is on a value. Descending: nulls come last.
  const withValued = asc || !afterNull;
  const withNulls = asc ? !afterValued : true;
  if (withValued) {
    let sql = `SELECT ${RECORD_COLUMNS}, o.rank::integer AS k_rank, o.num AS k_num, o.str AS k_str FROM ${INDEXES} o
      JOIN ${RECORDS} r ON r.tenant_id = o.tenant_id AND r.collection = o.collection AND r.id = o.id
      WHERE o.tenant_id = ${p.add(request.tenantId)} AND o.collection = ${p.add(request.collection)} AND o.field = ${p.add(field)}`;
    if (afterValued) {
      const c = indexColumns(after.value as Exclude<IndexValue, null>);
      sql += ` AND (o.rank, o.num, o.str, o.id) ${op} (${p.add(c.rank)}::smallint, ${p.add(c.num)}::float8, ${p.add(c.str)}::text, ${p.add(after.id)}::text)`;
    }
    sql += whereConditions('o', request, p);
    sql += ` ORDER BY o.rank ${dir}, o.num ${dir}, o.str ${dir}, o.id ${dir} LIMIT ${p.add(fetch)}`;
    branches.push(`(${sql})`);
  }
  if (withNulls) {
    let sql = `SELECT ${RECORD_COLUMNS}, 0 AS k_rank, 0::float8 AS k_num, ''::text COLLATE "C" AS k_str FROM ${RECORDS} r
      WHERE r.tenant_id = ${p.add(request.tenantId)} AND r.collection = ${p.add(request.collection)}
      AND NOT EXISTS (SELECT 1 FROM ${INDEXES} o WHERE o.tenant_id = r.tenant_id AND o.collection = r.collection AND o.id = r.id AND o.field = ${p.add(field)})`;
    if (afterNull) sql += ` AND r.id ${op} ${p.add(after.id)}`;
    sql += whereConditions('r', request, p);
    sql += ` ORDER BY r.id ${dir} LIMIT ${p.add(fetch)}`;
    branches.push(`(${sql})`);
  }
  const sql = `SELECT id, version, data, indexes, updated_at FROM (${branches.join(' UNION ALL ')}) q
    ORDER BY k_rank ${dir}, k_num ${dir}, k_str ${dir}, id ${dir} LIMIT ${p.add(fetch)}`;
  return { sql, params: p.values };
}

/** @internal The statement of a query in id order (no `orderBy`). */
export function idOrderQuerySql(request: QueryRequest, after: QueryCursorPosition | null, fetch: number): SqlStep {
  const p = new Params();
  const direction = request.orderBy?.direction ?? 'asc';
  let sql = `SELECT ${RECORD_COLUMNS} FROM ${RECORDS} r WHERE r.tenant_id = ${p.add(request.tenantId)} AND r.collection = ${p.add(request.collection)}`;
  sql += whereConditions('r', request, p);
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  if (after) sql += ` AND r.id ${direction === 'asc' ? '>' : '<'} ${p.add(after.id)}`;
  sql += ` ORDER BY r.id ${dir} LIMIT ${p.add(fetch)}`;
  return { sql, params: p.values };
}

/**
 * @internal The statement of a `countBy`: the matching records of the tenant and collection (driven
 * from the index rows of a `where` filter with only non-null values when there is one), each
 * `groupBy` field a LEFT JOIN on the primary key of `record_indexes` (no row: null), grouped by
 * those columns. No record JSON is read.
 */
export function countBySql(request: CountByRequest): SqlStep {
  const p = new Params();
  const { groupBy } = request;
  const tenant = p.add(request.tenantId);
  const collection = p.add(request.collection);
  const columns = groupBy.map((_, i) => `g${i}.rank::integer AS r${i}, g${i}.num AS n${i}, g${i}.str AS s${i}`).join(', ');
  // Tenant and collection as the parameters (equal to the driver's, by its WHERE), not as d's
  // columns: the planner then hashes each join on the id alone, as it does for an inner join.
  const joins = groupBy
    .map((field, i) => ` LEFT JOIN ${INDEXES} g${i} ON g${i}.tenant_id = ${tenant} AND g${i}.collection = ${collection} AND g${i}.id = d.id AND g${i}.field = ${p.add(field)}`)
    .join('');
  // Driven by a filter with only non-null values when there is one (an index seek on its rows), else by every record's key.
  const driver = Object.entries(request.where ?? {}).find(([, filter]) => (isIndexValue(filter) ? filter !== null : filter.in.length > 0 && !filter.in.includes(null)));
  let sql: string;
  if (driver) {
    const [field, filter] = driver;
    sql = `SELECT ${columns}, COUNT(*)::float8 AS n FROM ${INDEXES} d${joins}
      WHERE d.tenant_id = ${tenant} AND d.collection = ${collection} AND d.field = ${p.add(field)}
      AND ${valueCondition('d', isIndexValue(filter) ? [filter] : filter.in, p)}`;
    sql += whereConditions('d', request, p, field);
  } else {
    sql = `SELECT ${columns}, COUNT(*)::float8 AS n FROM ${RECORDS} d${joins} WHERE d.tenant_id = ${tenant} AND d.collection = ${collection}`;
    sql += whereConditions('d', request, p);
  }
  sql += ` GROUP BY ${groupBy.map((_, i) => `r${i}, n${i}, s${i}`).join(', ')}`;
  return { sql, params: p.values };
}

/** The value of an index field of a record; a missing field counts as null. */
function indexValueOf(indexes: Record<string, IndexValue>, field: string | null): IndexValue {
  if (field === null || !Object.hasOwn(indexes, field)) return null;
  return indexes[field] ?? null;
}

function toRecord<T>(row: RecordRow, collection: string, tenantId: string): StoredRecord<T> {
  return { collection, tenantId, id: row.id, version: row.version, data: row.data as T, indexes: row.indexes, updatedAt: row.updated_at };
}

/** @internal What a put's write found: written, or the stored version that made it stale (null: no record). */
export type PutOutcome = { written: true } | { written: false; actualVersion: number | null };

/**
 * @internal Versioned records: reads (on a client already `SET ROLE`d to the tenant) and the write
 * of one put inside `commit`'s transaction. Core has checked every request before it gets here.
 */
export const postgresRecords = {
  async get<T>(client: PoolClient, collection: string, tenantId: string, id: string): Promise<StoredRecord<T> | null> {
    const { rows } = await client.query<RecordRow>({
      name: 'pccovid-get',
      text: `SELECT id, version, data, indexes, updated_at FROM ${RECORDS} WHERE tenant_id = $1 AND collection = $2 AND id = $3`,
      values: [tenantId, collection, id],
    });
    const row = rows[0];
    return row ? toRecord<T>(row, collection, tenantId) : null;
  },

  async query<T>(client: PoolClient, request: QueryRequest): Promise<QueryPage<T>> {
    const field = request.orderBy?.field ?? null;
    const direction = request.orderBy?.direction ?? 'asc';
    const after = request.cursor ? decodeQueryCursor(request.cursor, field, direction) : null;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const step = field === null ? idOrderQuerySql(request, after, limit + 1) : orderedQuerySql(request, field, after, limit + 1);
    const { rows } = await client.query<RecordRow>(step.sql, step.params);
    const items = rows.slice(0, limit).map((row) => toRecord<T>(row, request.collection, request.tenantId));
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeQueryCursor({ field, direction, value: indexValueOf(last.indexes, field), id: last.id }) : null;
    return { items, nextCursor };
  },

  async countBy(client: PoolClient, request: CountByRequest): Promise<CountByResult> {
    const { sql, params } = countBySql(request);
    // A named statement per shape of request (its text): planned once per connection, as a server's repeated report is.
    const name = `pccovid-count-by-${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    const { rows } = await client.query<Record<string, number | string | null>>({ name, text: sql, values: params, rowMode: 'array' } as never);
    const groups = (rows as unknown as (number | string | null)[][]).map((row) => ({
      key: Object.fromEntries(
        request.groupBy.map((field, i) => [field, fromColumns(row[3 * i] as number | null, row[3 * i + 1] as number | null, row[3 * i + 2] as string | null)]),
      ),
      count: row[row.length - 1] as number,
    }));
    return { groups: groups.sort((a, b) => compareGroupKeys(request.groupBy, a.key, b.key)) };
  },

  /**
   * Writes one put inside the commit's transaction: an INSERT that does nothing when the record
   * exists (`expectedVersion` 0), else an UPDATE `WHERE version = expectedVersion` — under READ
   * COMMITTED a concurrent writer's committed change is re-checked against that condition, so a
   * stale write matches no row. Then the index rows are replaced. Returns what it found.
   */
  async write(client: PoolClient, put: PutRequest, data: string, indexes: string): Promise<PutOutcome> {
    const { tenantId, collection, id, expectedVersion } = put;
    const key = [tenantId, collection, id];
    const written =
      expectedVersion === 0
        ? await client.query({
            name: 'pccovid-insert-record',
            text: `INSERT INTO ${RECORDS} (tenant_id, collection, id, version, data, indexes, updated_at) VALUES ($1, $2, $3, 1, $4::jsonb, $5::jsonb, $6)
                   ON CONFLICT (tenant_id, collection, id) DO NOTHING`,
            values: [...key, data, indexes, put.updatedAt],
          })
        : await client.query({
            name: 'pccovid-update-record',
            text: `UPDATE ${RECORDS} SET version = version + 1, data = $4::jsonb, indexes = $5::jsonb, updated_at = $6
                   WHERE tenant_id = $1 AND collection = $2 AND id = $3 AND version = $7`,
            values: [...key, data, indexes, put.updatedAt, expectedVersion],
          });
    if (written.rowCount !== 1) {
      const { rows } = await client.query<{ version: number }>({
        name: 'pccovid-record-version',
        text: `SELECT version FROM ${RECORDS} WHERE tenant_id = $1 AND collection = $2 AND id = $3`,
        values: key,
      });
      return { written: false, actualVersion: rows[0]?.version ?? null };
    }
    if (expectedVersion !== 0) {
      await client.query({ name: 'pccovid-delete-indexes', text: `DELETE FROM ${INDEXES} WHERE tenant_id = $1 AND collection = $2 AND id = $3`, values: key });
    }
    const fields: string[] = [];
    const ranks: number[] = [];
    const nums: number[] = [];
    const strs: string[] = [];
    for (const [name, value] of Object.entries(put.indexes)) {
      if (value === null) continue;
      const c = indexColumns(value);
      fields.push(name);
      ranks.push(c.rank);
      nums.push(c.num);
      strs.push(c.str);
    }
    if (fields.length > 0) {
      await client.query({
        name: 'pccovid-insert-indexes',
        text: `INSERT INTO ${INDEXES} (tenant_id, collection, id, field, rank, num, str)
               SELECT $1, $2, $3, f, r, n, s FROM unnest($4::text[], $5::smallint[], $6::float8[], $7::text[]) AS t(f, r, n, s)`,
        values: [...key, fields, ranks, nums, strs],
      });
    }
    return { written: true };
  },
};
