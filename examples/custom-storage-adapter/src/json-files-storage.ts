/**
 * A province's own StorageAdapter, in one file: every record, audit event and outbox queue is a
 * JSON file in a directory. It is checked with the published kit (`test/conformance.test.ts`).
 *
 *   <directory>/records/<tenant>/<collection>/<id>.json   { version, data, indexes, updatedAt }
 *   <directory>/audit/<tenant>/<seq, 12 digits>.json       one audit event
 *   <directory>/outbox/<tenant>.json                       the tenant's messages, in insertion order
 *   <directory>/.lock                                      held (pid inside) while a call runs
 *   <directory>/.journal                                   before-images of the open transaction
 *
 * - Every file is written to a temp file and renamed over the old one (atomic on POSIX).
 * - Every call holds an in-process mutex and the lock file, so calls never interleave, also
 *   across processes. A lock left by a dead process is taken over.
 * - Every call is a transaction: before a file is first changed, its before-image is appended to
 *   the journal. Commit = delete the journal; rollback = restore the before-images. A journal
 *   found on open (the writer crashed mid-transaction) is rolled back first.
 * - No fsync: a commit survives a crash of the process, not of the machine.
 * - No portal-statistics bulk path: millions of rows do not belong in JSON files.
 */
import { appendFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConflictError, InspectError, NotFoundError, STORAGE_CONTRACT_VERSION, StorageError, ValidationError } from '@pccovid-inspect/core';
import type { AuditRecord, IndexValue, OutboxRecord, OutboxStatus, PutRequest, QueryRequest, StorageAdapter, StorageOperations, StoredRecord } from '@pccovid-inspect/core';

/**
 * Options of `createJsonFilesStorage`.
 *
 * @example
 * ```ts
 * const options: JsonFilesStorageOptions = { directory: '/srv/pccovid/data', lockTimeoutMs: 10_000 };
 * ```
 */
export interface JsonFilesStorageOptions {
  /** The directory that holds the files (created when missing). */
  directory: string;
  /** How long a call waits for another process's lock before failing, in ms. @default 5000 */
  lockTimeoutMs?: number;
}

type Stored = { version: number; data: unknown; indexes: Record<string, IndexValue>; updatedAt: string };
type Tx = { touched: Set<string>; open: boolean };

// ---------------------------------------------------------------- validation (bad input changes nothing)
const bad = (subject: string, path: (string | number)[], message: string): never => {
  throw new ValidationError({ subject, issues: [{ path, code: 'custom', message }] });
};
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null);
const isIndexValue = (v: unknown): v is IndexValue =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const STATUSES: OutboxStatus[] = ['pending', 'sent', 'failed'];

/** True when `v` survives JSON.stringify → JSON.parse unchanged. */
function isJson(v: unknown, ancestors: unknown[] = []): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object' || ancestors.includes(v)) return false;
  const inner = [...ancestors, v];
  if (Array.isArray(v)) return v.every((x) => x !== undefined && isJson(x, inner));
  return isPlain(v) && Object.values(v).every((x) => x === undefined || isJson(x, inner));
}
function texts(subject: string, value: Record<string, unknown>, keys: string[]): void {
  for (const key of keys) if (!isText(value[key])) bad(subject, [key], 'must be a non-empty string');
}
function checkPut(r: PutRequest): void {
  if (!isPlain(r)) bad('PutRequest', [], 'must be an object');
  texts('PutRequest', r as unknown as Record<string, unknown>, ['collection', 'tenantId', 'id', 'updatedAt']);
  if (!isCount(r.expectedVersion)) bad('PutRequest', ['expectedVersion'], 'must be a whole number ≥ 0');
  if (r.data === undefined || !isJson(r.data)) bad('PutRequest', ['data'], 'must be plain JSON');
  if (!isPlain(r.indexes) || !Object.values(r.indexes).every(isIndexValue)) bad('PutRequest', ['indexes'], 'must map names to index values');
}
function checkQuery(q: QueryRequest): void {
  texts('QueryRequest', q as unknown as Record<string, unknown>, ['collection', 'tenantId']);
  if (q.limit !== undefined && !(isCount(q.limit) && q.limit >= 1 && q.limit <= 1000)) bad('QueryRequest', ['limit'], 'must be 1…1000');
  for (const [field, f] of Object.entries(q.where ?? {})) {
    if (!isIndexValue(f) && !(isPlain(f) && Array.isArray(f.in) && f.in.every(isIndexValue))) bad('QueryRequest', ['where', field], 'bad filter');
  }
  const o = q.orderBy;
  if (o !== undefined && (!isText(o.field) || ![undefined, 'asc', 'desc'].includes(o.direction))) bad('QueryRequest', ['orderBy'], 'bad order');
}
function checkAudit(a: AuditRecord): void {
  texts('AuditRecord', a as unknown as Record<string, unknown>, ['tenantId', 'id', 'at', 'action', 'hash']);
  if (!isCount(a.seq)) bad('AuditRecord', ['seq'], 'must be a whole number');
  if (!isPlain(a.actor) || !isPlain(a.subject) || !isPlain(a.details) || !isJson(a.details)) bad('AuditRecord', ['details'], 'must be plain JSON');
}
function checkUpdate(u: { status: OutboxStatus; attempts: number }, path: (string | number)[]): void {
  if (!isPlain(u)) bad('OutboxRecord', path, 'must be an object');
  if (!STATUSES.includes(u?.status)) bad('OutboxRecord', [...path, 'status'], 'must be pending, sent or failed');
  if (!isCount(u.attempts)) bad('OutboxRecord', [...path, 'attempts'], 'must be a whole number ≥ 0');
}
function checkReadOptions(o: { afterSeq?: number; limit?: number; status?: OutboxStatus } | undefined): void {
  if (o?.afterSeq !== undefined && !isCount(o.afterSeq)) bad('ReadOptions', ['afterSeq'], 'must be a whole number ≥ 0');
  if (o?.limit !== undefined && !(isCount(o.limit) && o.limit >= 1)) bad('ReadOptions', ['limit'], 'must be ≥ 1');
  if (o?.status !== undefined && !STATUSES.includes(o.status)) bad('ReadOptions', ['status'], 'unknown status');
}

// ---------------------------------------------------------------- ordering (shared with the built-in adapters)
const rank = (v: IndexValue | undefined): number => (v === null || v === undefined ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : 3);
/** Code-point order (the order of UTF-8 bytes), like SQLite's BINARY collation. */
const compareText = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
function compareValues(a: IndexValue, b: IndexValue): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') return compareText(a, b as string);
  return a === b || a === null ? 0 : Number(a) < Number(b) ? -1 : 1;
}
const valueOf = (r: StoredRecord, field: string | null): IndexValue =>
  field !== null && Object.hasOwn(r.indexes, field) ? (r.indexes[field] ?? null) : null;

// ---------------------------------------------------------------- files
/** A file-name-safe form of any string (no '/', no '.' or '..'). */
const segment = (s: string): string => encodeURIComponent(s).replace(/\./g, '%2E').replace(/\*/g, '%2A');
let tempCounter = 0;

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
async function listDir(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${++tempCounter}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}

/**
 * Creates the JSON-files adapter.
 *
 * @example
 * ```ts
 * const storage = createJsonFilesStorage({ directory: './data' });
 * await storage.put({ collection: 'visits', tenantId: '42', id: 'v-1', data: {}, indexes: {}, updatedAt, expectedVersion: 0 });
 * ```
 */
export function createJsonFilesStorage(options: JsonFilesStorageOptions): StorageAdapter {
  const root = options.directory;
  const lockPath = join(root, '.lock');
  const journalPath = join(root, '.journal');
  const recordPath = (t: string, c: string, id: string) => join(root, 'records', segment(t), segment(c), `${segment(id)}.json`);
  const auditDir = (t: string) => join(root, 'audit', segment(t));
  const outboxPath = (t: string) => join(root, 'outbox', `${segment(t)}.json`);
  let tail: Promise<unknown> = Promise.resolve();
  let disposed = false;
  const fail = (operation: string, detailEn: string, cause?: unknown) => new StorageError({ adapterName: 'json-files', operation, detailEn, cause });

  async function acquireLock(): Promise<void> {
    const deadline = Date.now() + (options.lockTimeoutMs ?? 5000);
    await mkdir(root, { recursive: true });
    for (;;) {
      try {
        await writeFile(lockPath, String(process.pid), { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = Number(await readFile(lockPath, 'utf8').catch(() => ''));
      let alive = true; // an empty lock file is being written by its new holder right now
      try {
        if (Number.isSafeInteger(holder) && holder > 0) process.kill(holder, 0);
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code !== 'ESRCH';
      }
      if (!alive) await rm(lockPath, { force: true }); // a crashed writer's lock
      else if (Date.now() > deadline) throw fail('lock', `${lockPath} is held by process ${holder}`);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Restores the before-images of an unfinished transaction, newest first, then drops the journal. */
  async function rollBack(): Promise<void> {
    const lines = (await readFile(journalPath, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    for (const line of lines.reverse()) {
      const { path, before } = JSON.parse(line) as { path: string; before: string | null };
      if (before === null) await rm(path, { force: true });
      else await writeAtomic(path, before);
    }
    await rm(journalPath, { force: true });
  }

  async function write(tx: Tx, path: string, content: string): Promise<void> {
    if (!tx.touched.has(path)) {
      const before = await readFile(path, 'utf8').catch(() => null);
      await appendFile(journalPath, `${JSON.stringify({ path, before })}\n`);
      tx.touched.add(path);
    }
    await writeAtomic(path, content);
  }

  async function records(tenantId: string, collection: string): Promise<StoredRecord[]> {
    const dir = dirname(recordPath(tenantId, collection, 'x'));
    const names = await listDir(dir);
    return Promise.all(
      names.map(async (name) => {
        const stored = (await readJson<Stored & { id: string }>(join(dir, name)))!;
        return { collection, tenantId, id: stored.id, version: stored.version, data: stored.data, indexes: stored.indexes, updatedAt: stored.updatedAt };
      }),
    );
  }
  const auditOf = async (tenantId: string): Promise<AuditRecord[]> => {
    const dir = auditDir(tenantId);
    return Promise.all((await listDir(dir)).map(async (name) => (await readJson<AuditRecord>(join(dir, name)))!));
  };
  const outboxOf = async (tenantId: string): Promise<OutboxRecord[]> => (await readJson<OutboxRecord[]>(outboxPath(tenantId))) ?? [];
  const oldestFirst = (list: OutboxRecord[]) => [...list].sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? -1 : 1));

  function operations(tx: Tx): StorageOperations {
    const live = (operation: string) => {
      if (!tx.open) throw fail(operation, 'the transaction has already ended');
    };
    return {
      async get<T>(collection: string, tenantId: string, id: string) {
        live('get');
        const stored = await readJson<Stored>(recordPath(tenantId, collection, id));
        return stored ? ({ collection, tenantId, id, version: stored.version, data: stored.data as T, indexes: stored.indexes, updatedAt: stored.updatedAt }) : null;
      },
      async put<T>(request: PutRequest<T>) {
        live('put');
        checkPut(request);
        const { collection, tenantId, id, expectedVersion } = request;
        const path = recordPath(tenantId, collection, id);
        const current = await readJson<Stored>(path);
        if ((current?.version ?? 0) !== expectedVersion) {
          throw new ConflictError({ collection, id, expectedVersion, actualVersion: current?.version ?? null });
        }
        const stored = { id, version: expectedVersion + 1, data: request.data, indexes: request.indexes, updatedAt: request.updatedAt };
        const json = JSON.stringify(stored);
        await write(tx, path, json);
        const copy = JSON.parse(json) as Stored;
        return { collection, tenantId, id, version: copy.version, data: copy.data as T, indexes: copy.indexes, updatedAt: copy.updatedAt };
      },
      async query<T>(q: QueryRequest) {
        live('query');
        checkQuery(q);
        const field = q.orderBy?.field ?? null;
        const sign = q.orderBy?.direction === 'desc' ? -1 : 1;
        const order = [field, sign];
        let after: { value: IndexValue; id: string } | null = null;
        if (q.cursor) {
          try {
            const [o, value, id] = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as [unknown[], IndexValue, string];
            if (JSON.stringify(o) !== JSON.stringify(order) || typeof id !== 'string' || !isIndexValue(value)) throw new Error('mismatch');
            after = { value, id };
          } catch {
            bad('QueryRequest', ['cursor'], 'is not a cursor of this query');
          }
        }
        const compare = (a: StoredRecord, b: { value: IndexValue; id: string }) => sign * (compareValues(valueOf(a, field), b.value) || compareText(a.id, b.id));
        const matches = (r: StoredRecord) =>
          Object.entries(q.where ?? {}).every(([name, f]) => (isIndexValue(f) ? [f] : f.in).some((v) => v === valueOf(r, name)));
        const found = (await records(q.tenantId, q.collection))
          .filter((r) => matches(r) && (after === null || compare(r, after) > 0))
          .sort((a, b) => compare(a, { value: valueOf(b, field), id: b.id }));
        const limit = q.limit ?? 100;
        const items = found.slice(0, limit) as StoredRecord<T>[];
        const last = items[items.length - 1];
        const nextCursor = found.length > limit && last ? Buffer.from(JSON.stringify([order, valueOf(last, field), last.id])).toString('base64url') : null;
        return { items, nextCursor };
      },
      async appendAudit(record) {
        live('appendAudit');
        checkAudit(record);
        const names = await listDir(auditDir(record.tenantId));
        const last = names.length === 0 ? 0 : Number(names[names.length - 1]!.slice(0, 12));
        if (record.seq !== last + 1) throw new ConflictError({ collection: 'audit', id: record.id, expectedVersion: record.seq - 1, actualVersion: last });
        await write(tx, join(auditDir(record.tenantId), `${String(record.seq).padStart(12, '0')}.json`), JSON.stringify(record));
      },
      async readAudit(tenantId, o) {
        live('readAudit');
        checkReadOptions(o);
        const after = o?.afterSeq ?? 0;
        return (await auditOf(tenantId)).filter((a) => a.seq > after).slice(0, o?.limit ?? 1000);
      },
      async lastAudit(tenantId) {
        live('lastAudit');
        const names = await listDir(auditDir(tenantId));
        return names.length === 0 ? null : readJson<AuditRecord>(join(auditDir(tenantId), names[names.length - 1]!));
      },
      async enqueueOutbox(list) {
        live('enqueueOutbox');
        if (!Array.isArray(list)) bad('OutboxRecord', [], 'must be an array');
        list.forEach((m, i) => {
          if (!isPlain(m)) bad('OutboxRecord', [i], 'must be an object');
          texts('OutboxRecord', m as unknown as Record<string, unknown>, ['tenantId', 'id', 'createdAt', 'channel', 'topic']);
          checkUpdate(m, [i]);
        });
        for (const tenantId of new Set(list.map((m) => m.tenantId))) {
          const queue = await outboxOf(tenantId);
          const ids = new Set(queue.map((m) => m.id));
          for (const m of list) {
            if (m.tenantId !== tenantId || ids.has(m.id)) continue; // idempotent by id
            queue.push(m);
            ids.add(m.id);
          }
          await write(tx, outboxPath(tenantId), JSON.stringify(queue));
        }
      },
      async readOutbox(tenantId, o) {
        live('readOutbox');
        checkReadOptions(o);
        return oldestFirst(await outboxOf(tenantId)).filter((m) => !o?.status || m.status === o.status).slice(0, o?.limit ?? 1000);
      },
      async markOutbox(tenantId, id, update) {
        live('markOutbox');
        checkUpdate(update, []);
        const queue = await outboxOf(tenantId);
        const m = queue.find((x) => x.id === id);
        if (!m) throw new NotFoundError({ collection: 'outbox', id });
        Object.assign(m, { status: update.status, attempts: update.attempts });
        if (update.providerMessageId !== undefined) m.providerMessageId = update.providerMessageId;
        if (update.lastError !== undefined) m.lastError = update.lastError;
        await write(tx, outboxPath(tenantId), JSON.stringify(queue));
      },
    };
  }

  /** Runs `fn` as one transaction, one call at a time, under the lock. */
  function transaction<T>(operation: string, fn: (ops: StorageOperations) => Promise<T>): Promise<T> {
    if (disposed) return Promise.reject(fail(operation, 'the adapter was disposed'));
    const run = async (): Promise<T> => {
      await acquireLock();
      const tx: Tx = { touched: new Set(), open: true };
      try {
        await rollBack(); // a journal here was left by a writer that crashed mid-transaction
        const result = await fn(operations(tx));
        tx.open = false;
        await rm(journalPath, { force: true }); // the commit point
        return result;
      } catch (error) {
        tx.open = false;
        await rollBack();
        const systemError = error instanceof Error && 'syscall' in error;
        if (InspectError.isInstance(error) || !systemError) throw error; // ours, or the callback's own
        throw fail(operation, error.message, error); // a file-system error
      } finally {
        await rm(lockPath, { force: true });
      }
    };
    const result = tail.then(run);
    tail = result.catch(() => undefined);
    return result;
  }

  return {
    contractVersion: STORAGE_CONTRACT_VERSION,
    name: 'json-files',
    capabilities: { transactions: true, multiProcess: true, durable: true, portalStatistics: false, maxRecordBytes: null },
    get: (c, t, id) => transaction('get', (ops) => ops.get(c, t, id)),
    put: (request) => transaction('put', (ops) => ops.put(request)),
    query: (request) => transaction('query', (ops) => ops.query(request)),
    appendAudit: (record) => transaction('appendAudit', (ops) => ops.appendAudit(record)),
    readAudit: (t, o) => transaction('readAudit', (ops) => ops.readAudit(t, o)),
    lastAudit: (t) => transaction('lastAudit', (ops) => ops.lastAudit(t)),
    enqueueOutbox: (list) => transaction('enqueueOutbox', (ops) => ops.enqueueOutbox(list)),
    readOutbox: (t, o) => transaction('readOutbox', (ops) => ops.readOutbox(t, o)),
    markOutbox: (t, id, u) => transaction('markOutbox', (ops) => ops.markOutbox(t, id, u)),
    transaction: (fn) => transaction('transaction', fn),
    dispose: async () => {
      disposed = true;
      await tail;
    },
  };
}
