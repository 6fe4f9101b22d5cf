import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { A, type createHarness } from './harness.js';

export type Harness = ReturnType<typeof createHarness>;

/** The service as a caller without types sees it: these cases send wrong input on purpose. */
type Loose = (actor: unknown, input?: unknown) => Promise<unknown>;
export const untyped = (h: Harness) => h.service as unknown as { [K in keyof Harness['service']]: Loose };
export type Step = keyof Harness['steps'];

/**
 * Every command, with: the step to reach first, a valid call, the call from a wrong state,
 * a role that may not do it, and a bad input. Each rejection must leave storage unchanged.
 */
export interface Case {
  name: string;
  before: Step;
  /** Arrange more than a step, if needed. */
  arrange?: (h: Harness) => Promise<void>;
  call: (h: Harness, actor: unknown, input?: unknown) => Promise<unknown>;
  good: (h: Harness) => unknown;
  actor: unknown;
  wrongRole: unknown;
  badInput: (h: Harness) => unknown;
  /** A step from which the command is not (or no longer) allowed. */
  wrongState?: { before: Step; arrange?: (h: Harness) => Promise<void> };
}

const started = async (h: Harness) => {
  await h.service.startVisit(A.lead, { visitId: 'v-market' });
};
const answered = async (h: Harness) => {
  await started(h);
  await h.service.recordAnswers(A.lead, { visitId: 'v-market', answers: pcCovidAnswers('compliant'), complete: true });
};
const drafted = async (h: Harness) => {
  await answered(h);
  await h.service.draftMinutes(A.lead, {
    visitId: 'v-market',
    endedAt: '2021-12-07T03:00:00.000Z',
    place: 'Chợ',
    representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng ban' }],
    assessment: 'Đạt',
  });
};
const settled = async (h: Harness) => {
  await drafted(h);
  await h.service.signMinutes(A.lead, { visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' });
  await h.service.reviewVisit(A.director, { visitId: 'v-market' });
  for (const v of ['v-hospital', 'v-school']) await h.service.cancelVisit(A.lead, { visitId: v, reason: 'Hoãn' });
};
/** The market is found non-compliant, the others cancelled, and the report begun. */
const reportedWithFailure = async (h: Harness) => {
  await started(h);
  await h.service.recordAnswers(A.lead, { visitId: 'v-market', answers: pcCovidAnswers('legacyQrPosted'), complete: true });
  await h.service.draftMinutes(A.lead, { ...minutesInput, requests: [{ text: 'Niêm yết mã QR PC-Covid', dueOn: '2021-12-20' }] });
  await h.service.signMinutes(A.lead, { visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' });
  await h.service.reviewVisit(A.director, { visitId: 'v-market' });
  for (const v of ['v-hospital', 'v-school']) await h.service.cancelVisit(A.lead, { visitId: v, reason: 'Hoãn' });
  await h.service.beginReporting(A.director, { campaignId: h.campaignId, issuedOn: '2022-01-05', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo' });
};
const opened = async (h: Harness) => {
  await reportedWithFailure(h);
  await h.service.openRemediation(A.lead, { remediationId: 'rm-1', visitId: 'v-market' });
};
const minutesInput = {
  visitId: 'v-market',
  endedAt: '2021-12-07T03:00:00.000Z',
  place: 'Chợ',
  representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng ban' }],
  assessment: 'Đạt',
};

export const CASES: Case[] = [
  {
    name: 'issuePlan',
    before: 'created',
    call: (h, a, i) => untyped(h).issuePlan(a, i),
    good: (h) => ({ campaignId: h.campaignId, issuedOn: '2021-11-26' }),
    actor: A.director,
    wrongRole: A.lead,
    badInput: (h) => ({ campaignId: h.campaignId, issuedOn: '26/11/2021' }),
    wrongState: { before: 'issued' },
  },
  {
    name: 'requestNominations',
    before: 'issued',
    call: (h, a, i) => untyped(h).requestNominations(a, i),
    good: (h) => ({ campaignId: h.campaignId, sentOn: '2021-11-26' }),
    actor: A.lead,
    wrongRole: A.member,
    badInput: (h) => ({ campaignId: h.campaignId }),
    wrongState: { before: 'created' },
  },
  {
    name: 'recordNomination',
    before: 'nominating',
    call: (h, a, i) => untyped(h).recordNomination(a, i),
    good: (h) => ({ campaignId: h.campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27' }),
    actor: A.lead,
    wrongRole: A.health,
    badInput: (h) => ({ campaignId: h.campaignId, organizationId: 'org-khong-duoc-moi', personId: 'p-health', receivedOn: '2021-11-27' }),
    wrongState: { before: 'issued' },
  },
  {
    name: 'formTeam',
    before: 'nominating',
    call: (h, a, i) => untyped(h).formTeam(a, i),
    good: (h) => ({ campaignId: h.campaignId, name: 'Tổ Kiểm tra PC-Covid', members: h.team, decidedOn: '2021-11-30' }),
    actor: A.director,
    wrongRole: A.lead,
    badInput: (h) => ({ campaignId: h.campaignId, name: 'Tổ', members: h.team.map((m) => ({ ...m, role: 'member' })), decidedOn: '2021-11-30' }),
    wrongState: { before: 'issued' },
  },
  {
    name: 'scheduleVisit',
    before: 'teamFormed',
    arrange: async (h) => {
      for (const target of h.seed.targets) await h.service.registerTarget(A.lead, { target });
    },
    call: (h, a, i) => untyped(h).scheduleVisit(a, i),
    good: (h) => ({ visitId: 'v-x', campaignId: h.campaignId, targetId: 'tg-cho-ht', scheduledOn: '2021-12-07', memberIds: ['p-lead'] }),
    actor: A.lead,
    wrongRole: A.rep436,
    badInput: (h) => ({ visitId: 'v-x', campaignId: h.campaignId, targetId: 'tg-cho-ht', scheduledOn: '2022-02-07', memberIds: ['p-lead'] }),
    wrongState: {
      before: 'nominating',
      arrange: async (h) => {
        for (const target of h.seed.targets) await h.service.registerTarget(A.lead, { target });
      },
    },
  },
  {
    name: 'fixSchedule',
    before: 'teamFormed',
    call: (h, a, i) => untyped(h).fixSchedule(a, i),
    good: (h) => ({ campaignId: h.campaignId }),
    actor: A.lead,
    wrongRole: A.secretary,
    badInput: () => ({ campaignId: '' }),
    wrongState: { before: 'scheduled' },
    arrange: async (h) => {
      await h.service.registerTarget(A.lead, { target: h.seed.targets[5]! });
      await h.service.scheduleVisit(A.lead, {
        visitId: 'v-market',
        campaignId: h.campaignId,
        targetId: 'tg-cho-ht',
        scheduledOn: '2021-12-07',
        memberIds: ['p-lead', 'p-vhtt-436'],
      });
    },
  },
  {
    name: 'startVisit',
    before: 'scheduled',
    call: (h, a, i) => untyped(h).startVisit(a, i),
    good: () => ({ visitId: 'v-market' }),
    actor: A.secretary,
    wrongRole: A.health,
    badInput: () => ({ visitId: 'v-market', at: 'tomorrow' }),
    wrongState: { before: 'scheduled', arrange: started },
  },
  {
    name: 'recordAnswers',
    before: 'scheduled',
    arrange: started,
    call: (h, a, i) => untyped(h).recordAnswers(a, i),
    good: () => ({ visitId: 'v-market', answers: pcCovidAnswers('compliant'), complete: true }),
    actor: A.secretary,
    wrongRole: A.viewer,
    badInput: () => ({ visitId: 'v-market', answers: { ...pcCovidAnswers('compliant'), b2: { answer: 'met', fields: { postedSizeCm: 20 }, evidence: [] } }, complete: true }),
    wrongState: { before: 'scheduled' },
  },
  {
    name: 'draftMinutes',
    before: 'scheduled',
    arrange: answered,
    call: (h, a, i) => untyped(h).draftMinutes(a, i),
    good: () => minutesInput,
    actor: A.secretary,
    wrongRole: A.member,
    badInput: () => ({ ...minutesInput, representatives: [] }),
    wrongState: { before: 'scheduled', arrange: started },
  },
  {
    name: 'signMinutes',
    before: 'scheduled',
    arrange: drafted,
    call: (h, a, i) => untyped(h).signMinutes(a, i),
    good: () => ({ visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' }),
    actor: A.lead,
    wrongRole: A.secretary,
    badInput: () => ({ visitId: 'v-market', signedAt: '2021-12-07 10:05' }),
    wrongState: { before: 'scheduled', arrange: answered },
  },
  {
    name: 'refuseSignature',
    before: 'scheduled',
    arrange: drafted,
    call: (h, a, i) => untyped(h).refuseSignature(a, i),
    good: () => ({ visitId: 'v-market', reason: 'Không đồng ý', recordedAt: '2021-12-07T03:05:00.000Z' }),
    actor: A.lead,
    wrongRole: A.director,
    badInput: () => ({ visitId: 'v-market', reason: '   ', recordedAt: '2021-12-07T03:05:00.000Z' }),
    wrongState: { before: 'scheduled', arrange: answered },
  },
  {
    name: 'reviewVisit',
    before: 'scheduled',
    arrange: async (h) => {
      await drafted(h);
      await h.service.signMinutes(A.lead, { visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' });
    },
    call: (h, a, i) => untyped(h).reviewVisit(a, i),
    good: () => ({ visitId: 'v-market' }),
    actor: A.director,
    wrongRole: A.member,
    badInput: () => ({ visitId: 42 }),
    wrongState: { before: 'scheduled', arrange: drafted },
  },
  {
    name: 'cancelVisit',
    before: 'scheduled',
    call: (h, a, i) => untyped(h).cancelVisit(a, i),
    good: () => ({ visitId: 'v-market', reason: 'Đổi lịch' }),
    actor: A.lead,
    wrongRole: A.member,
    badInput: () => ({ visitId: 'v-market' }),
    wrongState: { before: 'scheduled', arrange: started },
  },
  {
    name: 'beginReporting',
    before: 'scheduled',
    arrange: settled,
    call: (h, a, i) => untyped(h).beginReporting(a, i),
    good: (h) => ({ campaignId: h.campaignId, issuedOn: '2022-01-05', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo' }),
    actor: A.director,
    wrongRole: A.viewer,
    badInput: (h) => ({ campaignId: h.campaignId, issuedOn: '2022-01-05' }),
    wrongState: { before: 'scheduled', arrange: started },
  },
  {
    name: 'closeCampaign',
    before: 'scheduled',
    arrange: async (h) => {
      await settled(h);
      await h.service.beginReporting(A.director, { campaignId: h.campaignId, issuedOn: '2022-01-05', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo' });
    },
    call: (h, a, i) => untyped(h).closeCampaign(a, i),
    good: (h) => ({ campaignId: h.campaignId }),
    actor: A.director,
    wrongRole: A.lead,
    badInput: () => ({}),
    wrongState: { before: 'scheduled' },
  },
  {
    name: 'registerDirectory',
    before: 'created',
    call: (h, a, i) => untyped(h).registerDirectory(a, i),
    good: (h) => ({ organizations: h.seed.bodies.slice(0, 2), people: [] }),
    actor: A.lead,
    wrongRole: A.member,
    badInput: (h) => ({ organizations: [{ ...h.seed.bodies[0], tenantId: '99' }], people: [] }),
  },
  {
    name: 'createCampaign',
    before: 'created',
    call: (h, a, i) => untyped(h).createCampaign(a, i),
    good: (h) => ({ campaign: { ...h.seed.campaign, id: 'campaign-2' } }),
    actor: A.director,
    wrongRole: A.secretary,
    badInput: (h) => ({ campaign: { ...h.seed.campaign, id: 'campaign-2', period: { from: '2021-12-31', to: '2021-12-01' } } }),
  },
  {
    name: 'registerTarget',
    before: 'teamFormed',
    call: (h, a, i) => untyped(h).registerTarget(a, i),
    good: (h) => ({ target: h.seed.targets[0] }),
    actor: A.secretary,
    wrongRole: A.member,
    badInput: (h) => ({ target: { ...h.seed.targets[0], type: 'karaoke' } }),
  },
  {
    name: 'registerTargets',
    before: 'teamFormed',
    call: (h, a, i) => untyped(h).registerTargets(a, i),
    good: (h) => ({ campaignId: h.campaignId, targets: h.seed.targets }),
    actor: A.secretary,
    wrongRole: A.member,
    badInput: (h) => ({ campaignId: h.campaignId, targets: [{ ...h.seed.targets[0], type: 'karaoke' }] }),
  },
  {
    name: 'closeVisit',
    before: 'scheduled',
    arrange: async (h) => {
      await drafted(h);
      await h.service.signMinutes(A.lead, { visitId: 'v-market', signedAt: '2021-12-07T03:05:00.000Z' });
      await h.service.reviewVisit(A.director, { visitId: 'v-market' });
    },
    call: (h, a, i) => untyped(h).closeVisit(a, i),
    good: () => ({ visitId: 'v-market' }),
    actor: A.lead,
    wrongRole: A.secretary,
    badInput: () => ({ visitId: 'khoảng trắng không hợp lệ' }),
    wrongState: { before: 'scheduled', arrange: drafted },
  },
  {
    name: 'openRemediation',
    before: 'scheduled',
    arrange: reportedWithFailure,
    call: (h, a, i) => untyped(h).openRemediation(a, i),
    good: () => ({ remediationId: 'rm-1', visitId: 'v-market' }),
    actor: A.lead,
    wrongRole: A.member,
    badInput: () => ({ remediationId: 'rm-1', visitId: 'v-market', requests: [{ text: 'x', dueOn: 'mai' }] }),
    wrongState: { before: 'scheduled', arrange: answered },
  },
  {
    name: 'beginFollowUp',
    before: 'scheduled',
    arrange: opened,
    call: (h, a, i) => untyped(h).beginFollowUp(a, i),
    good: (h) => ({ campaignId: h.campaignId }),
    actor: A.lead,
    wrongRole: A.viewer,
    badInput: () => ({ campaignId: 5 }),
    wrongState: { before: 'scheduled', arrange: started },
  },
  {
    name: 'sendReminder',
    before: 'scheduled',
    arrange: opened,
    call: (h, a, i) => untyped(h).sendReminder(a, i),
    good: () => ({ remediationId: 'rm-1', sentOn: '2022-01-06' }),
    actor: A.secretary,
    wrongRole: A.member,
    badInput: () => ({ remediationId: 'rm-1', sentOn: '2022-13-06' }),
    wrongState: {
      before: 'scheduled',
      arrange: async (h) => {
        await opened(h);
        await h.service.recordRecheck(A.lead, { remediationId: 'rm-1', on: '2022-01-10', complied: true });
      },
    },
  },
  {
    name: 'setRemediationDeadline',
    before: 'scheduled',
    arrange: opened,
    call: (h, a, i) => untyped(h).setRemediationDeadline(a, i),
    good: () => ({ remediationId: 'rm-1', dueOn: '2022-01-15' }),
    actor: A.lead,
    wrongRole: A.secretary,
    badInput: () => ({ remediationId: 'rm-1', dueOn: null }),
    wrongState: {
      before: 'scheduled',
      arrange: async (h) => {
        await opened(h);
        await h.service.recordRecheck(A.lead, { remediationId: 'rm-1', on: '2022-01-10', complied: true });
      },
    },
  },
  {
    name: 'recordRecheck',
    before: 'scheduled',
    arrange: opened,
    call: (h, a, i) => untyped(h).recordRecheck(a, i),
    good: () => ({ remediationId: 'rm-1', on: '2022-01-10', complied: true }),
    actor: A.member,
    wrongRole: A.viewer,
    badInput: () => ({ remediationId: 'rm-1', on: '2022-01-10', complied: 'có' }),
    wrongState: {
      before: 'scheduled',
      arrange: async (h) => {
        await opened(h);
        await h.service.recordRecheck(A.lead, { remediationId: 'rm-1', on: '2022-01-10', complied: true });
      },
    },
  },
  {
    name: 'proposeSanction',
    before: 'scheduled',
    arrange: async (h) => {
      await opened(h);
      // Each reminder after the previous one's deadline (7, 7, 5, 5 days), the proposal after the last (02/02/2022).
      for (const d of ['2022-01-06', '2022-01-14', '2022-01-22', '2022-01-28']) await h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: d });
    },
    call: (h, a, i) => untyped(h).proposeSanction(a, i),
    good: () => ({ remediationId: 'rm-1', basis: 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP', proposedTo: 'Chủ tịch UBND thành phố Hà Tĩnh', on: '2022-02-03' }),
    actor: A.director,
    wrongRole: A.lead,
    badInput: () => ({ remediationId: 'rm-1', basis: '', proposedTo: 'x', on: '2022-02-03' }),
    wrongState: {
      before: 'scheduled',
      arrange: async (h) => {
        await opened(h);
        await h.service.sendReminder(A.secretary, { remediationId: 'rm-1', sentOn: '2022-01-06' });
      },
    },
  },
];

export async function reach(h: Harness, step: Step, arrange?: (h: Harness) => Promise<void>) {
  h.clock.set('2021-11-26T02:00:00.000Z');
  await h.steps[step]();
  h.clock.set('2021-12-07T01:30:00.000Z');
  if (arrange) await arrange(h);
}
