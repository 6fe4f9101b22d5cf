import { describe, expect, it } from 'vitest';
import { createMemoryStorage, inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
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
    await adapter.put({ collection: 'visits', tenantId: '42', id: 'v-1', data: visit(null), indexes: {}, updatedAt: '2021-12-01T00:00:00.000Z', expectedVersion: 0 });
    await expect(commitPlan(storage, plan())).rejects.toMatchObject({ code: 'EMBARGOED' });
    const view = inspectMemoryStorage(adapter);
    expect(view.record('things', '42', 't-1')).toBeNull();
    expect(view.audit('42')).toEqual([]);
    expect(view.outbox('42')).toEqual([]);
  });

  it('lets the message through once the visit started, or for an announced campaign', async () => {
    for (const v of [visit('2021-12-07T01:30:00.000Z'), visit(null, false)]) {
      const adapter = createMemoryStorage();
      await adapter.put({ collection: 'visits', tenantId: '42', id: 'v-1', data: v, indexes: {}, updatedAt: '2021-12-01T00:00:00.000Z', expectedVersion: 0 });
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
      transaction: adapter.transaction.bind(adapter),
      dispose: adapter.dispose.bind(adapter),
      get: async () => {
        throw new Error('disk on fire');
      },
    };
    const storage = guardStorage(broken as typeof adapter);
    await expect(storage.get('things', '42', 't-1')).rejects.toMatchObject({ code: 'STORAGE_FAILED', adapterName: 'broken', operation: 'get' });
    const liar = { ...broken, get: async () => ({ collection: 'other', tenantId: '42', id: 't-1', version: 1, data: {}, indexes: {}, updatedAt: 'x' }) };
    await expect(guardStorage(liar as typeof adapter).get('things', '42', 't-1')).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(() => guardStorage({ ...adapter, contractVersion: 2 } as unknown as typeof adapter)).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
  });

  it("passes an error thrown by the transaction's own callback through unchanged", async () => {
    const storage = guardStorage(createMemoryStorage());
    const bug = new TypeError('a bug in the caller');
    await expect(
      storage.transaction(async () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});
