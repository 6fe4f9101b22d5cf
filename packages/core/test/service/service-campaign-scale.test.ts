import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import type { Actor, QueryRequest } from '@pccovid-inspect/core';
import { campaignV1Machine, type CampaignV1Event } from '../../src/lifecycle/fixtures/campaign-v1-machine.js';
import { A, createHarness, snapshotStorage, writeDirect } from './harness.js';

type Harness = ReturnType<typeof createHarness>;

const campaignRecord = (h: Harness) => inspectMemoryStorage(h.storage).record('campaigns', '42', h.campaignId)!;
const campaignLifecycle = (h: Harness) =>
  (campaignRecord(h).data as { lifecycle: { machineVersion: number; snapshot: { value: string; context: Record<string, unknown> } } }).lifecycle;

/** Starts, answers, drafts and signs a visit: it is ready to be reviewed. */
async function signed(h: Harness, visitId: string, actor: Actor = A.lead) {
  await h.service.startVisit(actor, { visitId });
  await h.service.recordAnswers(actor, { visitId, answers: pcCovidAnswers('compliant'), complete: true });
  await h.service.draftMinutes(A.lead, {
    visitId,
    endedAt: '2021-12-07T03:00:00.000Z',
    place: 'Tại đơn vị',
    representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Thủ trưởng đơn vị' }],
    assessment: 'Đạt',
  });
  await h.service.signMinutes(A.lead, { visitId, signedAt: '2021-12-07T03:05:00.000Z' });
}

/** Records every query the service makes of the adapter (outside transactions). */
function recordQueries(h: Harness): QueryRequest[] {
  const seen: QueryRequest[] = [];
  const query = h.storage.query.bind(h.storage);
  h.storage.query = (req) => {
    seen.push(req);
    return query(req);
  };
  return seen;
}

const report = (h: Harness) =>
  h.service.beginReporting(A.director, { campaignId: h.campaignId, issuedOn: '2022-01-05', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo' });

describe('campaign aggregates stay bounded', () => {
  it('two reviews of different visits of one campaign, started together, both succeed without touching the campaign; the audit chain verifies', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    await signed(h, 'v-market');
    await signed(h, 'v-hospital', { role: 'teamMember', id: 'p-health' }); // the Health nominee on this visit's team
    const campaignBefore = campaignRecord(h).version;
    const queries = recordQueries(h);

    const results = await Promise.allSettled([
      h.service.reviewVisit(A.director, { visitId: 'v-market' }),
      h.service.reviewVisit(A.lead, { visitId: 'v-hospital' }),
      h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Đơn vị tạm dừng hoạt động' }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.state : (r.reason as Error).message))).toEqual(['reviewed', 'reviewed', 'cancelled']);
    expect(campaignRecord(h).version).toBe(campaignBefore); // reviews and cancels never write the campaign
    expect(queries.filter((q) => q.collection === 'visits')).toEqual([]); // …nor read the campaign's visits

    const audit = await h.service.verifyAudit(A.director);
    expect(audit.ok).toBe(true);
    expect((await report(h)).state).toBe('reporting');
  });

  it('refuses reporting while a visit is unsettled, naming the guard and the visit in both languages, and changes nothing', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    await signed(h, 'v-market');
    await h.service.reviewVisit(A.director, { visitId: 'v-market' });
    await h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Hoãn' });
    await h.service.startVisit(A.lead, { visitId: 'v-hospital' }); // underway: not settled

    const before = await snapshotStorage(h.storage);
    const error = await report(h).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', machineId: 'campaign', state: 'inspecting', event: 'report.begin', guard: 'isEveryVisitSettled' });
    expect((error as { messageEn: string }).messageEn).toContain('(isEveryVisitSettled): 1 visit(s) neither reviewed nor cancelled: v-hospital.');
    expect((error as { messageVi: string }).messageVi).toContain('(isEveryVisitSettled): còn 1 cuộc kiểm tra chưa được xem xét hoặc hủy: v-hospital.');
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('refuses closing while a remediation is open, counted from storage, naming it', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    await h.service.recordAnswers(A.lead, { visitId: 'v-market', answers: pcCovidAnswers('legacyQrPosted'), complete: true });
    await h.service.draftMinutes(A.lead, {
      visitId: 'v-market',
      endedAt: '2021-12-07T03:00:00.000Z',
      place: 'Chợ',
      representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng ban' }],
      assessment: 'Chưa đạt',
      requests: [{ text: 'Niêm yết mã QR PC-Covid', dueOn: '2021-12-20' }],
    });
    await h.service.signMinutes(A.lead, { visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' });
    await h.service.reviewVisit(A.director, { visitId: 'v-market' });
    for (const v of ['v-hospital', 'v-school']) await h.service.cancelVisit(A.lead, { visitId: v, reason: 'Hoãn' });
    await report(h);
    await h.service.openRemediation(A.lead, { remediationId: 'rm-1', visitId: 'v-market' });
    const campaignVersion = campaignRecord(h).version;

    const before = await snapshotStorage(h.storage);
    await expect(h.service.closeCampaign(A.director, { campaignId: h.campaignId })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      guard: 'hasNoOpenRemediation',
      messageEn: expect.stringContaining('1 remediation(s) still open: rm-1') as unknown,
      messageVi: expect.stringContaining('còn 1 việc khắc phục chưa xong: rm-1') as unknown,
    });
    expect(await snapshotStorage(h.storage)).toBe(before);

    await h.service.recordRecheck(A.member, { remediationId: 'rm-1', on: '2021-12-21', complied: true });
    expect(campaignRecord(h).version).toBe(campaignVersion); // settling a remediation does not write the campaign
    expect((await h.service.closeCampaign(A.director, { campaignId: h.campaignId })).state).toBe('closed');
    expect(campaignLifecycle(h).snapshot.context).toMatchObject({ visits: 3, remediations: 1 });
  });

  it('a stored v1 campaign (with visit id lists) is migrated on its next write and runs to closed', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    // What v1 stored for this campaign once its schedule was fixed (and one visit cancelled).
    const v1Events: CampaignV1Event[] = [
      { type: 'plan.issue' },
      { type: 'nomination.request' },
      { type: 'nomination.record', nominationId: `${h.campaignId}.nomination.org-syt.p-health`, receivedOn: '2021-11-27' },
      {
        type: 'team.form',
        members: [
          { memberId: 'p-lead', role: 'lead' },
          { memberId: 'p-it', role: 'member' },
        ],
      },
      { type: 'schedule.fix', visitIds: ['v-market', 'v-hospital', 'v-school'] },
      { type: 'visit.cancelled', visitId: 'v-school' },
    ];
    let [s] = initialTransition(campaignV1Machine, { campaignId: h.campaignId, nominationDeadline: h.seed.campaign.nomination.deadline });
    for (const e of v1Events) [s] = transition(campaignV1Machine, s, e);
    const v1 = JSON.parse(JSON.stringify({ machineId: 'campaign', machineVersion: 1, snapshot: campaignV1Machine.getPersistedSnapshot(s) })) as unknown;
    const stored = campaignRecord(h);
    await writeDirect(h.storage, [
      {
        collection: 'campaigns',
        tenantId: '42',
        id: h.campaignId,
        data: { ...(stored.data as object), lifecycle: v1 },
        indexes: stored.indexes,
        updatedAt: stored.updatedAt,
        expectedVersion: stored.version,
      },
    ]);
    await h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Đơn vị tạm dừng hoạt động' });
    expect(campaignLifecycle(h).machineVersion).toBe(1);

    h.clock.set('2021-12-07T01:30:00.000Z');
    await signed(h, 'v-market'); // the first start moves the campaign to inspecting: written as v2
    expect(campaignLifecycle(h)).toMatchObject({ machineVersion: 2, snapshot: { value: 'inspecting', context: { visits: 3, remediations: 0 } } });
    expect(Object.keys(campaignLifecycle(h).snapshot.context)).not.toContain('visitIds');
    await h.service.reviewVisit(A.director, { visitId: 'v-market' });
    await expect(report(h)).rejects.toMatchObject({
      guard: 'isEveryVisitSettled',
      messageEn: expect.stringContaining('1 visit(s) neither reviewed nor cancelled: v-hospital') as unknown,
    });
    await h.service.cancelVisit(A.lead, { visitId: 'v-hospital', reason: 'Hoãn' });
    expect((await report(h)).state).toBe('reporting');
    expect((await h.service.closeCampaign(A.director, { campaignId: h.campaignId })).state).toBe('closed');
    expect((await h.service.verifyAudit(A.director)).ok).toBe(true);
  });

  it('starts, reviews and cancels read no list of visits, and the campaign record does not grow with visits', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const sizeAfterFix = JSON.stringify(campaignRecord(h).data).length;
    for (const target of h.seed.targets.slice(0, 3)) {
      await h.service.scheduleVisit(A.lead, {
        visitId: `v-extra-${target.id}`,
        campaignId: h.campaignId,
        targetId: target.id,
        scheduledOn: '2021-12-10',
        memberIds: ['p-lead', 'p-vhtt-436', 'p-vhtt-443'],
      });
    }
    expect(JSON.stringify(campaignRecord(h).data).length).toBe(sizeAfterFix); // only the count changed (3 → 6: same width)
    expect(campaignLifecycle(h).snapshot.context).toMatchObject({ visits: 6 });

    h.clock.set('2021-12-07T01:30:00.000Z');
    const queries = recordQueries(h);
    await signed(h, 'v-market');
    await h.service.reviewVisit(A.director, { visitId: 'v-market' });
    await h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Hoãn' });
    expect(queries).toEqual([]);
    expect(JSON.stringify(campaignRecord(h).data).length).toBe(sizeAfterFix + 'inspecting'.length - 'scheduled'.length);
  });
});
