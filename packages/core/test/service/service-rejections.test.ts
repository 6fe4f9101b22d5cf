import { describe, expect, it } from 'vitest';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { A, createHarness, snapshotStorage } from './harness.js';
import { CASES, reach } from './rejection-cases.js';

describe.each(CASES)('$name', (c) => {
  it('succeeds on its happy path and writes one more audit event', async () => {
    const h = createHarness();
    await reach(h, c.before, c.arrange);
    const before = await snapshotStorage(h.storage);
    const audits = inspectMemoryStorage(h.storage).audit('42').length;
    await expect(c.call(h, c.actor, c.good(h))).resolves.toBeTruthy();
    expect(await snapshotStorage(h.storage)).not.toBe(before);
    expect(inspectMemoryStorage(h.storage).audit('42').length).toBe(audits + 1);
  });

  it('refuses a wrong role with FORBIDDEN and changes nothing', async () => {
    const h = createHarness();
    await reach(h, c.before, c.arrange);
    const before = await snapshotStorage(h.storage);
    await expect(c.call(h, c.wrongRole, c.good(h))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('refuses bad input with VALIDATION_FAILED naming the path, and changes nothing', async () => {
    const h = createHarness();
    await reach(h, c.before, c.arrange);
    const before = await snapshotStorage(h.storage);
    const error = await c.call(h, c.actor, c.badInput(h)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('refuses an unknown key with VALIDATION_FAILED naming the key, and changes nothing', async () => {
    const h = createHarness();
    await reach(h, c.before, c.arrange);
    const before = await snapshotStorage(h.storage);
    const error = await c.call(h, c.actor, { ...(c.good(h) as object), archiveCod: 'VT' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: ['archiveCod'], code: 'unrecognized_keys' })] });
    expect((error as Error).message).toContain('archiveCod');
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  if (c.wrongState)
    it('refuses the wrong state with INVALID_TRANSITION and changes nothing', async () => {
      const h = createHarness();
      await reach(h, c.wrongState!.before, c.wrongState!.arrange);
      const before = await snapshotStorage(h.storage);
      await expect(c.call(h, c.actor, c.good(h))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(await snapshotStorage(h.storage)).toBe(before);
    });
});

it('covers every command of the command table', async () => {
  const { COMMAND_LIST } = await import('../../src/service/command-table.js');
  const covered = new Set(CASES.map((c) => c.name));
  const clockOrDelivery = new Set(['advanceDeadlines', 'deliverOutbox', 'requeueMessages', 'acknowledgeMessage', 'mergeVisitPacket']); // delivery and the call sheet: service-outbox.test.ts; packets: service-visit-packets.test.ts
  const missing = COMMAND_LIST.filter((d) => d.kind === 'command' && !clockOrDelivery.has(d.method) && !covered.has(d.method)).map((d) => d.method);
  expect(missing).toEqual([]);
});

it('a command on a record that does not exist is NOT_FOUND and changes nothing', async () => {
  const h = createHarness();
  await h.steps.scheduled();
  const before = await snapshotStorage(h.storage);
  await expect(h.service.startVisit(A.lead, { visitId: 'v-khong-co' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect(await snapshotStorage(h.storage)).toBe(before);
});

it('refuses to form a team without a lead (guard) and a visit start without the district representative', async () => {
  const h = createHarness();
  await h.steps.nominating();
  await expect(
    h.service.formTeam(A.director, { campaignId: h.campaignId, name: 'Tổ', members: h.team.filter((m) => m.role !== 'lead'), decidedOn: '2021-11-30' }),
  ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  const g = createHarness();
  await g.steps.teamFormed();
  await g.service.registerTarget(A.lead, { target: g.seed.targets[5]! });
  await g.service.scheduleVisit(A.lead, { visitId: 'v-no-rep', campaignId: g.campaignId, targetId: 'tg-cho-ht', scheduledOn: '2021-12-07', memberIds: ['p-lead'] });
  await g.service.fixSchedule(A.lead, { campaignId: g.campaignId });
  const before = await snapshotStorage(g.storage);
  await expect(g.service.startVisit(A.lead, { visitId: 'v-no-rep' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', guard: 'hasDistrictRepresentative' });
  expect(await snapshotStorage(g.storage)).toBe(before);
});

it('creating a campaign or registering a target that exists is a CONFLICT and changes nothing', async () => {
  const h = createHarness();
  await h.steps.teamFormed();
  await h.service.registerTarget(A.lead, { target: h.seed.targets[0]! });
  const before = await snapshotStorage(h.storage);
  await expect(h.service.createCampaign(A.director, { campaign: h.seed.campaign })).rejects.toMatchObject({ code: 'CONFLICT' });
  await expect(h.service.registerTarget(A.lead, { target: h.seed.targets[0]! })).rejects.toMatchObject({ code: 'CONFLICT' });
  expect(await snapshotStorage(h.storage)).toBe(before);
});
