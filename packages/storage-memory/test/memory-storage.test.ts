import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@pccovid-inspect/core';
import type { OutboxRecord, OutboxUpdate, StorageAdapter } from '@pccovid-inspect/core';
import { chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import { createMemoryStorage, inspectMemoryStorage } from '@pccovid-inspect/storage-memory';

const visit = (id: string, expectedVersion = 0) => ({
  collection: 'visits',
  tenantId: '42',
  id,
  data: { target: 'Chợ Thạch Hà' },
  indexes: { status: 'planned' },
  updatedAt: '2021-12-06T01:30:00.000Z',
  expectedVersion,
});

const auditEvent = (id: string) => ({
  tenantId: '42',
  id,
  at: '2021-12-06T01:30:00.000Z',
  actor: { role: 'inspector', id: 'p-1' },
  action: 'visit.plan',
  subject: { collection: 'visits', id: 'v-1' },
  details: {},
});

const message = (id: string, dueAt: string | null = '2021-12-06T01:30:00.000Z'): OutboxRecord => ({
  tenantId: '42',
  id,
  createdAt: '2021-12-06T01:30:00.000Z',
  channel: 'email',
  recipient: { role: 'inspector', id: 'p-1' },
  topic: 'visit.scheduled',
  subject: 'Lịch kiểm tra',
  body: 'Đoàn kiểm tra đến Chợ Thạch Hà.',
  refs: {},
  deliverAfter: null,
  fallbackChannels: [],
  status: 'pending',
  version: 1,
  dueAt: dueAt,
  leaseOwner: null,
  attempts: 0,
  providerMessageId: null,
  lastError: null,
});

describe('createMemoryStorage', () => {
  it('rejects a maxRecordBytes that is not a positive whole number with CONFIGURATION_INVALID', () => {
    for (const maxRecordBytes of [0, -1, 1.5, Number.NaN]) {
      expect(() => createMemoryStorage({ maxRecordBytes })).toThrow(ConfigurationError);
    }
    expect(createMemoryStorage({ maxRecordBytes: null }).capabilities.maxRecordBytes).toBeNull();
  });

  it('implements storage contract v2 and declares what it can do: portal statistics and grouped counts, neither durable nor multi-process', () => {
    expect(createMemoryStorage().contractVersion).toBe(2);
    expect(createMemoryStorage().capabilities).toEqual({
      multiProcess: false,
      durable: false,
      portalStatistics: true,
      maxRecordBytes: null,
      groupedCounts: true,
    });
  });

  it('commits a batch all-or-nothing: a stale put leaves the records, the audit log and the outbox as they were', async () => {
    const storage = createMemoryStorage();
    const first = await chainAuditRecord(null, auditEvent('a-1'));
    await storage.commit({ tenantId: '42', puts: [visit('v-1')], audit: first, outbox: [], outboxUpdates: [] });
    const second = await chainAuditRecord(first, auditEvent('a-2'));
    const stale = storage.commit({ tenantId: '42', puts: [visit('v-2'), visit('v-1', 0)], audit: second, outbox: [message('m-1')], outboxUpdates: [] });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', collection: 'visits', id: 'v-1', expectedVersion: 0, actualVersion: 1 });
    const inspector = inspectMemoryStorage(storage);
    expect(inspector.record('visits', '42', 'v-2')).toBeNull();
    expect(await storage.readAudit('42')).toHaveLength(1);
    expect(await storage.readOutbox('42')).toEqual([]);
  });

  it('names the audit log when a batch loses the sequence to another commit, and writes nothing of it', async () => {
    const storage = createMemoryStorage();
    const [a, b] = await Promise.all([chainAuditRecord(null, auditEvent('a-1')), chainAuditRecord(null, auditEvent('a-2'))]);
    await storage.commit({ tenantId: '42', puts: [visit('v-1')], audit: a, outbox: [], outboxUpdates: [] });
    await expect(storage.commit({ tenantId: '42', puts: [visit('v-2')], audit: b, outbox: [], outboxUpdates: [] })).rejects.toMatchObject({
      code: 'CONFLICT',
      collection: 'audit',
    });
    expect(inspectMemoryStorage(storage).record('visits', '42', 'v-2')).toBeNull();
  });

  it('keeps its due index in step with every update: a message moves when its dueAt changes and leaves when it is sent', async () => {
    const storage = createMemoryStorage();
    let head = await chainAuditRecord(null, auditEvent('a-1'));
    const messages = [message('m-3', '2021-12-06T03:00:00.000Z'), message('m-1', '2021-12-06T01:00:00.000Z'), message('m-2', '2021-12-06T02:00:00.000Z')];
    await storage.commit({ tenantId: '42', puts: [], audit: head, outbox: messages, outboxUpdates: [] });
    const due = async (dueBy: string) => (await storage.readOutbox('42', { dueBy })).map((m) => m.id);
    expect(await due('2021-12-06T02:00:00.000Z')).toEqual(['m-1', 'm-2']);
    const update = (id: string, expectedVersion: number, fields: Partial<OutboxUpdate>): OutboxUpdate => ({
      id,
      expectedVersion,
      status: 'pending',
      channel: 'email',
      attempts: 1,
      dueAt: null,
      leaseOwner: null,
      providerMessageId: null,
      lastError: null,
      ...fields,
    });
    const commitUpdates = async (...outboxUpdates: OutboxUpdate[]) => {
      head = await chainAuditRecord(head, auditEvent(`a-${head.seq + 1}`));
      await storage.commit({ tenantId: '42', puts: [], audit: head, outbox: [], outboxUpdates });
    };
    // m-1 claimed until 04:00, m-3 retried at 00:30.
    await commitUpdates(update('m-1', 1, { status: 'sending', leaseOwner: 'd-1', dueAt: '2021-12-06T04:00:00.000Z' }), update('m-3', 1, { dueAt: '2021-12-06T00:30:00.000Z' }));
    expect(await due('2021-12-06T05:00:00.000Z')).toEqual(['m-3', 'm-2', 'm-1']);
    await commitUpdates(update('m-1', 2, { status: 'sent', providerMessageId: 'smtp-1' }), update('m-3', 2, { status: 'dead', attempts: 5 }));
    expect(await due('2021-12-06T05:00:00.000Z')).toEqual(['m-2']);
    expect((await storage.readOutbox('42')).map((m) => [m.id, m.status, m.version])).toEqual([
      ['m-1', 'sent', 3],
      ['m-2', 'pending', 1],
      ['m-3', 'dead', 3],
    ]);
  });

  it('fails every call after dispose with STORAGE_FAILED', async () => {
    const storage = createMemoryStorage();
    await storage.dispose();
    await expect(storage.get('visits', '42', 'v-1')).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
  });

  it('refuses to inspect an adapter it did not create with CONFIGURATION_INVALID', () => {
    const other = { ...createMemoryStorage(), name: 'look-alike' } as StorageAdapter;
    expect(() => inspectMemoryStorage(other)).toThrow(ConfigurationError);
  });
});
