/**
 * A province's own StorageAdapter (contract v2) in one file: every record, audit event and outbox
 * queue is a JSON file in a directory. It is checked with the published kit
 * (`test/conformance.test.ts`) and by killing a writer in the middle of a commit
 * (`test/crash-recovery.test.ts`).
 *
 *   <directory>/records/<tenant>/<collection>/<id>.json   { id, version, data, indexes, updatedAt }
 *   <directory>/audit/<tenant>/<seq, 12 digits>.json       one audit event
 *   <directory>/outbox/<tenant>.json                       the tenant's messages (new ones appended)
 *   <directory>/.journal                                   the batch being applied: [{ path, content }]
 *   <directory>/.lock                                      held while a call runs: "<pid> <token>"
 *
 * - `commit(batch)` is all-or-nothing across files. It checks every expected version (of the puts,
 *   then of the outbox updates) and the audit seq, writes the whole batch to `.journal` (a temp file renamed into place: the commit point),
 *   then writes each file (temp file + rename) and deletes the journal. A writer killed before the
 *   rename changed nothing; one killed after it left the journal, which the next call applies
 *   again before it reads anything (each entry is a whole file, so applying twice is harmless).
 * - Every call holds an in-process mutex and the lock file, so calls never interleave, also across
 *   processes of one machine, and never see half a batch. A killed process's lock is broken by
 *   one other process only, even when the breaker itself is killed (see `breakDeadLock`);
 *   `test/kill-writers.test.ts` kills writers at random points and checks that nothing is lost.
 * - No input checks: core checks every request once before it reaches an adapter.
 * - No fsync: a commit survives a crash of the process, not of the machine.
 * - No portal statistics and no `countBy`: core counts by paging through `query`.
 * - `readOutbox` reads the tenant's whole outbox file and filters and sorts it: fine for the
 *   thousands of messages of a province, not for millions.
 */
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  AUDIT_CONFLICT_COLLECTION,
  AsyncMutex,
  OUTBOX_CONFLICT_COLLECTION,
  compareCodePoints,
  compareIndexValues,
  decodeQueryCursor,
  defineStorageAdapter,
  encodeQueryCursor,
  matchesWhere,
} from '@pccovid-inspect/core/adapter-kit';
import { ConflictError, StorageError } from '@pccovid-inspect/core';
import type { AuditRecord, IndexValue, OutboxRecord, StorageAdapter, StoredRecord } from '@pccovid-inspect/core';

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

/** A record file. */
type RecordFile = { id: string; version: number; data: unknown; indexes: Record<string, IndexValue>; updatedAt: string };
/** One entry of the journal: a file (relative to the directory) and its new content. */
type FileWrite = { path: string; content: string };

/** A file-name-safe form of any string (no '/', no '.' or '..'). */
const segment = (s: string): string => encodeURIComponent(s).replace(/\./g, '%2E').replace(/\*/g, '%2A');
const recordPath = (tenantId: string, collection: string, id: string) => join('records', segment(tenantId), segment(collection), `${segment(id)}.json`);
const auditDir = (tenantId: string) => join('audit', segment(tenantId));
const auditPath = (tenantId: string, seq: number) => join(auditDir(tenantId), `${String(seq).padStart(12, '0')}.json`);
const outboxPath = (tenantId: string) => join('outbox', `${segment(tenantId)}.json`);

/** The value of an index field of a record; a missing field counts as null. */
const valueOf = (r: StoredRecord, field: string | null): IndexValue => (field !== null && Object.hasOwn(r.indexes, field) ? (r.indexes[field] ?? null) : null);
const toRecord = <T>(collection: string, tenantId: string, f: RecordFile): StoredRecord<T> => ({ collection, tenantId, ...f, data: f.data as T });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
async function listJson(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
/** Replaces a file whole: readers see the old content or the new, never a part (rename is atomic on POSIX). */
async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}
/** `link(from, to)`, an atomic "create if absent": false when `to` exists already (or `from` is gone). */
async function linked(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/**
 * Creates the JSON-files adapter.
 *
 * @example
 * ```ts
 * const service = createInspectionService({ storage: createJsonFilesStorage({ directory: '/srv/pccovid/data' }), tenant: HA_TINH_TENANT });
 * ```
 */
export function createJsonFilesStorage(options: JsonFilesStorageOptions): StorageAdapter {
  const root = options.directory;
  const at = (path: string) => join(root, path);
  const lockPath = at('.lock');
  const journalPath = at('.journal');
  const mutex = new AsyncMutex();
  let disposed = false;
  const fail = (operation: string, detailEn: string) => new StorageError({ adapterName: 'json-files', operation, detailEn });

  /**
   * Takes `.lock`. It is created complete (written to a temp file, then `link`ed, which fails when
   * `.lock` exists), so no process ever sees a lock without its pid. Locks are checked by pid: one
   * machine only.
   */
  async function acquireLock(): Promise<void> {
    const deadline = Date.now() + (options.lockTimeoutMs ?? 5000);
    const mine = at(`.lock.${randomUUID()}.tmp`);
    await mkdir(root, { recursive: true });
    await writeFile(mine, `${process.pid} ${randomUUID()}`);
    try {
      for (;;) {
        if (await linked(mine, lockPath)) return;
        const holder = await readFile(lockPath, 'utf8').catch(() => null); // null: released meanwhile
        if (holder === null) continue;
        const holderPid = Number(holder.split(' ')[0]);
        const waitingFor = isAlive(holderPid) ? holderPid : await breakDeadLock(holder, mine);
        if (waitingFor === null) continue;
        if (Date.now() > deadline) throw fail('lock', `${lockPath} is held by process ${waitingFor} (delete the file if no such process runs)`);
        await sleep(5);
      }
    } finally {
      await rm(mine, { force: true });
    }
  }

  /**
   * Removes `.lock` whose content is `holder`, a dead process's lock. Only one process may remove
   * it, and only while it still holds that content: two that both found it dead and both deleted
   * `.lock` would delete, the second time, the lock a third process had taken meanwhile.
   *
   * So a breaker first claims the break by linking its own lock content to
   * `.lock.<token>.broken`, which fails for everyone else; the claim stays behind as a record.
   * A breaker may itself be killed between its claim and its `rm`: then the next one claims
   * `.lock.<token>.broken.2` (and so on), which it may do only when every earlier claimant is
   * dead. The holder of a claim is then the only living process that may remove that lock, so it
   * reads `.lock` and removes it if it still is the dead one. Returns null when the caller may try
   * to take the lock again, or the pid of a live breaker to wait for.
   */
  async function breakDeadLock(holder: string, mine: string): Promise<number | null> {
    let name = holder.split(' ')[1] ?? '';
    if (!/^[\w-]{1,64}$/.test(name)) {
      // Not one of ours (an old version's, another tool's): named by the file's identity, as its content may recur.
      const file = await stat(lockPath, { bigint: true }).catch(() => null);
      if (file === null) return null;
      name = createHash('sha256').update(`${holder}\n${file.ino}\n${file.mtimeNs}`).digest('hex').slice(0, 32);
    }
    for (let claimNo = 1; ; claimNo++) {
      const claim = at(claimNo === 1 ? `.lock.${name}.broken` : `.lock.${name}.broken.${claimNo}`);
      if (await linked(mine, claim)) {
        if ((await readFile(lockPath, 'utf8').catch(() => null)) === holder) await rm(lockPath);
        return null;
      }
      const claimant = await readFile(claim, 'utf8').catch(() => null);
      if (claimant === null) return null; // cannot happen (claims are never deleted): look again
      const claimantPid = Number(claimant.split(' ')[0]);
      if (isAlive(claimantPid)) return claimantPid; // it is breaking the lock now: wait for it
    }
  }

  /** Applies the batch in `.journal`, if there is one, and deletes it: the second half of a commit. */
  async function applyJournal(): Promise<void> {
    const writes = await readJson<FileWrite[]>(journalPath);
    if (writes === null) return;
    for (const { path, content } of writes) await writeAtomic(at(path), content);
    await rm(journalPath);
  }

  /** Runs `fn` alone (mutex + lock file), after finishing a batch a killed writer left. */
  function locked<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    if (disposed) return Promise.reject(fail(operation, 'the adapter was disposed'));
    return mutex.run(async () => {
      await acquireLock();
      try {
        await applyJournal();
        return await fn();
      } finally {
        await rm(lockPath, { force: true });
      }
    });
  }

  const auditSeqs = async (tenantId: string) => (await listJson(at(auditDir(tenantId)))).map((name) => Number(name.slice(0, 12)));
  const outboxOf = async (tenantId: string) => (await readJson<OutboxRecord[]>(at(outboxPath(tenantId)))) ?? [];
  async function recordsOf(tenantId: string, collection: string): Promise<StoredRecord[]> {
    const dir = dirname(at(recordPath(tenantId, collection, 'x')));
    const files = await Promise.all((await listJson(dir)).map((name) => readJson<RecordFile>(join(dir, name))));
    return files.map((f) => toRecord(collection, tenantId, f!));
  }

  return defineStorageAdapter({
    name: 'json-files',
    capabilities: { multiProcess: true, durable: true },

    get: (collection, tenantId, id) =>
      locked('get', async () => {
        const f = await readJson<RecordFile>(at(recordPath(tenantId, collection, id)));
        return f && toRecord(collection, tenantId, f);
      }),

    query: (q) =>
      locked('query', async () => {
        const field = q.orderBy?.field ?? null;
        const direction = q.orderBy?.direction ?? 'asc';
        const sign = direction === 'desc' ? -1 : 1;
        const after = q.cursor ? decodeQueryCursor(q.cursor, field, direction) : null;
        const compare = (a: StoredRecord, b: { value: IndexValue; id: string }) => sign * (compareIndexValues(valueOf(a, field), b.value) || compareCodePoints(a.id, b.id));
        const found = (await recordsOf(q.tenantId, q.collection))
          .filter((r) => matchesWhere(r.indexes, q.where) && (after === null || compare(r, after) > 0))
          .sort((a, b) => compare(a, { value: valueOf(b, field), id: b.id }));
        const limit = q.limit ?? 100;
        const items = found.slice(0, limit);
        const last = items.at(-1);
        const nextCursor = found.length > limit && last ? encodeQueryCursor({ field, direction, value: valueOf(last, field), id: last.id }) : null;
        return { items: items as StoredRecord<never>[], nextCursor };
      }),

    commit: ({ tenantId, puts, audit, outbox, outboxUpdates }) =>
      locked('commit', async () => {
        const writes: FileWrite[] = [];
        const stored: StoredRecord[] = [];
        for (const put of puts) {
          const path = recordPath(tenantId, put.collection, put.id);
          const current = await readJson<RecordFile>(at(path));
          if ((current?.version ?? 0) !== put.expectedVersion) {
            throw new ConflictError({ collection: put.collection, id: put.id, expectedVersion: put.expectedVersion, actualVersion: current?.version ?? null });
          }
          const content = JSON.stringify({ id: put.id, version: put.expectedVersion + 1, data: put.data, indexes: put.indexes, updatedAt: put.updatedAt });
          writes.push({ path, content });
          stored.push(toRecord(put.collection, tenantId, JSON.parse(content) as RecordFile)); // a copy: the caller's objects are not shared
        }
        const queue = await outboxOf(tenantId);
        const byId = new Map(queue.map((m, i) => [m.id, i]));
        for (const { id, expectedVersion, ...delivery } of outboxUpdates) {
          const i = byId.get(id);
          const current = i === undefined ? undefined : queue[i];
          if (i === undefined || current === undefined || current.version !== expectedVersion) {
            throw new ConflictError({ collection: OUTBOX_CONFLICT_COLLECTION, id, expectedVersion, actualVersion: current?.version ?? null });
          }
          queue[i] = { ...current, ...delivery, version: expectedVersion + 1 }; // a change of our own copy: written with the batch
        }
        const last = (await auditSeqs(tenantId)).at(-1) ?? 0;
        if (audit.seq !== last + 1) {
          throw new ConflictError({ collection: AUDIT_CONFLICT_COLLECTION, id: audit.id, expectedVersion: audit.seq - 1, actualVersion: last });
        }
        writes.push({ path: auditPath(tenantId, audit.seq), content: JSON.stringify(audit) });
        const added = outbox.filter((m) => !byId.has(m.id)); // an id already queued is ignored
        if (added.length > 0 || outboxUpdates.length > 0) writes.push({ path: outboxPath(tenantId), content: JSON.stringify([...queue, ...added]) });

        await writeAtomic(journalPath, JSON.stringify(writes)); // the commit point
        await applyJournal();
        return stored;
      }),

    readAudit: (tenantId, o) =>
      locked('readAudit', async () => {
        const seqs = (await auditSeqs(tenantId)).filter((seq) => seq > (o?.afterSeq ?? 0)).slice(0, o?.limit ?? 1000);
        return Promise.all(seqs.map(async (seq) => (await readJson<AuditRecord>(at(auditPath(tenantId, seq))))!));
      }),

    lastAudit: (tenantId) =>
      locked('lastAudit', async () => {
        const last = (await auditSeqs(tenantId)).at(-1);
        return last === undefined ? null : readJson<AuditRecord>(at(auditPath(tenantId, last)));
      }),

    readOutbox: (tenantId, o) =>
      locked('readOutbox', async () => {
        const { status, dueBy, limit = 1000 } = o ?? {};
        const messages = (await outboxOf(tenantId)).filter((m) => status === undefined || m.status === status);
        // With dueBy: the due ones (dueAt ≤ dueBy; ISO instants compare as strings), soonest first; else oldest first. Ties by id.
        const due = dueBy === undefined ? messages : messages.filter((m) => m.dueAt !== null && m.dueAt <= dueBy);
        const key = (m: OutboxRecord) => (dueBy === undefined ? m.createdAt : (m.dueAt as string));
        return due.sort((a, b) => compareCodePoints(key(a), key(b)) || compareCodePoints(a.id, b.id)).slice(0, limit);
      }),

    dispose: async () => {
      disposed = true;
      await mutex.run(() => undefined); // the calls already queued finish first
    },
  });
}
