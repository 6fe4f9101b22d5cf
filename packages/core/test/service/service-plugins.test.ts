import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  applyChecklistPlugins,
  createInspectionService,
  defineChecklistPlugin,
  defineChecklistRuleType,
  PC_COVID_CHECKLIST_V1,
  type Campaign,
  type ChecklistItemResponse,
  type InspectionService,
  type Target,
} from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { A, createHarness, snapshotStorage } from './harness.js';

/**
 * Regression: adding a checklist plugin to a running deployment must not strand the campaigns
 * created before it. They are pinned to the base template (`pc-covid-ii1@1`); a service created
 * with the plugin keeps that base available beside the derived `1+ha-tinh-markets@1`, so an old
 * campaign is driven to `closed` on v1 while new campaigns may pin the derived version.
 */

type Harness = ReturnType<typeof createHarness>;

/** A province's plugin, as a province would write it: one item in a new section, one rule type. */
const photoOrNote = defineChecklistRuleType({
  name: 'photoOrNote',
  params: z.strictObject({ evidenceKind: z.enum(['photo', 'screenshot']) }),
  evaluate: ({ response, params }) =>
    response.evidence.some((e) => e.kind === params.evidenceKind) || (response.note ?? '').trim() !== '' ? { satisfied: true } : { satisfied: false, path: ['note'] },
});

const haTinhMarkets = defineChecklistPlugin({
  id: 'ha-tinh-markets',
  version: '1',
  rules: [photoOrNote],
  sections: [
    {
      id: 'd',
      title: { vi: 'Nội dung bổ sung tại chợ (Hà Tĩnh)', en: 'Extra item at markets (Hà Tĩnh)' },
      items: [
        {
          id: 'd1',
          label: { vi: 'Có nhân viên hướng dẫn người dân quét mã QR tại lối vào chợ', en: 'A staff member guides visitors to scan the QR code at the market entrance' },
          critical: false,
          required: false,
          answerType: 'none',
          rules: [
            {
              kind: 'custom',
              type: 'ha-tinh-markets:photoOrNote',
              when: 'not_met',
              params: { evidenceKind: 'photo' },
              message: { vi: 'Chưa đạt phải kèm ảnh chụp hoặc ghi chú.', en: 'A not-met answer needs a photo or a note.' },
            },
          ],
        },
      ],
    },
  ],
});

const BASE = { templateId: 'pc-covid-ii1', version: '1' } as const;
const DERIVED_VERSION = '1+ha-tinh-markets@1';

/** A second service over the same storage, as after a redeploy with the plugin (random ids, like production). */
function upgraded(h: Harness): InspectionService {
  return createInspectionService({ storage: h.storage, tenant: h.seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock: h.clock, plugins: [haTinhMarkets] });
}

const d1NotMetWithNote: ChecklistItemResponse = { answer: 'not_met', note: 'Không có người hướng dẫn quét mã tại cổng chợ.', fields: {}, evidence: [] };
const d1Met: ChecklistItemResponse = { answer: 'met', fields: {}, evidence: [] };

/** Draws up and signs the minutes, then reviews the visit. */
async function minutesToReviewed(service: InspectionService, visitId: string, day: string, place: string, failing: boolean): Promise<string> {
  await service.draftMinutes(A.lead, {
    visitId,
    endedAt: `${day}T03:00:00.000Z`,
    place,
    representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Người đại diện đơn vị' }],
    assessment: failing ? 'Đơn vị chưa triển khai đầy đủ.' : 'Đơn vị triển khai đầy đủ.',
    requests: failing ? [{ text: 'Bố trí người hướng dẫn quét mã QR', dueOn: '2021-12-20' }] : [],
  });
  await service.signMinutes(A.lead, { visitId, signedAt: `${day}T03:05:00.000Z` });
  return (await service.reviewVisit(A.director, { visitId })).state;
}

describe('plugins added to a running deployment', () => {
  it('keeps a campaign created before the plugin working on the base template, through to closed', async () => {
    const h = createHarness();
    const { campaignId } = h;
    expect(h.service.templates.map((t) => `${t.id}@${t.version}`)).toEqual(['pc-covid-ii1@1']);

    // Before the plugin: campaign pinned to v1, schedule fixed, the market visit answered.
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    expect(await h.service.recordAnswers(A.secretary, { visitId: 'v-market', answers: pcCovidAnswers('compliant') })).toMatchObject({ state: 'underway', verdict: null });

    // The province redeploys with its plugin; the old campaign is still pinned to the base.
    const service = upgraded(h);
    expect(service.templates.map((t) => `${t.id}@${t.version}`)).toEqual(['pc-covid-ii1@1', `pc-covid-ii1@${DERIVED_VERSION}`]);
    expect(service.templates[0]).toBe(PC_COVID_CHECKLIST_V1);

    // A visit of the old campaign is answered against v1: the plugin's item does not exist for it.
    await expect(service.recordAnswers(A.secretary, { visitId: 'v-market', answers: { d1: d1Met } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ path: ['answers', 'd1'], code: 'unknown_item' })],
    });
    expect(await service.recordAnswers(A.secretary, { visitId: 'v-market', answers: {}, complete: true })).toMatchObject({ state: 'answered', verdict: 'compliant' });
    expect(await minutesToReviewed(service, 'v-market', '2021-12-07', 'Chợ thành phố Hà Tĩnh', false)).toBe('reviewed');
    expect((await service.closeVisit(A.lead, { visitId: 'v-market' })).state).toBe('closed');

    // Hospital: a critical v1 item not met, on the upgraded service.
    h.clock.set('2021-12-08T01:30:00.000Z');
    await service.startVisit(A.lead, { visitId: 'v-hospital' });
    expect(await service.recordAnswers(A.lead, { visitId: 'v-hospital', answers: pcCovidAnswers('legacyQrPosted', '2021-12-08'), complete: true })).toMatchObject({
      verdict: 'non_compliant',
    });
    expect(await minutesToReviewed(service, 'v-hospital', '2021-12-08', 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', true)).toBe('reviewed');

    // A visit scheduled after the upgrade is pinned to the campaign's v1 too.
    await service.scheduleVisit(A.lead, { visitId: 'v-kbnn', campaignId, targetId: 'tg-kbnn', scheduledOn: '2021-12-10', memberIds: ['p-lead', 'p-vhtt-436'] });
    h.clock.set('2021-12-10T01:30:00.000Z');
    await service.startVisit(A.lead, { visitId: 'v-kbnn' });
    await expect(
      service.recordAnswers(A.lead, { visitId: 'v-kbnn', answers: { ...pcCovidAnswers('compliant', '2021-12-10'), d1: d1NotMetWithNote }, complete: true }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await service.recordAnswers(A.lead, { visitId: 'v-kbnn', answers: pcCovidAnswers('compliant', '2021-12-10'), complete: true })).toMatchObject({
      verdict: 'compliant',
    });
    expect(await minutesToReviewed(service, 'v-kbnn', '2021-12-10', 'Kho bạc Nhà nước Hà Tĩnh', false)).toBe('reviewed');
    await service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Đơn vị đã được kiểm tra trong đợt khác' });

    // Report, follow-up and close — every document of the campaign renders from v1.
    h.clock.set('2022-01-05T01:00:00.000Z');
    expect(
      await service.beginReporting(A.director, {
        campaignId,
        issuedOn: '2022-01-05',
        addressedToOrganizationId: 'org-ubnd-tinh',
        summary: 'Kết quả kiểm tra việc triển khai PC-Covid',
      }),
    ).toMatchObject({
      state: 'reporting',
      reportNumberSymbol: '01/BC-STTTT',
    });
    const report = await service.getDocument(A.director, { kind: 'report', campaignId });
    expect(JSON.stringify(report)).not.toContain('lối vào chợ');
    await service.openRemediation(A.lead, { remediationId: 'rm-hospital', visitId: 'v-hospital' });
    expect((await service.beginFollowUp(A.lead, { campaignId })).state).toBe('followingUp');
    await service.sendReminder(A.secretary, { remediationId: 'rm-hospital', sentOn: '2022-01-06' });
    expect((await service.recordRecheck(A.member, { remediationId: 'rm-hospital', on: '2022-01-10', complied: true })).state).toBe('resolved');
    expect((await service.closeCampaign(A.director, { campaignId })).state).toBe('closed');

    const overview = await service.getCampaignOverview(A.viewer, { campaignId });
    expect(overview).toMatchObject({ state: 'closed', reportNumberSymbol: '01/BC-STTTT', remediation: { byState: { resolved: 1 } } });
    expect(overview.visits.byState).toEqual({ closed: 1, reviewed: 2, cancelled: 1 });
    expect((await service.verifyAudit(A.director)).ok).toBe(true);
  }, 120_000); // two services, a whole round on memory storage

  it('runs a new campaign pinned to the derived version, with the plugin item answered and its rule applied', async () => {
    const h = createHarness();
    await h.steps.created(); // the directory, and the old campaign pinned to v1
    const service = upgraded(h);
    const template = service.templates.find((t) => t.version === DERIVED_VERSION)!;
    expect(template).toEqual(applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [haTinhMarkets]));
    expect(template.sections.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);

    const campaign: Campaign = { ...h.seed.campaign, id: 'campaign-ht-markets', checklist: { templateId: 'pc-covid-ii1', version: DERIVED_VERSION } };
    const campaignId = campaign.id;
    const market: Target = { ...h.seed.targets.find((t) => t.id === 'tg-cho-ht')!, id: 'tg-markets-cho-ht', campaignId };
    const school: Target = { ...h.seed.targets.find((t) => t.id === 'tg-thpt-canloc')!, id: 'tg-markets-thpt', campaignId };

    expect((await service.createCampaign(A.director, { campaign })).state).toBe('draft');
    await service.issuePlan(A.director, { campaignId, issuedOn: '2021-11-26' });
    await service.requestNominations(A.lead, { campaignId, sentOn: '2021-11-26' });
    await service.recordNomination(A.lead, { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-27', districtCode: '436' });
    await service.recordNomination(A.lead, { campaignId, organizationId: 'org-vhtt-443', personId: 'p-vhtt-443', receivedOn: '2021-11-27', districtCode: '443' });
    await service.formTeam(A.director, { campaignId, name: 'Tổ Kiểm tra chợ', members: h.team.filter((m) => m.personId !== 'p-health'), decidedOn: '2021-11-30' });
    await service.registerTarget(A.lead, { target: market });
    await service.registerTarget(A.lead, { target: school });
    await service.scheduleVisit(A.lead, { visitId: 'vm-market', campaignId, targetId: market.id, scheduledOn: '2021-12-07', memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'] });
    await service.scheduleVisit(A.lead, { visitId: 'vm-school', campaignId, targetId: school.id, scheduledOn: '2021-12-09', memberIds: ['p-lead', 'p-vhtt-443'] });
    await service.fixSchedule(A.lead, { campaignId });

    // The market: every v1 item met, d1 not met — the plugin's rule wants a photo or a note.
    h.clock.set('2021-12-07T01:30:00.000Z');
    await service.startVisit(A.lead, { visitId: 'vm-market' });
    await expect(
      service.recordAnswers(A.lead, {
        visitId: 'vm-market',
        answers: { ...pcCovidAnswers('compliant'), d1: { answer: 'not_met', fields: {}, evidence: [] } },
        complete: true,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['answers', 'd1', 'note'], code: 'ha-tinh-markets:photoOrNote', message: 'A not-met answer needs a photo or a note.' }],
    });
    // The plugin's rule accepts a photo alone (no note): the minutes still say what is wrong, from the evidence.
    const photoOnly: ChecklistItemResponse = {
      answer: 'not_met',
      fields: {},
      evidence: [{ kind: 'photo', id: 'ph-d1', uri: 'evidence/ph-d1.jpg', caption: 'Lối vào chợ không có người hướng dẫn quét mã', takenAt: '2021-12-07T02:10:00.000Z' }],
    };
    expect(await service.recordAnswers(A.lead, { visitId: 'vm-market', answers: { ...pcCovidAnswers('compliant'), d1: photoOnly }, complete: true })).toMatchObject({
      state: 'answered',
      verdict: 'non_compliant', // only the plugin's item is not met
    });
    expect(await minutesToReviewed(service, 'vm-market', '2021-12-07', 'Chợ thành phố Hà Tĩnh', true)).toBe('reviewed');
    const minutes = JSON.stringify(await service.getDocument(A.director, { kind: 'minutes', visitId: 'vm-market' }));
    expect(minutes).toContain('Có nhân viên hướng dẫn người dân quét mã QR tại lối vào chợ');
    expect(minutes).toContain('Chưa đạt, theo bằng chứng: Ảnh chụp: Lối vào chợ không có người hướng dẫn quét mã.');

    // The school: d1 is not required, so it may stay unanswered; answered met, it changes nothing.
    h.clock.set('2021-12-09T01:30:00.000Z');
    await service.startVisit(A.lead, { visitId: 'vm-school' });
    expect(await service.recordAnswers(A.lead, { visitId: 'vm-school', answers: pcCovidAnswers('compliant', '2021-12-09') })).toMatchObject({ state: 'underway' });
    // The service without the plugin cannot evaluate a derived-pinned visit: it refuses, it does not guess.
    const before = await snapshotStorage(h.storage);
    await expect(h.service.recordAnswers(A.lead, { visitId: 'vm-school', answers: { d1: d1Met }, complete: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshotStorage(h.storage)).toBe(before);
    expect(await service.recordAnswers(A.lead, { visitId: 'vm-school', answers: { d1: d1Met }, complete: true })).toMatchObject({ state: 'answered', verdict: 'compliant' });
  }, 120_000);

  it('refuses a campaign pinned to a version that does not exist with NOT_FOUND, changing nothing', async () => {
    const h = createHarness();
    await h.steps.created();
    const service = upgraded(h);
    for (const version of ['2', '1+ha-tinh-markets@2', '1+qr-verify@1']) {
      const campaign: Campaign = { ...h.seed.campaign, id: `campaign-v-${version.replace(/[^a-z0-9]/g, '-')}`, checklist: { templateId: 'pc-covid-ii1', version } };
      const before = await snapshotStorage(h.storage);
      await expect(service.createCampaign(A.director, { campaign })).rejects.toMatchObject({ code: 'NOT_FOUND', id: `pc-covid-ii1@${version}` });
      expect(await snapshotStorage(h.storage)).toBe(before);
    }
    // Without the plugin, the derived version does not exist either.
    const derived: Campaign = { ...h.seed.campaign, id: 'campaign-derived-unplugged', checklist: { templateId: 'pc-covid-ii1', version: DERIVED_VERSION } };
    const before = await snapshotStorage(h.storage);
    await expect(h.service.createCampaign(A.director, { campaign: derived })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshotStorage(h.storage)).toBe(before);
    // The base stays pinnable on the upgraded service.
    const base: Campaign = { ...h.seed.campaign, id: 'campaign-base-after-upgrade', checklist: BASE };
    expect((await service.createCampaign(A.director, { campaign: base })).state).toBe('draft');
  }, 60_000);
});
