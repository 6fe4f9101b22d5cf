import type Database from 'better-sqlite3';
import { compareGroupKeys, decodeQueryCursor, encodeQueryCursor, indexValueRank, isIndexValue } from '@pccovid-inspect/core/adapter-kit';
import type { CountByRequest, CountByResult, CountGroup, QueryCursorPosition } from '@pccovid-inspect/core/adapter-kit';
import type { IndexFilter, IndexValue, PutRequest, QueryPage, QueryRequest, StoredRecord } from '@pccovid-inspect/core';
import { toSqlValue } from './internal/sqlite-index-binding.js';

interface RecordRow {
  id: string;
  version: number;
  data: string;
  indexes: string;
  updated_at: string;
}

const DEFAULT_LIMIT = 100;
const STATEMENT_CACHE_SIZE = 200;

/** @internal A statement to run: SQL and its bound parameters. */
export interface SqlStep {
  sql: string;
  params: unknown[];
}

const RECORD_COLUMNS = 'r.id, r.version, r.data, r.indexes, r.updated_at';

/** Binds the non-null values of a filter by rank: `(f.rank = ? AND f.value IN (?, …)) OR …`, or null when there are none. */
function valueCondition(alias: string, values: readonly IndexValue[], params: unknown[]): string | null {
  const byRank = new Map<number, (number | string)[]>();
  for (const v of values) {
    if (v === null) continue;
    const list = byRank.get(indexValueRank(v)) ?? [];
    list.push(toSqlValue(v));
    byRank.set(indexValueRank(v), list);
  }
  if (byRank.size === 0) return null;
  const parts: string[] = [];
  for (const [rank, list] of byRank) {
    parts.push(`(${alias}.rank = ? AND ${alias}.value IN (${list.map(() => '?').join(', ')}))`);
    params.push(rank, ...list);
  }
  return parts.join(' OR ');
}

/**
 * One `where` filter as a condition on the record whose id is `${owner}.id`: correlated lookups on
 * the primary key of `record_indexes` (tenant, collection, id, field), never a scan.
 */
function filterCondition(owner: string, tenantId: string, collection: string, field: string, filter: IndexFilter, params: unknown[]): string {
  const values = isIndexValue(filter) ? [filter] : filter.in;
  const lookup = `SELECT 1 FROM record_indexes f WHERE f.tenant_id = ? AND f.collection = ? AND f.id = ${owner}.id AND f.field = ?`;
  const parts: string[] = [];
  const valueParams: unknown[] = [];
  const matching = valueCondition('f', values, valueParams);
  if (matching !== null) {
    parts.push(`EXISTS (${lookup} AND (${matching}))`);
    params.push(tenantId, collection, field, ...valueParams);
  }
  if (values.includes(null)) {
    parts.push(`NOT EXISTS (${lookup})`);
    params.push(tenantId, collection, field);
  }
  return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
}

/** Every `where` filter (except `skip`) as ` AND …` conditions on `${owner}.id`. */
function whereConditions(owner: string, request: { tenantId: string; collection: string; where?: Record<string, IndexFilter> }, params: unknown[], skip?: string): string {
  let sql = '';
  for (const [field, filter] of Object.entries(request.where ?? {})) {
    if (field !== skip) sql += ` AND ${filterCondition(owner, request.tenantId, request.collection, field, filter, params)}`;
  }
  return sql;
}

/**
 * @internal The statements of a query ordered by an index field, in the order they are read.
 * Records holding a value for the field (a row in `record_indexes`) are read by walking
 * `record_indexes_by_value` (tenant, collection, field, rank, value, id) in order from the cursor,
 * each checked against the filters by primary-key lookups and joined to its record: SQLite stops
 * after `limit` rows and never sorts (no `USE TEMP B-TREE FOR ORDER BY`). Records without a value
 * (null, rank 0) come first when ascending and last when descending; they are read in id order
 * along the primary key of `records`, by an anti-join that visits every record of the collection
 * — so that step is left out when `unvaluedRecords` (records of the collection without a value
 * for the field, from the trigger-kept counts; see `unvaluedCountSql`) is 0.
 */
export function orderedQuerySteps(
  request: QueryRequest,
  field: string,
  after: QueryCursorPosition | null,
  fetch: number,
  unvaluedRecords: number = Number.POSITIVE_INFINITY,
): { part: 'null' | 'valued'; step: SqlStep }[] {
  const { tenantId, collection } = request;
  const asc = (request.orderBy?.direction ?? 'asc') === 'asc';
  const op = asc ? '>' : '<';
  const dir = asc ? 'ASC' : 'DESC';
  const valued = (): SqlStep => {
    const params: unknown[] = [tenantId, collection, field];
    let sql = `SELECT ${RECORD_COLUMNS} FROM record_indexes o CROSS JOIN records r
      WHERE o.tenant_id = ? AND o.collection = ? AND o.field = ?`;
    if (after !== null && after.value !== null) {
      sql += ` AND (o.rank, o.value, o.id) ${op} (?, ?, ?)`;
      params.push(indexValueRank(after.value), toSqlValue(after.value), after.id);
    }
    sql += ' AND r.tenant_id = o.tenant_id AND r.collection = o.collection AND r.id = o.id';
    sql += whereConditions('o', request, params);
    sql += ` ORDER BY o.rank ${dir}, o.value ${dir}, o.id ${dir} LIMIT ?`;
    params.push(fetch);
    return { sql, params };
  };
  const unvalued = (): SqlStep => {
    const params: unknown[] = [tenantId, collection];
    let sql = `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.tenant_id = ? AND r.collection = ?`;
    if (after !== null && after.value === null) {
      sql += ` AND r.id ${op} ?`;
      params.push(after.id);
    }
    sql += ' AND NOT EXISTS (SELECT 1 FROM record_indexes o WHERE o.tenant_id = r.tenant_id AND o.collection = r.collection AND o.id = r.id AND o.field = ?)';
    params.push(field);
    sql += whereConditions('r', request, params);
    sql += ` ORDER BY r.id ${dir} LIMIT ?`;
    params.push(fetch);
    return { sql, params };
  };
  const nulls = unvaluedRecords > 0 ? [{ part: 'null' as const, step: unvalued() }] : [];
  if (asc) {
    // null < every value: the null part first, unless the cursor is already past it.
    return after !== null && after.value !== null ? [{ part: 'valued', step: valued() }] : [...nulls, { part: 'valued', step: valued() }];
  }
  return after !== null && after.value === null ? nulls : [{ part: 'valued', step: valued() }, ...nulls];
}

/**
 * @internal How many records of (tenant, collection) hold no value for a field (null or missing):
 * the records of the collection minus the field's rows in `record_indexes`, both from the counts
 * the schema's triggers keep (`record_counts`, `index_value_counts`): two primary-key lookups.
 * Parameters: tenant, collection, tenant, collection, field.
 */
export const unvaluedCountSql = `SELECT
  COALESCE((SELECT n FROM record_counts WHERE tenant_id = ? AND collection = ?), 0)
  - COALESCE((SELECT n FROM index_value_counts WHERE tenant_id = ? AND collection = ? AND field = ?), 0)`;

/**
 * @internal The statement of a `countBy`. The records are driven from the `where` filter with only
 * non-null values when there is one (an index seek on `record_indexes_by_value`, covering), else
 * from the primary-key index of `records` (covering: only ids are read); each `groupBy` field is a
 * LEFT JOIN on the primary key of `record_indexes` (WITHOUT ROWID: the key holds rank and value),
 * so no record's JSON is read.
 */
export function countBySql(request: CountByRequest): SqlStep {
  const { tenantId, collection, groupBy } = request;
  const params: unknown[] = [];
  const columns = groupBy.map((_, i) => `g${i}.rank AS r${i}, g${i}.value AS v${i}`).join(', ');
  const joins = groupBy
    .map((_, i) => ` LEFT JOIN record_indexes g${i} ON g${i}.tenant_id = d.tenant_id AND g${i}.collection = d.collection AND g${i}.id = d.id AND g${i}.field = ?`)
    .join('');
  params.push(...groupBy);
  const driver = Object.entries(request.where ?? {}).find(([, filter]) => (isIndexValue(filter) ? filter !== null : filter.in.length > 0 && !filter.in.includes(null)));
  let sql: string;
  if (driver) {
    const [field, filter] = driver;
    const valueParams: unknown[] = [];
    const matching = valueCondition('d', isIndexValue(filter) ? [filter] : filter.in, valueParams);
    sql = `SELECT ${columns}, COUNT(*) AS n FROM record_indexes d${joins} WHERE d.tenant_id = ? AND d.collection = ? AND d.field = ? AND (${matching ?? '0'})`;
    params.push(tenantId, collection, field, ...valueParams);
    sql += whereConditions('d', request, params, field);
  } else {
    sql = `SELECT ${columns}, COUNT(*) AS n FROM records d${joins} WHERE d.tenant_id = ? AND d.collection = ?`;
    params.push(tenantId, collection);
    sql += whereConditions('d', request, params);
  }
  const keys = groupBy.map((_, i) => `r${i}, v${i}`).join(', ');
  sql += ` GROUP BY ${keys}`;
  return { sql, params };
}

/** An index value read back from its rank and stored value (no row: null). */
function fromSql(rank: number | null, value: unknown): IndexValue {
  if (rank === null) return null;
  if (rank === 1) return value === 1;
  return value as number | string;
}

/** The value of an index field of a record; a missing field counts as null. */
function indexValueOf(indexes: Record<string, IndexValue>, field: string | null): IndexValue {
  if (field === null || !Object.hasOwn(indexes, field)) return null;
  return indexes[field] ?? null;
}

/**
 * @internal Versioned records on one better-sqlite3 connection: synchronous, so each call runs
 * to completion without yielding. Reads see committed state; `versionOf` and `write` are the
 * steps `commit` runs inside its one `BEGIN IMMEDIATE` transaction (see `SqliteCommit`). Core has
 * checked every request before it gets here, so nothing is re-validated.
 */
export class SqliteRecords {
  private readonly selectOne: Database.Statement;
  private readonly selectVersion: Database.Statement;
  private readonly insertRecord: Database.Statement;
  private readonly updateRecord: Database.Statement;
  private readonly selectIndexRows: Database.Statement;
  private readonly deleteIndex: Database.Statement;
  private readonly updateIndex: Database.Statement;
  private readonly insertIndex: Database.Statement;
  private readonly unvaluedCount: Database.Statement;
  private readonly orderedQuery: (request: QueryRequest, field: string, after: QueryCursorPosition | null, limit: number) => RecordRow[];
  private readonly queries = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.selectOne = db.prepare('SELECT id, version, data, indexes, updated_at FROM records WHERE tenant_id = ? AND collection = ? AND id = ?');
    this.selectVersion = db.prepare('SELECT version FROM records WHERE tenant_id = ? AND collection = ? AND id = ?').pluck();
    this.insertRecord = db.prepare('INSERT INTO records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)');
    this.updateRecord = db.prepare(
      `UPDATE records SET version = version + 1, data = ?, indexes = ?, updated_at = ?
       WHERE tenant_id = ? AND collection = ? AND id = ? AND version = ?`,
    );
    this.selectIndexRows = db.prepare('SELECT field, rank, value FROM record_indexes WHERE tenant_id = ? AND collection = ? AND id = ?');
    this.deleteIndex = db.prepare('DELETE FROM record_indexes WHERE tenant_id = ? AND collection = ? AND id = ? AND field = ?');
    this.updateIndex = db.prepare('UPDATE record_indexes SET rank = ?, value = ? WHERE tenant_id = ? AND collection = ? AND id = ? AND field = ?');
    this.insertIndex = db.prepare('INSERT INTO record_indexes (tenant_id, collection, id, field, rank, value) VALUES (?, ?, ?, ?, ?, ?)');
    this.unvaluedCount = db.prepare(unvaluedCountSql).pluck();
    // One read transaction: the counts and every step see the same snapshot, even while another
    // process commits between two of the statements.
    this.orderedQuery = db.transaction((request: QueryRequest, field: string, after: QueryCursorPosition | null, limit: number) => {
      const { tenantId, collection } = request;
      const unvalued = this.unvaluedCount.get(tenantId, collection, tenantId, collection, field) as number;
      const rows: RecordRow[] = [];
      for (const { step } of orderedQuerySteps(request, field, after, limit + 1, unvalued)) {
        if (rows.length > limit) break;
        step.params[step.params.length - 1] = limit + 1 - rows.length;
        rows.push(...(this.statement(step.sql).all(...step.params) as RecordRow[]));
      }
      return rows;
    });
  }

  get<T>(collection: string, tenantId: string, id: string): StoredRecord<T> | null {
    const row = this.selectOne.get(tenantId, collection, id) as RecordRow | undefined;
    return row ? this.toRecord<T>(row, collection, tenantId) : null;
  }

  /** The stored version of a record, 0 when there is none. */
  versionOf(collection: string, tenantId: string, id: string): number {
    return (this.selectVersion.get(tenantId, collection, id) as number | undefined) ?? 0;
  }

  /**
   * Writes one record at `expectedVersion + 1`, with its index rows. Runs inside the commit's
   * transaction after every version was checked there, so it cannot miss; the `version = ?` of
   * the UPDATE (and the primary key of the INSERT) still refuse a stale write if it ever did.
   * An update touches only the index rows that change: a field whose value is unchanged keeps its
   * row, a changed value is an UPDATE of rank and value, and only a field that appears or goes
   * (null or missing) is an INSERT or DELETE — the statements the count triggers fire on.
   */
  write(put: PutRequest, data: string, indexes: string): void {
    const { tenantId, collection, id, expectedVersion } = put;
    let previous = new Map<string, { rank: number; value: unknown }>();
    if (expectedVersion === 0) {
      this.insertRecord.run(tenantId, collection, id, data, indexes, put.updatedAt);
    } else {
      const { changes } = this.updateRecord.run(data, indexes, put.updatedAt, tenantId, collection, id, expectedVersion);
      if (changes !== 1) throw new Error(`record ${collection}/${id} is not at version ${expectedVersion} inside the commit that checked it`);
      const rows = this.selectIndexRows.all(tenantId, collection, id) as { field: string; rank: number; value: unknown }[];
      previous = new Map(rows.map((row) => [row.field, row]));
    }
    for (const [field, value] of Object.entries(put.indexes)) {
      if (value === null) continue;
      const rank = indexValueRank(value);
      const sqlValue = toSqlValue(value);
      const before = previous.get(field);
      if (before === undefined) {
        this.insertIndex.run(tenantId, collection, id, field, rank, sqlValue);
        continue;
      }
      previous.delete(field);
      if (before.rank !== rank || !Object.is(before.value, sqlValue)) this.updateIndex.run(rank, sqlValue, tenantId, collection, id, field);
    }
    for (const field of previous.keys()) this.deleteIndex.run(tenantId, collection, id, field);
  }

  query<T>(request: QueryRequest): QueryPage<T> {
    const field = request.orderBy?.field ?? null;
    const direction = request.orderBy?.direction ?? 'asc';
    const after = request.cursor ? decodeQueryCursor(request.cursor, field, direction) : null;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const { tenantId, collection } = request;
    if (field !== null) {
      return this.page<T>(this.orderedQuery(request, field, after, limit), limit, collection, tenantId, field, direction);
    }
    const params: unknown[] = [];
    let sql = 'SELECT r.id, r.version, r.data, r.indexes, r.updated_at FROM records r';
    sql += ' WHERE r.tenant_id = ? AND r.collection = ?';
    params.push(tenantId, collection);
    for (const [name, filter] of Object.entries(request.where ?? {})) {
      const values = isIndexValue(filter) ? [filter] : filter.in;
      const parts: string[] = [];
      const byRank = new Map<number, (number | string)[]>();
      for (const v of values) {
        if (v === null) continue;
        const list = byRank.get(indexValueRank(v)) ?? [];
        list.push(toSqlValue(v));
        byRank.set(indexValueRank(v), list);
      }
      if (byRank.size > 0) {
        const ranks = [...byRank.entries()];
        const inRanks = ranks.map(([, list]) => `(f.rank = ? AND f.value IN (${list.map(() => '?').join(', ')}))`).join(' OR ');
        parts.push(`r.id IN (SELECT f.id FROM record_indexes f WHERE f.tenant_id = ? AND f.collection = ? AND f.field = ? AND (${inRanks}))`);
        params.push(tenantId, collection, name);
        for (const [r, list] of ranks) params.push(r, ...list);
      }
      if (values.includes(null)) {
        parts.push('r.id NOT IN (SELECT f.id FROM record_indexes f WHERE f.tenant_id = ? AND f.collection = ? AND f.field = ?)');
        params.push(tenantId, collection, name);
      }
      sql += parts.length === 0 ? ' AND 0' : ` AND (${parts.join(' OR ')})`;
    }
    const op = direction === 'asc' ? '>' : '<';
    const dir = direction === 'asc' ? 'ASC' : 'DESC';
    if (after) {
      sql += ` AND r.id ${op} ?`;
      params.push(after.id);
    }
    sql += ` ORDER BY r.id ${dir} LIMIT ?`;
    params.push(limit + 1);
    return this.page<T>(this.statement(sql).all(...params) as RecordRow[], limit, collection, tenantId, null, direction);
  }

  /** Grouped counts by a SQL `GROUP BY` over `record_indexes` (see `countBySql`); no record JSON is read. */
  countBy(request: CountByRequest): CountByResult {
    const { sql, params } = countBySql(request);
    const rows = this.statement(sql)
      .raw()
      .all(...params) as unknown[][];
    const groups: CountGroup[] = rows.map((row) => ({
      key: Object.fromEntries(request.groupBy.map((field, i) => [field, fromSql(row[2 * i] as number | null, row[2 * i + 1])])),
      count: row[row.length - 1] as number,
    }));
    return { groups: groups.sort((a, b) => compareGroupKeys(request.groupBy, a.key, b.key)) };
  }

  /** The page of the first `limit` rows, with a cursor when there were more. */
  private page<T>(rows: RecordRow[], limit: number, collection: string, tenantId: string, field: string | null, direction: 'asc' | 'desc'): QueryPage<T> {
    const items = rows.slice(0, limit).map((row) => this.toRecord<T>(row, collection, tenantId));
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeQueryCursor({ field, direction, value: indexValueOf(last.indexes, field), id: last.id }) : null;
    return { items, nextCursor };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.queries.get(sql);
    if (!statement) {
      if (this.queries.size >= STATEMENT_CACHE_SIZE) this.queries.clear();
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }

  private toRecord<T>(row: RecordRow, collection: string, tenantId: string): StoredRecord<T> {
    return {
      collection,
      tenantId,
      id: row.id,
      version: row.version,
      data: JSON.parse(row.data) as T,
      indexes: JSON.parse(row.indexes) as Record<string, IndexValue>,
      updatedAt: row.updated_at,
    };
  }
}
