import { describe, expect, it } from 'vitest';
import { AUDIT_CONFLICT_COLLECTION, AsyncMutex, OUTBOX_CONFLICT_COLLECTION, defineStorageAdapter } from '@pccovid-inspect/core/adapter-kit';
import { ConflictError } from '@pccovid-inspect/core';
import type { AuditRecord, CommitBatch, OutboxRecord, OutboxUpdate, StorageAdapter, StoredRecord } from '@pccovid-inspect/core';
import { describeStorageConformance } from './describe-storage-conformance.js';
import { REQUIRED_STORAGE_SUITES, STORAGE_SUITE_NAMES } from './storage-conformance-options.js';
import type { StorageConformanceOptions } from './storage-conformance-options.js';
import type { StorageInspector } from './storage-inspector.js';
import {
  expectAuditSeqRaceHasOneWinner,
  expectOneClaimWins,
  expectOneWinnerAmongConcurrentCommits,
  expectOutboxUpdatesAndCommitsAllLand,
  expectStaleAuditWritesNothing,
  expectStaleOutboxUpdateWritesNothing,
  expectStalePutWritesNothing,
} from './internal/commit-checks.js';
import { expectConflict, expectRejection } from './internal/fixtures.js';

const TIMEOUT_MS = 60_000;

/**
 * How a tiny in-test adapter behaves:
 * - `correct`: every commit runs under one mutex, checks everything (puts, outbox updates, audit
 *   seq), then writes everything (the way the memory adapter does), with a pause inside like a
 *   real backend's I/O;
 * - `check-await-write`: commit checks the versions and the audit seq, awaits (I/O), then writes —
 *   without holding anything in between (the lost update, and two deliverers' claims both landing);
 * - `partial-batch`: commit writes each put and each outbox update as it checks it, then finds
 *   something stale and throws without rolling back what it wrote;
 * - `unversioned-outbox`: commit applies outbox updates without comparing versions (the last
 *   deliverer wins, a missing message is skipped).
 */
type Mode = 'correct' | 'check-await-write' | 'partial-batch' | 'unversioned-outbox';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function tinyAdapter(mode: Mode): { adapter: StorageAdapter; inspector: StorageInspector } {
  const records = new Map<string, StoredRecord>();
  const audits = new Map<string, AuditRecord[]>();
  let outbox: OutboxRecord[] = [];
  const mutex = new AsyncMutex();
  const key = (collection: string, tenantId: string, id: string) => `${tenantId}/${collection}/${id}`;
  const copy = <T>(value: T): T => structuredClone(value);
  const checkPut = (put: CommitBatch['puts'][number]) => {
    const actual = records.get(key(put.collection, put.tenantId, put.id))?.version ?? null;
    if ((actual ?? 0) !== put.expectedVersion) throw new ConflictError({ collection: put.collection, id: put.id, expectedVersion: put.expectedVersion, actualVersion: actual });
  };
  const checkAudit = (batch: CommitBatch) => {
    const last = audits.get(batch.tenantId)?.at(-1)?.seq ?? 0;
    if (batch.audit.seq !== last + 1)
      throw new ConflictError({ collection: AUDIT_CONFLICT_COLLECTION, id: batch.audit.id, expectedVersion: batch.audit.seq - 1, actualVersion: last });
  };
  const writePut = (put: CommitBatch['puts'][number]): StoredRecord => {
    const { expectedVersion, ...rest } = copy(put);
    const stored: StoredRecord = { ...rest, version: expectedVersion + 1 };
    records.set(key(put.collection, put.tenantId, put.id), stored);
    return copy(stored);
  };
  const checkUpdate = (batch: CommitBatch, update: OutboxUpdate) => {
    const actual = outbox.find((m) => m.tenantId === batch.tenantId && m.id === update.id)?.version ?? null;
    if (actual !== update.expectedVersion)
      throw new ConflictError({ collection: OUTBOX_CONFLICT_COLLECTION, id: update.id, expectedVersion: update.expectedVersion, actualVersion: actual });
  };
  const writeUpdate = (batch: CommitBatch, update: OutboxUpdate) => {
    const { id, expectedVersion, ...state } = update;
    outbox = outbox.map((m) => (m.tenantId === batch.tenantId && m.id === id ? { ...m, ...state, version: expectedVersion + 1 } : m));
  };
  const writeRest = (batch: CommitBatch) => {
    audits.set(batch.tenantId, [...(audits.get(batch.tenantId) ?? []), copy(batch.audit)]);
    const fresh = batch.outbox.filter((m) => !outbox.some((b) => b.tenantId === m.tenantId && b.id === m.id));
    outbox = [...outbox, ...copy(fresh)];
  };

  const commit = async (batch: CommitBatch): Promise<StoredRecord[]> => {
    switch (mode) {
      case 'check-await-write': {
        batch.puts.forEach(checkPut);
        batch.outboxUpdates.forEach((u) => checkUpdate(batch, u));
        checkAudit(batch);
        await sleep(2);
        const stored = batch.puts.map(writePut);
        batch.outboxUpdates.forEach((u) => writeUpdate(batch, u));
        writeRest(batch);
        return stored;
      }
      case 'partial-batch':
        return mutex.run(async () => {
          await sleep(1);
          const stored = batch.puts.map((put) => {
            checkPut(put);
            return writePut(put);
          });
          for (const update of batch.outboxUpdates) {
            checkUpdate(batch, update);
            writeUpdate(batch, update);
          }
          checkAudit(batch);
          writeRest(batch);
          return stored;
        });
      case 'unversioned-outbox':
      case 'correct':
        return mutex.run(async () => {
          await sleep(1);
          batch.puts.forEach(checkPut);
          if (mode === 'correct') batch.outboxUpdates.forEach((u) => checkUpdate(batch, u));
          checkAudit(batch);
          const stored = batch.puts.map(writePut);
          batch.outboxUpdates.forEach((u) => writeUpdate(batch, u));
          writeRest(batch);
          return stored;
        });
    }
  };

  const adapter = defineStorageAdapter({
    name: `tiny-${mode}`,
    get: async (collection, tenantId, id) => copy(records.get(key(collection, tenantId, id)) ?? null) as never,
    query: () => Promise.reject(new Error('query is not used by these checks')),
    commit,
    readAudit: async (tenantId, options) => copy((audits.get(tenantId) ?? []).filter((a) => a.seq > (options?.afterSeq ?? 0)).slice(0, options?.limit ?? 1000)),
    lastAudit: async (tenantId) => copy(audits.get(tenantId)?.at(-1) ?? null),
    readOutbox: async (tenantId, options) => copy(outbox.filter((m) => m.tenantId === tenantId && (options?.status === undefined || m.status === options.status))),
  });

  const inspector: StorageInspector = {
    record: (collection, tenantId, id) => {
      const row = records.get(key(collection, tenantId, id));
      return row ? copy({ version: row.version, data: row.data, indexes: row.indexes, updatedAt: row.updatedAt }) : null;
    },
    countRecords: (collection, tenantId) => [...records.values()].filter((r) => r.collection === collection && r.tenantId === tenantId).length,
    audit: (tenantId) => copy(audits.get(tenantId) ?? []),
    outbox: (tenantId) => copy(outbox.filter((m) => m.tenantId === tenantId)),
  };
  return { adapter, inspector };
}

describe('storage conformance kit: the commit and race checks pass a correct adapter (meta-test)', { timeout: TIMEOUT_MS }, () => {
  it('passes the all-or-nothing checks', async () => {
    const a = tinyAdapter('correct');
    await expectStalePutWritesNothing(a.adapter, a.inspector);
    const b = tinyAdapter('correct');
    await expectStaleAuditWritesNothing(b.adapter, b.inspector);
    const c = tinyAdapter('correct');
    await expectStaleOutboxUpdateWritesNothing(c.adapter, c.inspector);
  });

  it('passes the race checks', async () => {
    for (const check of [
      (x: ReturnType<typeof tinyAdapter>) => expectOneWinnerAmongConcurrentCommits(x.adapter, x.inspector, 8),
      (x: ReturnType<typeof tinyAdapter>) => expectAuditSeqRaceHasOneWinner(x.adapter, x.inspector, 8),
      (x: ReturnType<typeof tinyAdapter>) => expectOneClaimWins(x.adapter, x.inspector, 8),
      (x: ReturnType<typeof tinyAdapter>) => expectOutboxUpdatesAndCommitsAllLand(x.adapter, x.inspector, 8),
    ]) {
      await check(tinyAdapter('correct'));
    }
  });
});

describe('storage conformance kit: broken adapters fail, and the message says what they did wrong (meta-test)', { timeout: TIMEOUT_MS }, () => {
  it('fails an adapter whose commit checks versions, awaits, then writes (a lost update under concurrency)', async () => {
    const a = tinyAdapter('check-await-write');
    await expect(expectOneWinnerAmongConcurrentCommits(a.adapter, a.inspector, 2)).rejects.toThrow(
      /expected exactly one of 2 concurrent commits of visits\/contested at expectedVersion 1 \(stored 1\) to succeed, but 2 did: .*checked the expected version and then wrote without holding it \(a lost update\)/,
    );
    const b = tinyAdapter('check-await-write');
    await expect(expectAuditSeqRaceHasOneWinner(b.adapter, b.inspector, 4)).rejects.toThrow(
      /expected exactly one of 4 concurrent commits of different records, all with audit seq 2 to land, but 4 did — the adapter did not check the seq and write the event as one step; the log: seq 2 stored more than once/,
    );
  });

  it('fails an adapter that writes the puts, then refuses the batch for its audit seq without rolling them back (a partial batch)', async () => {
    const a = tinyAdapter('partial-batch');
    await expect(expectStaleAuditWritesNothing(a.adapter, a.inspector)).rejects.toThrow(
      /expected a batch whose audit seq 1 was taken by an earlier commit to write nothing, but the adapter refused the batch for its audit seq after writing part of it \(not rolled back\): visits\/v-1 \(now version 1, was missing\); visits\/v-2/,
    );
    const b = tinyAdapter('partial-batch');
    await expect(expectStalePutWritesNothing(b.adapter, b.inspector)).rejects.toThrow(
      /to write nothing \(all or nothing\), but the adapter wrote part of the batch it refused: visits\/v-before \(now version 1, was missing\)/,
    );
  });

  it('fails an adapter that applies outbox updates without comparing versions (two deliverers both claim a message)', async () => {
    const a = tinyAdapter('unversioned-outbox');
    await expect(expectOneClaimWins(a.adapter, a.inspector, 4)).rejects.toThrow(
      /expected exactly one of 4 concurrent commits claiming outbox message m-claimed at version 1 to land, but 4 did: the adapter applied outbox updates without comparing the stored version/,
    );
    const b = tinyAdapter('unversioned-outbox');
    await expect(expectStaleOutboxUpdateWritesNothing(b.adapter, b.inspector)).rejects.toThrow(
      /expected a batch \(a put, a new message, a fresh update of m-2\) whose update of m-1 is stale \(read at version 1, stored 2\) to fail with CONFLICT, but it succeeded/,
    );
    const c = tinyAdapter('check-await-write');
    await expect(expectOneClaimWins(c.adapter, c.inspector, 2)).rejects.toThrow(
      /expected exactly one of 2 concurrent commits claiming outbox message m-claimed at version 1 to land, but 2 did/,
    );
  });

  it('fails an adapter that applies an outbox update before finding a later one stale, without rolling it back', async () => {
    const a = tinyAdapter('partial-batch');
    await expect(expectStaleOutboxUpdateWritesNothing(a.adapter, a.inspector)).rejects.toThrow(
      /to write nothing \(all or nothing\), but the adapter wrote part of the batch it refused: visits\/v-1 \(now version 1, was missing\)/,
    );
  });

  it('passes each broken adapter through the sequential checks it does not break (the failures above are the races and the rollback)', async () => {
    const a = tinyAdapter('check-await-write');
    await expectStalePutWritesNothing(a.adapter, a.inspector);
    const b = tinyAdapter('unversioned-outbox');
    await expectOneWinnerAmongConcurrentCommits(b.adapter, b.inspector, 4);
    const c = tinyAdapter('unversioned-outbox');
    await expectOutboxUpdatesAndCommitsAllLand(c.adapter, c.inspector, 4);
  });
});

describe('storage conformance kit: skips (meta-test)', { timeout: TIMEOUT_MS }, () => {
  const options = (skip: StorageConformanceOptions['skip']): StorageConformanceOptions => ({
    name: 'never collected',
    createAdapter: () => tinyAdapter('correct').adapter,
    inspect: () => tinyAdapter('correct').inspector,
    skip,
  });

  it('requires reads and writes, commits and input validation', () => {
    expect([...REQUIRED_STORAGE_SUITES]).toEqual(['readsAndWrites', 'commits', 'inputValidation']);
    expect(REQUIRED_STORAGE_SUITES.every((name) => STORAGE_SUITE_NAMES.includes(name))).toBe(true);
    expect(STORAGE_SUITE_NAMES, 'the v1 suite "transactions" is gone').not.toContain('transactions');
  });

  for (const suite of REQUIRED_STORAGE_SUITES) {
    it(`refuses at definition time to skip the required suite ${suite}, naming it`, () => {
      expect(() => describeStorageConformance(options({ [suite]: 'we trust it' }))).toThrow(new RegExp(`"${suite}" is required and cannot be skipped`));
    });
  }

  it('refuses a skip with an empty or blank reason, naming the suite', () => {
    expect(() => describeStorageConformance(options({ races: '' }))).toThrow(/skip of "races" needs a reason/);
    expect(() => describeStorageConformance(options({ outbox: '   ' }))).toThrow(/skip of "outbox" needs a reason/);
    expect(() => describeStorageConformance(options({ queries: 42 as unknown as string }))).toThrow(/skip of "queries" needs a reason/);
  });

  it('refuses a skip of a suite that does not exist, and names the v1 suite that was renamed', () => {
    expect(() => describeStorageConformance(options({ race: 'typo' } as unknown as StorageConformanceOptions['skip']))).toThrow(/unknown suite "race"/);
    expect(() => describeStorageConformance(options({ transactions: 'v1 name' } as unknown as StorageConformanceOptions['skip']))).toThrow(
      /unknown suite "transactions".*renamed "commits"/,
    );
  });
});

describe('storage conformance kit: failure messages (meta-test)', { timeout: TIMEOUT_MS }, () => {
  it('says in words that a write expected to conflict succeeded', async () => {
    await expect(expectRejection(async () => undefined, 'CONFLICT', 'the stale write (expectedVersion 1, stored 2)')).rejects.toThrow(
      'expected the stale write (expectedVersion 1, stored 2) to fail with CONFLICT, but it succeeded',
    );
  });

  it('says which error a write failed with instead of the expected code', async () => {
    await expect(expectRejection(() => Promise.reject(new Error('disk full')), 'CONFLICT', 'the stale write')).rejects.toThrow(
      'expected the stale write to fail with CONFLICT, but it failed with Error: disk full',
    );
  });

  it('says which record a CONFLICT named when it named the wrong one', async () => {
    const error = new ConflictError({ collection: 'visits', id: 'v-2', expectedVersion: 0, actualVersion: 1 });
    await expect(expectConflict(() => Promise.reject(error), 'the batch', { collection: 'visits', id: 'v-1' })).rejects.toThrow(
      'expected the CONFLICT of the batch to name visits/v-1, but it named visits/v-2',
    );
  });
});
