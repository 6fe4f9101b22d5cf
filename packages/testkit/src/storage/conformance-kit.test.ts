import { describe, expect, it } from 'vitest';
import { AsyncMutex } from '@pccovid-inspect/core/adapter-kit';
import { ConflictError, STORAGE_CONTRACT_VERSION } from '@pccovid-inspect/core';
import type { PutRequest, StorageAdapter, StorageOperations, StoredRecord } from '@pccovid-inspect/core';
import { describeStorageConformance } from './describe-storage-conformance.js';
import { REQUIRED_STORAGE_SUITES, STORAGE_SUITE_NAMES } from './storage-conformance-options.js';
import type { StorageConformanceOptions } from './storage-conformance-options.js';
import type { StorageInspector } from './storage-inspector.js';
import { expectNoLostWriteAcrossTransaction } from './internal/transaction-race.js';
import { expectRejection } from './internal/fixtures.js';

/**
 * A tiny records-only adapter. `correct`: plain puts wait for an open transaction (a mutex), as the
 * memory adapter does. `broken`: a transaction buffers its writes after checking them against what
 * it read, and on commit writes them over whatever is stored (no version check), while plain puts
 * never wait — the lost update a province's adapter could ship.
 */
function tinyAdapter(mode: 'correct' | 'broken'): { adapter: StorageAdapter; inspector: StorageInspector } {
  const rows = new Map<string, StoredRecord>();
  const mutex = new AsyncMutex();
  const key = (collection: string, tenantId: string, id: string) => `${tenantId}/${collection}/${id}`;
  const copy = <T>(value: T): T => structuredClone(value);
  const unused = (name: string) => () => Promise.reject(new Error(`${name} is not used by this test`));
  const writeNow = (request: PutRequest, versionCheck: boolean): StoredRecord => {
    const current = rows.get(key(request.collection, request.tenantId, request.id));
    const actual = current?.version ?? 0;
    if (versionCheck && actual !== request.expectedVersion) {
      throw new ConflictError({ collection: request.collection, id: request.id, expectedVersion: request.expectedVersion, actualVersion: current?.version ?? null });
    }
    const stored: StoredRecord = { ...copy(request), version: (versionCheck ? request.expectedVersion : actual) + 1 };
    delete (stored as { expectedVersion?: number }).expectedVersion;
    rows.set(key(request.collection, request.tenantId, request.id), stored);
    return copy(stored);
  };
  const base = {
    query: unused('query'),
    appendAudit: unused('appendAudit'),
    readAudit: unused('readAudit'),
    lastAudit: unused('lastAudit'),
    enqueueOutbox: unused('enqueueOutbox'),
    readOutbox: unused('readOutbox'),
    markOutbox: unused('markOutbox'),
  } as unknown as Omit<StorageOperations, 'get' | 'put'>;
  const get = async (collection: string, tenantId: string, id: string) => copy(rows.get(key(collection, tenantId, id)) ?? null);

  const adapter = {
    contractVersion: STORAGE_CONTRACT_VERSION,
    name: `tiny-${mode}`,
    capabilities: { transactions: true, multiProcess: false, durable: false, portalStatistics: false, maxRecordBytes: null },
    ...base,
    get,
    put: (request: PutRequest) => (mode === 'correct' ? mutex.run(async () => writeNow(request, true)) : Promise.resolve().then(() => writeNow(request, true))),
    transaction: <T>(fn: (tx: StorageOperations) => Promise<T>): Promise<T> =>
      mutex.run(async () => {
        const buffered = new Map<string, PutRequest>();
        const seen = new Map<string, number>();
        const tx = {
          ...base,
          get: async (collection: string, tenantId: string, id: string) => {
            const pending = buffered.get(key(collection, tenantId, id));
            if (pending) return copy({ ...pending, version: pending.expectedVersion + 1 }) as StoredRecord;
            const record = await get(collection, tenantId, id);
            seen.set(key(collection, tenantId, id), record?.version ?? 0);
            return record;
          },
          put: async (request: PutRequest) => {
            const k = key(request.collection, request.tenantId, request.id);
            const known = buffered.get(k) ? buffered.get(k)!.expectedVersion + 1 : mode === 'broken' ? (seen.get(k) ?? 0) : (rows.get(k)?.version ?? 0);
            if (known !== request.expectedVersion) {
              throw new ConflictError({ collection: request.collection, id: request.id, expectedVersion: request.expectedVersion, actualVersion: known });
            }
            buffered.set(k, copy(request));
            return copy({ ...request, version: request.expectedVersion + 1 }) as StoredRecord;
          },
        } as StorageOperations;
        const result = await fn(tx);
        // broken: blind overwrite (no version check); correct: the mutex kept everyone else out.
        for (const request of buffered.values()) writeNow({ ...request, expectedVersion: request.expectedVersion }, mode === 'correct');
        return result;
      }),
    dispose: async () => undefined,
  } as StorageAdapter;

  const inspector: StorageInspector = {
    record: (collection, tenantId, id) => {
      const row = rows.get(key(collection, tenantId, id));
      return row ? copy({ version: row.version, data: row.data, indexes: row.indexes, updatedAt: row.updatedAt }) : null;
    },
    countRecords: () => rows.size,
    audit: () => [],
    outbox: () => [],
  };
  return { adapter, inspector };
}

describe('storage conformance kit: a plain put racing an open transaction (meta-test)', () => {
  for (const order of ['plain write first', 'transaction write first'] as const) {
    it(`passes an adapter whose plain put waits for the transaction (${order})`, async () => {
      const { adapter, inspector } = tinyAdapter('correct');
      await expectNoLostWriteAcrossTransaction(adapter, inspector, order);
    });

    it(`fails an adapter that lets both writes succeed, saying so in words (${order})`, async () => {
      const { adapter, inspector } = tinyAdapter('broken');
      await expect(expectNoLostWriteAcrossTransaction(adapter, inspector, order)).rejects.toThrow(
        /expected one of the two writes to fail with CONFLICT .* but both the transaction and the plain put succeeded: one write was lost/,
      );
    });
  }
});

describe('storage conformance kit: skips (meta-test)', () => {
  const options = (skip: StorageConformanceOptions['skip']): StorageConformanceOptions => ({
    name: 'never collected',
    createAdapter: () => tinyAdapter('correct').adapter,
    inspect: () => tinyAdapter('correct').inspector,
    skip,
  });

  it('requires reads and writes, transactions and input validation', () => {
    expect([...REQUIRED_STORAGE_SUITES]).toEqual(['readsAndWrites', 'transactions', 'inputValidation']);
    expect(REQUIRED_STORAGE_SUITES.every((name) => STORAGE_SUITE_NAMES.includes(name))).toBe(true);
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

  it('refuses a skip of a suite that does not exist', () => {
    expect(() => describeStorageConformance(options({ race: 'typo' } as unknown as StorageConformanceOptions['skip']))).toThrow(/unknown suite "race"/);
  });
});

describe('storage conformance kit: failure messages (meta-test)', () => {
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
});
