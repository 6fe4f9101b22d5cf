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
 * - Input checks, the order of index values, cursors and the mutex come from core's adapter kit
 *   (`checkPutRequest`, `compareIndexValues`, `encodeQueryCursor`, `AsyncMutex`…), so bad input is
 *   refused, and records sorted and paged, exactly as in the built-in adapters.
 */
import { appendFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  AsyncMutex,
  checkAuditRecord,
  checkOutboxRecord,
  checkOutboxUpdate,
  checkPutRequest,
  checkQueryRequest,
  checkReadOptions,
  compareCodePoints,
  compareIndexValues,
  decodeQueryCursor,
  encodeQueryCursor,
  isIndexValue,
  throwValidationIssue,
} from '@pccovid-inspect/core/adapter-kit';
import { ConflictError, InspectError, NotFoundError, STORAGE_CONTRACT_VERSION, StorageError } from '@pccovid-inspect/core';
import type { AuditRecord, IndexValue, OutboxRecord, PutRequest, QueryRequest, StorageAdapter, StorageOperations, StoredRecord } from '@pccovid-inspect/core';

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

/** The value of an index field of a record; a missing field counts as null. */
const valueOf = (r: StoredRecord, field: string | null): IndexValue => (field !== null && Object.hasOwn(r.indexes, field) ? (r.indexes[field] ?? null) : null);

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
  const mutex = new AsyncMutex();
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
      if (!alive)
        await rm(lockPath, { force: true }); // a crashed writer's lock
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
        return stored ? { collection, tenantId, id, version: stored.version, data: stored.data as T, indexes: stored.indexes, updatedAt: stored.updatedAt } : null;
      },
      async put<T>(request: PutRequest<T>) {
        live('put');
        checkPutRequest(request); // bad input changes nothing
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
        checkQueryRequest(q);
        const field = q.orderBy?.field ?? null;
        const direction = q.orderBy?.direction ?? 'asc';
        const sign = direction === 'desc' ? -1 : 1;
        const after = q.cursor ? decodeQueryCursor(q.cursor, field, direction) : null;
        const compare = (a: StoredRecord, b: { value: IndexValue; id: string }) => sign * (compareIndexValues(valueOf(a, field), b.value) || compareCodePoints(a.id, b.id));
        const matches = (r: StoredRecord) => Object.entries(q.where ?? {}).every(([name, f]) => (isIndexValue(f) ? [f] : f.in).some((v) => v === valueOf(r, name)));
        const found = (await records(q.tenantId, q.collection))
          .filter((r) => matches(r) && (after === null || compare(r, after) > 0))
          .sort((a, b) => compare(a, { value: valueOf(b, field), id: b.id }));
        const limit = q.limit ?? 100;
        const items = found.slice(0, limit) as StoredRecord<T>[];
        const last = items[items.length - 1];
        const nextCursor = found.length > limit && last ? encodeQueryCursor({ field, direction, value: valueOf(last, field), id: last.id }) : null;
        return { items, nextCursor };
      },
      async appendAudit(record) {
        live('appendAudit');
        checkAuditRecord(record);
        const names = await listDir(auditDir(record.tenantId));
        const last = names.length === 0 ? 0 : Number(names[names.length - 1]!.slice(0, 12));
        if (record.seq !== last + 1) throw new ConflictError({ collection: 'audit', id: record.id, expectedVersion: record.seq - 1, actualVersion: last });
        await write(tx, join(auditDir(record.tenantId), `${String(record.seq).padStart(12, '0')}.json`), JSON.stringify(record));
      },
      async readAudit(tenantId, o) {
        live('readAudit');
        checkReadOptions('readAudit', o);
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
        if (!Array.isArray(list)) throwValidationIssue('OutboxRecord', [], 'must be an array of messages');
        list.forEach(checkOutboxRecord); // one bad message refuses the batch
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
        checkReadOptions('readOutbox', o);
        return oldestFirst(await outboxOf(tenantId))
          .filter((m) => !o?.status || m.status === o.status)
          .slice(0, o?.limit ?? 1000);
      },
      async markOutbox(tenantId, id, update) {
        live('markOutbox');
        checkOutboxUpdate(update);
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
    return mutex.run(run);
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
      await mutex.run(() => undefined); // the calls already queued finish first
    },
  };
}
