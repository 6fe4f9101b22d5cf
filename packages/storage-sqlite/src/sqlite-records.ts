import type Database from 'better-sqlite3';
import { ConflictError } from '@pccovid-inspect/core';
import {
  checkNonEmptyText,
  checkPutRequest,
  checkQueryRequest,
  decodeQueryCursor,
  encodeQueryCursor,
  indexValueRank,
  isIndexValue,
} from '@pccovid-inspect/core/adapter-kit';
import type { IndexValue, PutRequest, QueryPage, QueryRequest, StoredRecord } from '@pccovid-inspect/core';
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

/** The value of an index field of a record; a missing field counts as null. */
function indexValueOf(indexes: Record<string, IndexValue>, field: string | null): IndexValue {
  if (field === null || !Object.hasOwn(indexes, field)) return null;
  return indexes[field] ?? null;
}

/**
 * @internal Versioned records on one better-sqlite3 connection: synchronous, so each call runs
 * to completion without yielding. Writes run in their own `BEGIN IMMEDIATE` transaction, or in a
 * savepoint when a transaction is already open.
 */
export class SqliteRecords {
  private readonly selectOne: Database.Statement;
  private readonly selectVersion: Database.Statement;
  private readonly insertRecord: Database.Statement;
  private readonly updateRecord: Database.Statement;
  private readonly deleteIndexes: Database.Statement;
  private readonly insertIndex: Database.Statement;
  private readonly queries = new Map<string, Database.Statement>();
  private readonly writeRecord: Database.Transaction<(request: PutRequest, data: string, indexes: string) => void>;

  constructor(private readonly db: Database.Database) {
    this.selectOne = db.prepare('SELECT id, version, data, indexes, updated_at FROM records WHERE tenant_id = ? AND collection = ? AND id = ?');
    this.selectVersion = db.prepare('SELECT version FROM records WHERE tenant_id = ? AND collection = ? AND id = ?').pluck();
    this.insertRecord = db.prepare(
      `INSERT INTO records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (tenant_id, collection, id) DO NOTHING`,
    );
    this.updateRecord = db.prepare(
      `UPDATE records SET version = version + 1, data = ?, indexes = ?, updated_at = ?
       WHERE tenant_id = ? AND collection = ? AND id = ? AND version = ?`,
    );
    this.deleteIndexes = db.prepare('DELETE FROM record_indexes WHERE tenant_id = ? AND collection = ? AND id = ?');
    this.insertIndex = db.prepare('INSERT INTO record_indexes (tenant_id, collection, id, field, rank, value) VALUES (?, ?, ?, ?, ?, ?)');
    this.writeRecord = db.transaction((request: PutRequest, data: string, indexes: string) => {
      const { tenantId, collection, id, expectedVersion } = request;
      const changed =
        expectedVersion === 0
          ? this.insertRecord.run(tenantId, collection, id, data, indexes, request.updatedAt).changes
          : this.updateRecord.run(data, indexes, request.updatedAt, tenantId, collection, id, expectedVersion).changes;
      if (changed === 0) {
        const actual = this.selectVersion.get(tenantId, collection, id) as number | undefined;
        throw new ConflictError({ collection, id, expectedVersion, actualVersion: actual ?? null });
      }
      if (expectedVersion !== 0) this.deleteIndexes.run(tenantId, collection, id);
      for (const [field, value] of Object.entries(request.indexes)) {
        if (value !== null) this.insertIndex.run(tenantId, collection, id, field, indexValueRank(value), toSqlValue(value));
      }
    });
  }

  get<T>(collection: string, tenantId: string, id: string): StoredRecord<T> | null {
    checkNonEmptyText('get', ['collection'], collection);
    checkNonEmptyText('get', ['tenantId'], tenantId);
    checkNonEmptyText('get', ['id'], id);
    const row = this.selectOne.get(tenantId, collection, id) as RecordRow | undefined;
    return row ? this.toRecord<T>(row, collection, tenantId) : null;
  }

  /** Validates, then writes if the stored version is `expectedVersion` (else `ConflictError`, nothing written). */
  put<T>(request: PutRequest<T>): StoredRecord<T> {
    checkPutRequest(request);
    const data = JSON.stringify(request.data);
    const indexes = JSON.stringify(request.indexes);
    this.writeRecord.immediate(request, data, indexes);
    return {
      collection: request.collection,
      tenantId: request.tenantId,
      id: request.id,
      version: request.expectedVersion + 1,
      data: JSON.parse(data) as T,
      indexes: JSON.parse(indexes) as Record<string, IndexValue>,
      updatedAt: request.updatedAt,
    };
  }

  query<T>(request: QueryRequest): QueryPage<T> {
    checkQueryRequest(request);
    const field = request.orderBy?.field ?? null;
    const direction = request.orderBy?.direction ?? 'asc';
    const after = request.cursor ? decodeQueryCursor(request.cursor, field, direction) : null;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const { tenantId, collection } = request;
    const params: unknown[] = [];
    const rank = 'COALESCE(o.rank, 0)';
    const value = 'COALESCE(o.value, 0)';
    let sql = 'SELECT r.id, r.version, r.data, r.indexes, r.updated_at FROM records r';
    if (field !== null) {
      sql += ' LEFT JOIN record_indexes o ON o.tenant_id = r.tenant_id AND o.collection = r.collection AND o.id = r.id AND o.field = ?';
      params.push(field);
    }
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
      if (field === null) {
        sql += ` AND r.id ${op} ?`;
        params.push(after.id);
      } else {
        sql += ` AND (${rank}, ${value}, r.id) ${op} (?, ?, ?)`;
        params.push(indexValueRank(after.value), toSqlValue(after.value), after.id);
      }
    }
    sql += field === null ? ` ORDER BY r.id ${dir}` : ` ORDER BY ${rank} ${dir}, ${value} ${dir}, r.id ${dir}`;
    sql += ' LIMIT ?';
    params.push(limit + 1);
    const rows = this.statement(sql).all(...params) as RecordRow[];
    const items = rows.slice(0, limit).map((row) => this.toRecord<T>(row, collection, tenantId));
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeQueryCursor({ field, direction, value: indexValueOf(last.indexes, field), id: last.id }) : null;
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
