import {
  createFixedClock,
  createInspectionService,
  createSequentialIds,
  type ActorInput,
  type InspectionService,
  type StorageAdapter,
  type Target,
  type TeamMember,
} from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { HA_TINH_2021_UNIT_PROFILES, haTinh2021Seed, type HaTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { unitAnswers } from '@pccovid-inspect/testkit/fixtures';

/**
 * A small round of the Hà Tĩnh 2021 campaign (examples/ha-tinh-2021's sequence, three visits:
 * one compliant unit, the hospital that refuses to sign, the market that ignores reminders), driven
 * stage by stage so the fuzzers can stop at each lifecycle stage.
 */
export const A = {
  director: { role: 'director', id: 'p-dau-tung-lam' },
  lead: { role: 'inspectorateLead', id: 'p-lead' },
  secretary: { role: 'secretary', id: 'p-secretary' },
  member: { role: 'teamMember', id: 'p-it' },
  health: { role: 'healthRepresentative', id: 'p-health' },
  district: { role: 'districtRepresentative', id: 'p-vhtt-436', districtCode: '436' },
  viewer: { role: 'provincialViewer', id: 'p-ubnd-viewer' },
  targetRep: { role: 'targetRepresentative', id: 'rep-tg-cho-ht', targetId: 'tg-cho-ht' },
} satisfies Record<string, ActorInput>;

/** People who should see nothing of this round: another campaign's member, another district, another unit. */
export const STRANGERS = {
  otherCampaignMember: { role: 'teamMember', id: 'p-other-campaign' },
  otherDistrict: { role: 'districtRepresentative', id: 'p-vhtt-999', districtCode: '999' },
  otherUnit: { role: 'targetRepresentative', id: 'rep-unknown', targetId: 'tg-unknown' },
} satisfies Record<string, ActorInput>;

export const ALL_ACTORS: readonly ActorInput[] = [...Object.values(A), ...Object.values(STRANGERS)];

/** Another province: a service with this tenant on the same storage must never read or change Hà Tĩnh's data. */
export const OTHER_TENANT = { id: '40', provinceCode: '40', name: 'Nghệ An', placeName: 'Nghệ An' };

export const TEAM: TeamMember[] = [
  { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-it', role: 'deputy', organizationId: 'org-stttt-cntt', source: 'it_division', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
  { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
  { personId: 'p-vhtt-443', role: 'member', organizationId: 'org-vhtt-443', source: 'district_culture_info', districtCode: '443' },
  { personId: 'p-vhtt-449', role: 'member', organizationId: 'org-vhtt-449', source: 'district_culture_info', districtCode: '449' },
];

export const NOMINATIONS = [
  { organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null },
  { organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-28', districtCode: '436' },
  { organizationId: 'org-vhtt-443', personId: 'p-vhtt-443', receivedOn: '2021-11-29', districtCode: '443' },
  { organizationId: 'org-vhtt-449', personId: 'p-vhtt-449', receivedOn: '2021-11-28', districtCode: '449' },
];

export interface PlannedVisit {
  visitId: string;
  targetId: string;
  day: string;
  refusal?: string;
}

export const VISITS: PlannedVisit[] = [
  { visitId: 'visit-01', targetId: 'tg-so-gtvt', day: '2021-12-06' },
  { visitId: 'visit-02', targetId: 'tg-bv-tinh', day: '2021-12-07', refusal: 'Không đồng ý đánh giá Chưa đạt' },
  { visitId: 'visit-03', targetId: 'tg-cho-ht', day: '2021-12-07' },
];
/** A visit scheduled and never started (cancellable at every stage it exists). */
export const SPARE_VISIT: PlannedVisit = { visitId: 'visit-04', targetId: 'tg-thpt-canloc', day: '2021-12-09' };

export const at = (day: string, hhmm: string): string => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

/** A round in progress: its service, clock and what the fuzzers need to name. */
export interface Round {
  storage: StorageAdapter;
  service: InspectionService;
  clock: ReturnType<typeof createFixedClock>;
  seed: HaTinh2021Seed;
  campaignId: string;
  targets: Target[];
  /** Remediation ids opened so far. */
  remediationIds: string[];
  /** Names of the stages reached, in order. */
  reached: string[];
}

export function startRound(storage: StorageAdapter): Round {
  const seed = haTinh2021Seed();
  for (const t of seed.targets) t.representativePersonId = `rep-${t.id}`;
  const clock = createFixedClock(at('2021-11-26', '08:00'));
  const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, ids: createSequentialIds() });
  return { storage, service, clock, seed, campaignId: seed.campaign.id, targets: seed.targets, remediationIds: [], reached: [] };
}

/** One lifecycle stage: what it takes to get there from the stage before. */
export interface Stage {
  name: string;
  run(r: Round): Promise<void>;
}

const target = (r: Round, id: string) => r.targets.find((t) => t.id === id)!;

export const STAGES: readonly Stage[] = [
  {
    name: 'campaign created',
    async run(r) {
      await r.service.registerDirectory(A.director, { organizations: r.seed.bodies, people: r.seed.people });
      await r.service.createCampaign(A.director, { campaign: r.seed.campaign });
    },
  },
  {
    name: 'plan issued',
    async run(r) {
      await r.service.issuePlan(A.director, { campaignId: r.campaignId, issuedOn: '2021-11-26' });
    },
  },
  {
    name: 'nominations',
    async run(r) {
      await r.service.requestNominations(A.lead, { campaignId: r.campaignId, sentOn: '2021-11-26' });
      for (const n of NOMINATIONS) {
        r.clock.set(at(n.receivedOn, '09:00'));
        await r.service.recordNomination(A.lead, { campaignId: r.campaignId, ...n });
      }
    },
  },
  {
    name: 'team formed',
    async run(r) {
      r.clock.set(at('2021-11-30', '08:00'));
      await r.service.formTeam(A.director, { campaignId: r.campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' });
    },
  },
  {
    name: 'schedule fixed',
    async run(r) {
      for (const t of r.targets) await r.service.registerTarget(A.lead, { target: t });
      for (const v of [...VISITS, SPARE_VISIT]) {
        const t = target(r, v.targetId);
        const districtRep = TEAM.find((m) => m.districtCode === t.districtCode)?.personId;
        await r.service.scheduleVisit(A.lead, {
          visitId: v.visitId,
          campaignId: r.campaignId,
          targetId: v.targetId,
          scheduledOn: v.day,
          memberIds: ['p-lead', 'p-secretary', ...(t.type === 'hospital' ? ['p-health'] : []), ...(districtRep ? [districtRep] : [])],
        });
      }
      await r.service.fixSchedule(A.lead, { campaignId: r.campaignId });
    },
  },
  {
    name: 'visits started',
    async run(r) {
      for (const v of VISITS) {
        r.clock.set(at(v.day, '08:00'));
        await r.service.startVisit(A.lead, { visitId: v.visitId });
      }
    },
  },
  {
    name: 'answered',
    async run(r) {
      for (const v of VISITS) {
        const answers = unitAnswers(HA_TINH_2021_UNIT_PROFILES[v.targetId]!, v.day, v.targetId);
        await r.service.recordAnswers(A.secretary, { visitId: v.visitId, answers, complete: true });
      }
    },
  },
  {
    name: 'minutes signed',
    async run(r) {
      for (const v of VISITS) {
        await r.service.draftMinutes(A.secretary, {
          visitId: v.visitId,
          endedAt: at(v.day, '10:00'),
          place: target(r, v.targetId).name,
          representatives: [{ fullName: 'Nguyễn Thị Hoa', position: 'Trưởng phòng' }],
          explanation: null,
          assessment: 'Đơn vị đã triển khai một phần',
        });
        if (v.refusal) await r.service.refuseSignature(A.lead, { visitId: v.visitId, reason: v.refusal, recordedAt: at(v.day, '10:05') });
        else await r.service.signMinutes(A.lead, { visitId: v.visitId, signedAt: at(v.day, '10:05') });
      }
    },
  },
  {
    name: 'visits closed',
    async run(r) {
      for (const v of VISITS) {
        await r.service.reviewVisit(A.director, { visitId: v.visitId });
        await r.service.closeVisit(A.lead, { visitId: v.visitId });
      }
      await r.service.cancelVisit(A.lead, { visitId: SPARE_VISIT.visitId, reason: 'Đơn vị tạm dừng hoạt động' });
    },
  },
  {
    name: 'report and notices',
    async run(r) {
      r.clock.set(at('2021-12-17', '08:00'));
      await r.service.beginReporting(A.director, {
        campaignId: r.campaignId,
        issuedOn: '2021-12-17',
        addressedToOrganizationId: 'org-ubnd-tinh',
        summary: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR',
      });
    },
  },
  {
    name: 'remediation',
    async run(r) {
      for (const v of VISITS.slice(1)) {
        const remediationId = `remediation-${v.visitId}`;
        await r.service.openRemediation(A.lead, { remediationId, visitId: v.visitId });
        r.remediationIds.push(remediationId);
      }
      await r.service.beginFollowUp(A.lead, { campaignId: r.campaignId });
      r.clock.set(at('2021-12-22', '08:00'));
      const [hospital, market] = r.remediationIds as [string, string];
      await r.service.sendReminder(A.secretary, { remediationId: hospital, sentOn: '2021-12-22' });
      await r.service.sendReminder(A.secretary, { remediationId: market, sentOn: '2021-12-22' });
    },
  },
  {
    name: 'closed',
    async run(r) {
      const [hospital, market] = r.remediationIds as [string, string];
      r.clock.set(at('2021-12-30', '09:00'));
      await r.service.recordRecheck(A.member, { remediationId: hospital, on: '2021-12-30', complied: true, note: 'Đã thay mã' });
      for (const day of ['2021-12-30', '2022-01-07', '2022-01-13']) {
        r.clock.set(at(day, '08:00'));
        await r.service.sendReminder(A.secretary, { remediationId: market, sentOn: day });
      }
      r.clock.set(at('2022-01-19', '08:00'));
      await r.service.proposeSanction(A.director, {
        remediationId: market,
        basis: 'Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP',
        proposedTo: 'Chủ tịch UBND thành phố Hà Tĩnh',
        on: '2022-01-19',
      });
      await r.service.closeCampaign(A.director, { campaignId: r.campaignId });
    },
  },
];

/** Drives a fresh round up to and including stage `index`. */
export async function roundAt(storage: StorageAdapter, index: number): Promise<Round> {
  const r = startRound(storage);
  for (const stage of STAGES.slice(0, index + 1)) {
    await stage.run(r);
    r.reached.push(stage.name);
  }
  return r;
}
