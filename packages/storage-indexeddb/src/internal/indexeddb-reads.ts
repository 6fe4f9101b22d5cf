import { GroupCounter, compareCodePoints, compareIndexValues, decodeQueryCursor, encodeQueryCursor, matchesWhere } from '@pccovid-inspect/core/adapter-kit';
import type { CountByRequest, CountByResult } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, IndexFilter, IndexValue, OutboxRecord, QueryPage, QueryRequest, ReadOutboxOptions, StoredRecord } from '@pccovid-inspect/core';
import type { InspectDb, RecordRow } from './indexeddb-schema.js';
import { auditRange, collectionRange, fieldKey } from './indexeddb-schema.js';

const DEFAULT_QUERY_LIMIT = 100;
const DEFAULT_LOG_LIMIT = 1000;

/** The value of an index field of a record; a missing field counts as null. */
function indexValueOf(record: StoredRecord, field: string | null): IndexValue {
  if (field === null || !Object.hasOwn(record.indexes, field)) return null;
  return record.indexes[field] ?? null;
}

/** The values a filter accepts. */
function filterValues(filter: IndexFilter): IndexValue[] {
  return filter !== null && typeof filter === 'object' ? filter.in : [filter];
}

/**
 * The records that may match `where`, read in one transaction: through the `fields` index for the
 * first filter that names no null (null also matches a missing field, which has no index entry),
 * else the whole collection of the tenant. The caller still applies every filter (`matchesWhere`).
 */
async function candidates(db: InspectDb, tenantId: string, collection: string, where: QueryRequest['where']): Promise<StoredRecord[]> {
  const tx = db.transaction('records', 'readonly');
  const indexed = Object.entries(where ?? {}).find(([, filter]) => !filterValues(filter).includes(null));
  if (!indexed) {
    const rows = await tx.store.getAll(collectionRange(tenantId, collection));
    return rows.map((row) => row.record);
  }
  const [field, filter] = indexed;
  const keys = filterValues(filter).map((value) => fieldKey(tenantId, collection, field, value));
  const pages = await Promise.all(keys.map((key) => (key ? tx.store.index('fields').getAll(key) : Promise.resolve([] as RecordRow[]))));
  // `in: [1, 1]` or `in: ['a', 'a']` reads a record twice: keep it once.
  const byId = new Map<string, StoredRecord>();
  for (const row of pages.flat()) byId.set(row.id, row.record);
  return [...byId.values()];
}

/** @internal One record, or null. */
export async function getRecord<T>(db: InspectDb, collection: string, tenantId: string, id: string): Promise<StoredRecord<T> | null> {
  const row = await db.get('records', [tenantId, collection, id]);
  return row ? (row.record as StoredRecord<T>) : null;
}

/**
 * @internal One page: candidates from the index (see `candidates`), then every filter, the cursor
 * and the order in memory, with the adapter kit's order (null < booleans < numbers < strings by
 * code point, ties by id) so pages match the conformance kit.
 */
export async function queryRecords<T>(db: InspectDb, request: QueryRequest): Promise<QueryPage<T>> {
  const field = request.orderBy?.field ?? null;
  const direction = request.orderBy?.direction ?? 'asc';
  const after = request.cursor ? decodeQueryCursor(request.cursor, field, direction) : null;
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: StoredRecord, b: StoredRecord): number => sign * (compareIndexValues(indexValueOf(a, field), indexValueOf(b, field)) || compareCodePoints(a.id, b.id));
  const isAfterCursor = (record: StoredRecord): boolean =>
    after === null || sign * (compareIndexValues(indexValueOf(record, field), after.value) || compareCodePoints(record.id, after.id)) > 0;
  const found = (await candidates(db, request.tenantId, request.collection, request.where)).filter(
    (record) => matchesWhere(record.indexes, request.where) && isAfterCursor(record),
  );
  found.sort(compare);
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = found.length > limit && last ? encodeQueryCursor({ field, direction, value: indexValueOf(last, field), id: last.id }) : null;
  return { items: items as StoredRecord<T>[], nextCursor };
}

/** @internal Grouped counts of the matching records, counted as they are read. */
export async function countRecords(db: InspectDb, request: CountByRequest): Promise<CountByResult> {
  const counter = new GroupCounter(request.groupBy);
  for (const record of await candidates(db, request.tenantId, request.collection, request.where)) {
    if (matchesWhere(record.indexes, request.where)) counter.add(record.indexes);
  }
  return { groups: counter.groups() };
}

/** @internal Audit records after `afterSeq`, ascending, straight from the key range. */
export async function readAuditRecords(db: InspectDb, tenantId: string, options?: { afterSeq?: number; limit?: number }): Promise<AuditRecord[]> {
  return db.getAll('audit', auditRange(tenantId, options?.afterSeq ?? 0), options?.limit ?? DEFAULT_LOG_LIMIT);
}

/** @internal The last audit record: the first of a backward cursor over the tenant's range. */
export async function lastAuditRecord(db: InspectDb, tenantId: string): Promise<AuditRecord | null> {
  const cursor = await db.transaction('audit', 'readonly').store.openCursor(auditRange(tenantId), 'prev');
  return cursor ? cursor.value : null;
}

/**
 * @internal A tenant's messages, walking the `due` index (with `dueBy`: only the due ones, soonest
 * first) or the `age` index (oldest first); `status` is filtered as the cursor walks, and the walk
 * stops at `limit`.
 */
export async function readOutboxRecords(db: InspectDb, tenantId: string, options: ReadOutboxOptions = {}): Promise<OutboxRecord[]> {
  const { status, dueBy, limit = DEFAULT_LOG_LIMIT } = options;
  const index = db.transaction('outbox', 'readonly').store.index(dueBy === undefined ? 'age' : 'due');
  // Keys are [tenantId, instant, code points of id]: [tenantId] is below all of them; an array
  // sorts above any string, and [Infinity] above any array of code points.
  const range = dueBy === undefined ? IDBKeyRange.bound([tenantId], [tenantId, []]) : IDBKeyRange.bound([tenantId], [tenantId, dueBy, [Infinity]]);
  const found: OutboxRecord[] = [];
  let cursor = await index.openCursor(range);
  while (cursor && found.length < limit) {
    if (status === undefined || cursor.value.message.status === status) found.push(cursor.value.message);
    cursor = await cursor.continue();
  }
  return found;
}
