import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxRecord } from '@pccovid-inspect/core';
import { createPostgresStorage } from '../src/index.js';
import type { PostgresStorage } from '../src/index.js';
import { AT, buildBatch, visitPut } from './commit-batch.js';
import { startOwnServer, type OwnServer } from './postgres-control.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

const A = '42'; // Hà Tĩnh
const B = '40'; // Nghệ An
const CHANNEL = 'pccovid_outbox_test';

function message(tenantId: string, id: string): OutboxRecord {
  return {
    tenantId,
    id,
    createdAt: AT,
    channel: 'console',
    recipient: { role: 'teamLead', id: 'p-1' },
    topic: 'visit.scheduled',
    subject: 'Lịch kiểm tra',
    body: 'Thông báo lịch kiểm tra.',
    refs: { visitId: id },
    deliverAfter: null,
    fallbackChannels: [],
    status: 'pending',
    version: 1,
    dueAt: AT,
    leaseOwner: null,
    attempts: 0,
    providerMessageId: null,
    lastError: null,
  };
}

/** Commits a visit of `tenantId` (a new one, or `expectedVersion` of an existing one) with `outbox` messages. */
async function commitWith(storage: PostgresStorage, tenantId: string, visitId: string, outbox: OutboxRecord[], expectedVersion = 0): Promise<void> {
  const batch = await buildBatch(storage, tenantId, [visitPut(tenantId, visitId, expectedVersion)]);
  await storage.commit({ ...batch, outbox });
}

/** The tenant ids a listener heard, and a promise of the `n`-th one. */
function recorder(): { heard: string[]; listener: (tenantId: string) => void; nth(n: number): Promise<void> } {
  const heard: string[] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  return {
    heard,
    listener(tenantId) {
      heard.push(tenantId);
      for (const w of waiting.filter((x) => heard.length >= x.n)) w.resolve();
    },
    nth(n) {
      if (heard.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`heard ${JSON.stringify(heard)}, waited for ${n}`)), 5000);
        waiting.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

describe('outbox wake-ups (notifyChannel, onOutbox: LISTEN/NOTIFY)', () => {
  let db: TestDatabase;
  let storage: PostgresStorage;
  beforeAll(async () => {
    db = await createTestDatabase('pccovid_notify');
    storage = await createPostgresStorage({ connectionString: db.url, notifyChannel: CHANNEL });
  });
  afterAll(async () => {
    await storage?.dispose();
    await db?.drop();
  });

  it('wakes the listener with the tenant id of each commit that enqueued messages, and only those (in commit order)', async () => {
    const r = recorder();
    const stop = storage.onOutbox(r.listener);
    try {
      await commitWith(storage, A, 'v-1', [message(A, 'm-1'), message(A, 'm-2')]);
      await r.nth(1);
      expect(r.heard).toEqual([A]);
      // No messages: no notification. Notifications arrive in commit order, so B's wake-up being
      // the next one heard shows that the commit without messages sent none.
      await commitWith(storage, A, 'v-2', []);
      await commitWith(storage, B, 'v-3', [message(B, 'm-3')]);
      await r.nth(2);
      expect(r.heard).toEqual([A, B]);
    } finally {
      stop();
    }
  });

  it('a rolled-back commit (a stale write) wakes nobody', async () => {
    const r = recorder();
    const stop = storage.onOutbox(r.listener);
    try {
      await commitWith(storage, A, 'v-stale', []);
      // Version 1 is stored; a write expecting 0 again is a CONFLICT, its transaction rolled back with its NOTIFY.
      await expect(commitWith(storage, A, 'v-stale', [message(A, 'm-rolled-back')])).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await db.sql("SELECT id FROM pccovid.outbox WHERE id = 'm-rolled-back'")).toEqual([]);
      await commitWith(storage, B, 'v-4', [message(B, 'm-4')]);
      await r.nth(1);
      expect(r.heard).toEqual([B]);
    } finally {
      stop();
    }
  });

  it("hears other processes' commits on the same channel; the returned function and dispose() stop listening", async () => {
    const other = await createPostgresStorage({ connectionString: db.url, notifyChannel: CHANNEL, poolSize: 1 });
    const mine = recorder();
    const removed = recorder();
    const stopRemoved = storage.onOutbox(removed.listener);
    stopRemoved();
    const stopMine = storage.onOutbox(mine.listener);
    const theirs = recorder();
    other.onOutbox(theirs.listener);
    try {
      await commitWith(other, A, 'v-5', [message(A, 'm-5')]);
      await Promise.all([mine.nth(1), theirs.nth(1)]);
      expect(mine.heard).toEqual([A]);
      expect(removed.heard).toEqual([]);

      await other.dispose();
      expect(() => other.onOutbox(() => undefined)).toThrow(expect.objectContaining({ code: 'STORAGE_FAILED' }) as Error);
      await commitWith(storage, B, 'v-6', [message(B, 'm-6')]);
      await mine.nth(2);
      expect(mine.heard).toEqual([A, B]);
      expect(theirs.heard).toEqual([A]); // disposed: not called again
    } finally {
      stopMine();
      await other.dispose();
    }
    // The disposed adapter's LISTEN connection is closed: only this adapter's listens on the channel.
    await expect
      .poll(async () => (await db.sql<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'"))[0]?.n)
      .toBe(1);
  });

  it('refuses onOutbox without notifyChannel, and a channel that is not a plain identifier', async () => {
    const plain = await createPostgresStorage({ connectionString: db.url, poolSize: 1 });
    try {
      expect(() => plain.onOutbox(() => undefined)).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }) as Error);
      // Without a channel, a commit with messages notifies nothing (and still enqueues them).
      await commitWith(plain, A, 'v-7', [message(A, 'm-7')]);
      expect(await db.sql("SELECT id FROM pccovid.outbox WHERE id = 'm-7'")).toEqual([{ id: 'm-7' }]);
    } finally {
      await plain.dispose();
    }
    for (const notifyChannel of ['', 'Outbox', 'outbox; DROP TABLE x', 'x'.repeat(64)]) {
      await expect(createPostgresStorage({ connectionString: db.url, notifyChannel })).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
    }
  });
});

/**
 * The server restarted under a running adapter (`pg_ctl stop -m fast`, then start): the listening
 * connection is lost and opened again by itself. This test controls the server, so it starts one
 * of its own.
 */
describe('outbox wake-ups after the server restarts', () => {
  let server: OwnServer | undefined;
  beforeAll(async () => {
    server = await startOwnServer('notify');
  }, 120_000);
  afterAll(() => server?.remove());

  /** How many sessions of the server LISTEN on the channel now. */
  async function listeners(url: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN \"' || $1 || '\"'", [CHANNEL]);
      return rows[0]?.n ?? 0;
    } catch {
      return 0; // the server is not back yet
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  it('listens again once the server is back, and the next commit with messages wakes the listener', async () => {
    const url = server!.url;
    const storage = await createPostgresStorage({ connectionString: url, notifyChannel: CHANNEL, poolSize: 2 });
    const r = recorder();
    storage.onOutbox(r.listener);
    try {
      await commitWith(storage, A, 'v-before', [message(A, 'm-before')]);
      await r.nth(1);

      server!.ctl('stop');
      server!.ctl('start');
      // The adapter opens a new listening connection by itself (it retries while the server starts).
      await expect.poll(() => listeners(url), { timeout: 30_000, interval: 100 }).toBe(1);

      // The pool's connections died with the server; the commit runs on a new one.
      await commitWith(storage, B, 'v-after', [message(B, 'm-after')]);
      await r.nth(2);
      expect(r.heard).toEqual([A, B]);
    } finally {
      await storage.dispose();
    }
    // dispose() closes the new listening connection too, and no reconnect follows.
    await expect.poll(() => listeners(url)).toBe(0);
  }, 90_000);
});
