import type { DBSchema, IDBPDatabase } from 'idb';
import type { AuditRecord, IndexValue, OutboxRecord, StoredRecord } from '@pccovid-inspect/core';
import { indexValueRank } from '@pccovid-inspect/core/adapter-kit';

/** @internal The schema version this adapter creates and reads. */
export const SCHEMA_VERSION = 1;

/** @internal A key IndexedDB accepts (we build only numbers, strings and arrays of them). */
export type Key = number | string | Key[];

/** @internal An index entry of a record: `[tenantId, collection, field, rank, value]` (booleans as 0/1, ranks as in `indexValueRank`). */
export type FieldKey = [string, string, string, number, number | string];

/**
 * @internal A row of the `records` store: the record as returned, plus the entries of the
 * multi-entry `fields` index (one per non-null index field), which serves equality and `in` filters.
 */
export interface RecordRow {
  tenantId: string;
  collection: string;
  id: string;
  record: StoredRecord;
  fields: FieldKey[];
}

/**
 * @internal A row of the `outbox` store: the message, plus its keys in the `due` index (absent
 * when `dueAt` is null, so sent and dead messages take no room there) and the `age` index.
 */
export interface OutboxRow {
  tenantId: string;
  id: string;
  message: OutboxRecord;
  due?: [string, string, number[]];
  age: [string, string, number[]];
}

/** @internal The database schema (idb's typing of it). */
export interface InspectDbSchema extends DBSchema {
  records: { key: [string, string, string]; value: RecordRow; indexes: { fields: FieldKey } };
  audit: { key: [string, number]; value: AuditRecord };
  outbox: { key: [string, string]; value: OutboxRow; indexes: { due: [string, string, number[]]; age: [string, string, number[]] } };
}

/** @internal An open database of this adapter. */
export type InspectDb = IDBPDatabase<InspectDbSchema>;

/** @internal Creates the stores and indexes of a new database (the only migration so far: 0 → 1). */
export function upgradeSchema(db: InspectDb, oldVersion: number): void {
  if (oldVersion < 1) {
    const records = db.createObjectStore('records', { keyPath: ['tenantId', 'collection', 'id'] });
    records.createIndex('fields', 'fields', { multiEntry: true });
    db.createObjectStore('audit', { keyPath: ['tenantId', 'seq'] });
    const outbox = db.createObjectStore('outbox', { keyPath: ['tenantId', 'id'] });
    outbox.createIndex('due', 'due');
    outbox.createIndex('age', 'age');
  }
}

/**
 * @internal A string as the array of its code points. IndexedDB compares strings by UTF-16 code
 * unit but arrays element by element, so these keys sort by code point (as `compareCodePoints`,
 * SQL `BINARY` and `COLLATE "C"`): `'😀'` after `'\uFFFD'`.
 */
export function codePointKey(text: string): number[] {
  return Array.from(text, (character) => character.codePointAt(0) as number);
}

/** @internal The key of one index value in the `fields` index; null has none (a null filter also matches a missing field, so it scans). */
export function fieldKey(tenantId: string, collection: string, field: string, value: IndexValue): FieldKey | null {
  if (value === null) return null;
  const rank = indexValueRank(value);
  return [tenantId, collection, field, rank, typeof value === 'boolean' ? Number(value) : value];
}

/** @internal The row that stores a record. */
export function recordRow(record: StoredRecord): RecordRow {
  const fields: FieldKey[] = [];
  for (const [field, value] of Object.entries(record.indexes)) {
    const key = fieldKey(record.tenantId, record.collection, field, value);
    if (key) fields.push(key);
  }
  return { tenantId: record.tenantId, collection: record.collection, id: record.id, record, fields };
}

/** @internal The row that stores a message, with its `due` and `age` index keys. */
export function outboxRow(message: OutboxRecord): OutboxRow {
  const id = codePointKey(message.id);
  const row: OutboxRow = { tenantId: message.tenantId, id: message.id, message, age: [message.tenantId, message.createdAt, id] };
  if (message.dueAt !== null) row.due = [message.tenantId, message.dueAt, id];
  return row;
}

/** @internal The key range of one tenant's collection in the `records` store (arrays sort after strings). */
export function collectionRange(tenantId: string, collection: string): IDBKeyRange {
  return IDBKeyRange.bound([tenantId, collection], [tenantId, collection, []]);
}

/** @internal The key range of one tenant in the `audit` store, after `afterSeq`. */
export function auditRange(tenantId: string, afterSeq = 0): IDBKeyRange {
  return IDBKeyRange.bound([tenantId, afterSeq], [tenantId, Infinity], true, false);
}
