import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage, inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import type { PutRequest, StorageAdapter } from '../contracts/storage-adapter.js';
import { chainAuditRecord } from './audit-chain.js';
import { guardStorage } from './guarded-storage.js';
import { commitPlan, type CommitPlan } from './unit-of-work.js';
import { startLifecycle } from '../lifecycle/lifecycle-api.js';
import type { VisitRecord } from './records.js';

/** A stored visit record, as the service writes it. */
const visit = (startedAt: string | null, unannounced = true): VisitRecord => ({
  visit: {
    tenantId: '42',
    id: 'v-1',
    campaignId: 'c-1',
    targetId: 'tg-1',
    districtCode: '436',
    scheduledOn: '2021-12-07',
    memberIds: ['p-lead'],
    vehicle: null,
    checklist: { templateId: 'pc-covid-ii1', version: '1' },
    startedAt,
    endedAt: null,
    cancelledReason: null,
  },
  lifecycle: startLifecycle('visit', { visitId: 'v-1', districtCode: '436', assignedMemberIds: ['p-lead'] }),
  response: null,
  verdict: null,
  minutes: null,
  unannounced,
});

/** Writes records straight through the adapter (one batch, one audit event), as another program would. */
async function writeDirect(adapter: Pick<StorageAdapter, 'lastAudit' | 'commit'>, puts: PutRequest[]): Promise<void> {
  const audit = await chainAuditRecord(await adapter.lastAudit('42'), {
    tenantId: '42',
    id: `direct-${Math.random()}`,
    at: '2021-12-01T00:00:00.000Z',
    actor: { role: 'system', id: 'test' },
    action: 'test.direct-write',
    subject: { collection: 'visits', id: 'v-1' },
    details: {},
  });
  await adapter.commit({ tenantId: '42', puts, audit, outbox: [], outboxUpdates: [] });
}

const visitPut = (data: VisitRecord): PutRequest => ({
  collection: 'visits',
  tenantId: '42',
  id: 'v-1',
  data,
  indexes: {},
  updatedAt: '2021-12-01T00:00:00.000Z',
  expectedVersion: 0,
});

function plan(overrides: Partial<CommitPlan> = {}): CommitPlan {
  return {
    tenantId: '42',
    actor: { role: 'inspectorateLead', id: 'p-lead' },
    action: 'test.write',
    at: '2021-12-01T01:00:00.000Z',
    auditId: 'audit-1',
    subject: { collection: 'things', id: 't-1' },
    details: {},
    writes: [{ collection: 'things', id: 't-1', data: { n: 1 }, indexes: {}, expectedVersion: 0 }],
    outbox: [
      {
        id: 'msg-1',
        channel: 'document',
        recipient: { role: 'targetRepresentative', id: 'rep-1' },
        topic: 'visit.scheduled',
        subject: 'Lịch kiểm tra',
        body: 'Ngày 07/12/2021',
        refs: { visitId: 'v-1' },
        deliverAfter: null,
      },
    ],
    ...overrides,
  };
}

describe('commitPlan', () => {
  it('refuses a message to a target about an unannounced visit that has not started (EMBARGOED) and writes nothing', async () => {
    const adapter = createMemoryStorage();
    const storage = guardStorage(adapter);
    await writeDirect(adapter, [visitPut(visit(null))]);
    await expect(commitPlan(storage, plan())).rejects.toMatchObject({ code: 'EMBARGOED' });
    const view = inspectMemoryStorage(adapter);
    expect(view.record('things', '42', 't-1')).toBeNull();
    expect(view.audit('42').map((a) => a.action)).toEqual(['test.direct-write']);
    expect(view.outbox('42')).toEqual([]);
  });

  it('lets the message through once the visit started, or for an announced campaign', async () => {
    for (const v of [visit('2021-12-07T01:30:00.000Z'), visit(null, false)]) {
      const adapter = createMemoryStorage();
      await writeDirect(adapter, [visitPut(v)]);
      await commitPlan(guardStorage(adapter), plan());
      expect(
        inspectMemoryStorage(adapter)
          .outbox('42')
          .map((m) => m.id),
      ).toEqual(['msg-1']);
    }
  });

  it('writes the aggregates, one chained audit event and the outbox together, or nothing on a stale version', async () => {
    const adapter = createMemoryStorage();
    const storage = guardStorage(adapter);
    await commitPlan(storage, plan({ outbox: [] }));
    await expect(commitPlan(storage, plan({ auditId: 'audit-2', outbox: [] }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const view = inspectMemoryStorage(adapter);
    expect(view.audit('42').map((a) => a.seq)).toEqual([1]);
    expect(view.record('things', '42', 't-1')?.version).toBe(1);
  });

  it('wraps an unknown adapter failure as STORAGE_FAILED naming the adapter and operation', async () => {
    const adapter = createMemoryStorage();
    const broken = {
      ...adapter,
      name: 'broken',
      capabilities: adapter.capabilities,
      contractVersion: adapter.contractVersion,
      commit: adapter.commit.bind(adapter),
      readAudit: adapter.readAudit.bind(adapter),
      lastAudit: adapter.lastAudit.bind(adapter),
      readOutbox: adapter.readOutbox.bind(adapter),
      query: adapter.query.bind(adapter),
      dispose: adapter.dispose.bind(adapter),
      get: async () => {
        throw new Error('disk on fire');
      },
    };
    const storage = guardStorage(broken as typeof adapter);
    await expect(storage.get('things', '42', 't-1')).rejects.toMatchObject({ code: 'STORAGE_FAILED', adapterName: 'broken', operation: 'get' });
    const liar = { ...broken, get: async () => ({ collection: 'other', tenantId: '42', id: 't-1', version: 1, data: {}, indexes: {}, updatedAt: 'x' }) };
    await expect(guardStorage(liar as typeof adapter).get('things', '42', 't-1')).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(() => guardStorage({ ...adapter, contractVersion: 3 } as unknown as typeof adapter)).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
  });

  it('refuses an adapter written for contract v1 with CONFIGURATION_INVALID and a hint on what to change', () => {
    const v1 = { contractVersion: 1, name: 'tinh-cu', capabilities: { transactions: true }, transaction: async () => undefined, put: async () => undefined };
    let error: unknown;
    try {
      guardStorage(v1 as unknown as StorageAdapter);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CONFIGURATION_INVALID' });
    expect((error as { hint?: string }).hint).toContain('From contract v1 to v2');
    expect(String((error as Error).message)).toMatch(/hợp đồng lưu trữ phiên bản 1.*contract v1/s);
    const incomplete = { ...createMemoryStorage(), readOutbox: undefined };
    expect(() => guardStorage(incomplete as unknown as StorageAdapter)).toThrow(/readOutbox/);
  });

  it('checks a batch once, before the adapter sees it: a bad put is VALIDATION_FAILED with its path and reaches nothing', async () => {
    const adapter = createMemoryStorage({ maxRecordBytes: 64 });
    const commit = vi.spyOn(adapter, 'commit');
    const storage = guardStorage(adapter);
    await expect(
      commitPlan(storage, plan({ outbox: [], writes: [{ collection: 'things', id: 't-1', data: { text: 'Chợ Hà Tĩnh '.repeat(10) }, indexes: {}, expectedVersion: 0 }] })),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ path: ['puts', 0, 'data'] })],
    });
    await expect(
      commitPlan(storage, plan({ outbox: [], writes: [{ collection: 'things', id: 't-1', data: { n: Number.NaN }, indexes: {}, expectedVersion: 0 }] })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(commit).not.toHaveBeenCalled();
    expect(inspectMemoryStorage(adapter).audit('42')).toEqual([]);
  });

  it('re-chains and commits again when another command took the audit sequence first; the caller sees no CONFLICT', async () => {
    const adapter = createMemoryStorage();
    const commit = adapter.commit.bind(adapter);
    let interfere = 3; // three other commands win the race before ours
    adapter.commit = async (batch) => {
      if (interfere-- > 0)
        await writeDirect({ lastAudit: (tenantId) => adapter.lastAudit(tenantId), commit }, [
          { collection: 'others', tenantId: '42', id: `o-${interfere}`, data: {}, indexes: {}, updatedAt: '2021-12-01T00:00:00.000Z', expectedVersion: 0 },
        ]);
      return commit(batch);
    };
    const [stored] = await commitPlan(guardStorage(adapter), plan({ outbox: [] }));
    expect(stored).toMatchObject({ id: 't-1', version: 1 });
    const chain = inspectMemoryStorage(adapter).audit('42');
    expect(chain.map((a) => [a.seq, a.action])).toEqual([
      [1, 'test.direct-write'],
      [2, 'test.direct-write'],
      [3, 'test.direct-write'],
      [4, 'test.write'],
    ]);
  });

  it('after losing the audit sequence, a record of its own that changed meanwhile is still the caller’s CONFLICT', async () => {
    const adapter = createMemoryStorage();
    const commit = adapter.commit.bind(adapter);
    let interfere = true;
    adapter.commit = async (batch) => {
      if (interfere) {
        interfere = false;
        await writeDirect({ lastAudit: (tenantId) => adapter.lastAudit(tenantId), commit }, [
          { collection: 'things', tenantId: '42', id: 't-1', data: { n: 0 }, indexes: {}, updatedAt: '2021-12-01T00:00:00.000Z', expectedVersion: 0 },
        ]);
      }
      return commit(batch);
    };
    await expect(commitPlan(guardStorage(adapter), plan({ outbox: [] }))).rejects.toMatchObject({ code: 'CONFLICT', collection: 'things', id: 't-1' });
    expect(inspectMemoryStorage(adapter).record('things', '42', 't-1')?.data).toEqual({ n: 0 });
  });
});
