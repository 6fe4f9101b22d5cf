/**
 * Bundled by `chromium.test.ts` (esbuild) into a page served from 127.0.0.1 and run in a real
 * headless Chromium on its real IndexedDB. Each step returns plain JSON for the test to check.
 */
import { ConflictError, InspectError } from '@pccovid-inspect/core';
import type { AuditRecord, PutRequest } from '@pccovid-inspect/core';
import type { CommitBatch } from '@pccovid-inspect/core/adapter-kit';
import { createIndexedDbStorage } from '@pccovid-inspect/storage-indexeddb';

const at = '2021-12-07T01:30:00.000Z';

function put(id: string, expectedVersion: number, name: string): PutRequest {
  return { collection: 'visits', tenantId: '42', id, data: { targetName: name }, indexes: { state: 'planned', targetName: name }, updatedAt: at, expectedVersion };
}

function batch(seq: number, puts: PutRequest[]): CommitBatch {
  const audit: AuditRecord = {
    tenantId: '42',
    seq,
    id: `a-${seq}`,
    at,
    actor: { role: 'team-lead', id: 'p-7' },
    action: 'visit.schedule',
    subject: { collection: 'visits', id: puts[0]?.id ?? '-' },
    details: {},
    prevHash: 'x',
    hash: 'y',
  };
  return { tenantId: '42', puts, audit, outbox: [], outboxUpdates: [] };
}

/** Writes three records, reads them back ordered by code point, and tries a stale write. */
async function writeAndConflict(name: string): Promise<unknown> {
  const storage = createIndexedDbStorage({ name });
  await storage.commit(batch(1, [put('v-1', 0, 'Đà Nẵng'), put('v-2', 0, 'Eakar'), put('v-3', 0, '😀 Hà Tĩnh')]));
  await storage.commit(batch(2, [put('v-1', 1, 'Đà Nẵng')]));
  const page = await storage.query({ collection: 'visits', tenantId: '42', where: { state: { in: ['planned'] } }, orderBy: { field: 'targetName' }, limit: 2 });
  const next = await storage.query({
    collection: 'visits',
    tenantId: '42',
    where: { state: { in: ['planned'] } },
    orderBy: { field: 'targetName' },
    limit: 2,
    cursor: page.nextCursor,
  });
  // A stale put together with a fresh one: nothing of the batch may land.
  const stale = await storage.commit(batch(3, [put('v-2', 1, 'Eakar mới'), put('v-1', 1, 'Đà Nẵng cũ')])).then(
    () => null,
    (error: unknown) => (ConflictError.isInstance(error) ? { code: error.code, collection: error.collection, id: error.id, actualVersion: error.actualVersion } : String(error)),
  );
  // A taken audit seq.
  const taken = await storage.commit(batch(2, [put('v-4', 0, 'Kỳ Anh')])).then(
    () => null,
    (error: unknown) => (ConflictError.isInstance(error) ? { code: error.code, collection: error.collection } : String(error)),
  );
  const result = {
    order: [...page.items, ...next.items].map((record) => record.id),
    lastPage: next.nextCursor,
    stale,
    taken,
    v2: (await storage.get('visits', '42', 'v-2'))?.version,
    v4: await storage.get('visits', '42', 'v-4'),
    lastSeq: (await storage.lastAudit('42'))?.seq,
    capabilities: storage.capabilities,
  };
  await storage.dispose();
  return result;
}

/** After a reload of the page: what a new adapter on the same database reads. */
async function readBack(name: string): Promise<unknown> {
  const storage = createIndexedDbStorage({ name });
  const result = {
    v1: (await storage.get('visits', '42', 'v-1'))?.version,
    count: (await storage.query({ collection: 'visits', tenantId: '42' })).items.length,
    audit: (await storage.readAudit('42')).map((event) => event.seq),
  };
  await storage.dispose();
  return result;
}

/** Two adapters (as two tabs) commit the same record at once: one lands, one gets CONFLICT. */
async function race(name: string): Promise<unknown> {
  const a = createIndexedDbStorage({ name });
  const b = createIndexedDbStorage({ name });
  const outcomes = await Promise.allSettled([a.commit(batch(3, [put('v-2', 1, 'A')])), b.commit(batch(3, [put('v-2', 1, 'B')]))]);
  const codes = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'ok' : InspectError.isInstance(outcome.reason) ? outcome.reason.code : String(outcome.reason)));
  await Promise.all([a.dispose(), b.dispose()]);
  return codes.sort();
}

(globalThis as Record<string, unknown>).scenario = { writeAndConflict, readBack, race };
