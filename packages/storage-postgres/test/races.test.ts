import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '@pccovid-inspect/core';
import { AUDIT_CONFLICT_COLLECTION, verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import type { PutRequest, StoredRecord } from '@pccovid-inspect/core';
import { createPostgresStorage } from '../src/index.js';
import type { PostgresStorage } from '../src/index.js';
import { buildBatch, commitPuts, visitPut } from './commit-batch.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

const CONNECTIONS = 8;

/**
 * Commits `puts` as core does: chain the audit event after the tenant's last one and, when another
 * commit took that seq (`CONFLICT` on collection 'audit'), re-read the head and commit again.
 */
async function commitWithAuditRetry(storage: PostgresStorage, tenantId: string, puts: PutRequest[]): Promise<{ records: StoredRecord[]; retries: number }> {
  for (let retries = 0; ; retries++) {
    try {
      return { records: await storage.commit(await buildBatch(storage, tenantId, puts)), retries };
    } catch (error) {
      if (!(ConflictError.isInstance(error) && error.collection === AUDIT_CONFLICT_COLLECTION) || retries > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    }
  }
}

describe(`${CONNECTIONS} connections racing (each adapter its own pool of one connection)`, () => {
  let db: TestDatabase;
  let adapters: PostgresStorage[];
  beforeAll(async () => {
    db = await createTestDatabase('pccovid_races');
    adapters = await Promise.all(Array.from({ length: CONNECTIONS }, () => createPostgresStorage({ connectionString: db.url, poolSize: 1 })));
  });
  afterAll(async () => {
    await Promise.all((adapters ?? []).map((a) => a.dispose()));
    await db?.drop();
  });

  it('on one visit at one version: exactly 1 commits, 7 fail with CONFLICT naming the visit, no update lost', async () => {
    const tenant = 'race-one';
    const [first] = adapters as [PostgresStorage];
    await commitPuts(first, tenant, [visitPut(tenant, 'v-1')]);
    // Every batch is built before any is sent: all read version 1 and the same audit head.
    const batches = await Promise.all(adapters.map((a, i) => buildBatch(a, tenant, [visitPut(tenant, 'v-1', 1, { data: { writer: i } })])));
    const results = await Promise.allSettled(adapters.map((a, i) => a.commit(batches[i]!)));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(CONNECTIONS - 1);
    for (const error of lost) {
      expect(ConflictError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: 'CONFLICT', collection: 'visits', id: 'v-1', expectedVersion: 1, actualVersion: 2 });
    }
    expect(await first.get('visits', tenant, 'v-1')).toMatchObject({ version: 2, data: { writer: won[0] } });
    const audit = await first.readAudit(tenant);
    expect(audit.map((a) => a.seq)).toEqual([1, 2]);
    expect(await verifyAuditChain(audit)).toEqual({ ok: true, count: 2 });
  });

  it('read-modify-write with retry on CONFLICT: every increment of every connection lands (0 lost updates)', async () => {
    const tenant = 'race-counter';
    const [first] = adapters as [PostgresStorage];
    await commitPuts(first, tenant, [visitPut(tenant, 'counter', 0, { data: { n: 0 } })]);
    const ROUNDS = 5;
    await Promise.all(
      adapters.map(async (a) => {
        for (let round = 0; round < ROUNDS; round++) {
          for (;;) {
            const current = await a.get<{ n: number }>('visits', tenant, 'counter');
            try {
              await a.commit(await buildBatch(a, tenant, [visitPut(tenant, 'counter', current!.version, { data: { n: current!.data.n + 1 } })]));
              break;
            } catch (error) {
              if (!ConflictError.isInstance(error)) throw error;
            }
          }
        }
      }),
    );
    expect(await first.get('visits', tenant, 'counter')).toMatchObject({ version: 1 + CONNECTIONS * ROUNDS, data: { n: CONNECTIONS * ROUNDS } });
    const audit = await first.readAudit(tenant);
    expect(audit).toHaveLength(1 + CONNECTIONS * ROUNDS);
    expect(await verifyAuditChain(audit)).toEqual({ ok: true, count: 1 + CONNECTIONS * ROUNDS });
  });

  it('on 8 different visits of one province, re-chaining on an audit CONFLICT: all 8 commit and the chain verifies', async () => {
    const tenant = 'race-many';
    const [first] = adapters as [PostgresStorage];
    await commitPuts(
      first,
      tenant,
      adapters.map((_, i) => visitPut(tenant, `v-${i}`)),
    );
    const results = await Promise.all(adapters.map((a, i) => commitWithAuditRetry(a, tenant, [visitPut(tenant, `v-${i}`, 1, { data: { by: i } })])));
    expect(results.every((r) => r.records[0]?.version === 2)).toBe(true);
    for (let i = 0; i < CONNECTIONS; i++) expect(await first.get('visits', tenant, `v-${i}`)).toMatchObject({ version: 2, data: { by: i } });
    const audit = await first.readAudit(tenant);
    expect(audit.map((a) => a.seq)).toEqual(Array.from({ length: CONNECTIONS + 1 }, (_, i) => i + 1));
    expect(await verifyAuditChain(audit)).toEqual({ ok: true, count: CONNECTIONS + 1 });
  });
});
