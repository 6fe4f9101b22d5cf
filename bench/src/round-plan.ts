/**
 * What the round benches share (SQLite `round.bench.ts`, PostgreSQL `postgres-round.bench.ts`):
 * the generated targets and visits, the team, the steps from nominations to registered targets,
 * and "ours" — the round through the service. Only the raw sides differ.
 */
import type { Clock } from '@pccovid-inspect/core';
import type { InspectionService, Target, TeamMember } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { at, director, lead } from './seed-campaign.js';
import type { BenchContext } from './harness.js';

export const SIZES = [100, 1_000, 10_000] as const;
const secretary = { role: 'secretary', id: 'p-secretary' } as const;

const TEAM: TeamMember[] = [
  { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-it', role: 'deputy', organizationId: 'org-stttt-cntt', source: 'it_division', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
  { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
  { personId: 'p-vhtt-443', role: 'member', organizationId: 'org-vhtt-443', source: 'district_culture_info', districtCode: '443' },
  { personId: 'p-vhtt-449', role: 'member', organizationId: 'org-vhtt-449', source: 'district_culture_info', districtCode: '449' },
];
const DISTRICT_REP: Record<string, string> = { '436': 'p-vhtt-436', '443': 'p-vhtt-443', '449': 'p-vhtt-449' };
const DISTRICTS = HA_TINH_2021_DISTRICTS.map((d) => d.code);
/** Working days of December 2021 from the 6th (the plan's inspection weeks). */
const DAYS = Array.from({ length: 20 }, (_, d) => new Date(Date.UTC(2021, 11, 6 + d)))
  .filter((d) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6)
  .map((d) => d.toISOString().slice(0, 10));

/** The i-th generated target (same on both sides and in `prepare`). */
function targetAt(i: number, campaignId: string, types: readonly string[]): Target {
  const type = types[i % types.length]!;
  const districtCode = DISTRICTS[(i * 7) % DISTRICTS.length]!;
  return {
    tenantId: '42',
    id: `tg-${String(i).padStart(6, '0')}`,
    campaignId,
    name: `Đơn vị số ${i + 1} (${type})`,
    type,
    districtCode,
    address: `Số ${(i % 300) + 1}, đường Trần Phú, huyện ${districtCode}`,
    organizationId: null,
    representativePersonId: `rep-tg-${i}`,
    qrPoints: [],
  };
}

export interface PlannedVisit {
  visitId: string;
  target: Target;
  day: string;
  memberIds: string[];
  /** Partners told on fix (health + the district's Culture-Information member). */
  partners: number;
}

export function plan(size: number): { campaignId: string; visits: PlannedVisit[] } {
  const seed = haTinh2021Seed();
  const campaignId = seed.campaign.id;
  const visits = Array.from({ length: size }, (_, i) => {
    const target = targetAt(i, campaignId, seed.campaign.targetTypes);
    const rep = DISTRICT_REP[target.districtCode];
    return {
      visitId: `visit-${String(i).padStart(6, '0')}`,
      target,
      day: DAYS[i % DAYS.length]!,
      memberIds: ['p-lead', 'p-secretary', ...(target.type === 'hospital' ? ['p-health'] : []), ...(rep ? [rep] : [])],
      partners: 1 + (rep ? 1 : 0),
    };
  });
  return { campaignId, visits };
}

/** From nominations received to a formed team and `size` targets registered, through the service (untimed setup). */
export async function toTeamAndTargets(service: InspectionService, clock: Clock & { set(instant: string): void }, campaignId: string, size: number): Promise<void> {
  for (const n of [
    { organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null },
    { organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-28', districtCode: '436' },
    { organizationId: 'org-vhtt-443', personId: 'p-vhtt-443', receivedOn: '2021-11-28', districtCode: '443' },
    { organizationId: 'org-vhtt-449', personId: 'p-vhtt-449', receivedOn: '2021-11-28', districtCode: '449' },
  ]) {
    await service.recordNomination(lead, { campaignId, ...n });
  }
  clock.set(at('2021-11-30', '08:00'));
  await service.formTeam(director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' });
  for (const v of plan(size).visits) await service.registerTarget(lead, { target: v.target });
}

export interface OursPrepared {
  service: InspectionService;
  campaignId: string;
  visits: PlannedVisit[];
}

export async function oursRound({ service, campaignId, visits }: OursPrepared, ctx: BenchContext): Promise<void> {
  let done = 0;
  const tick = () => ctx.progress(++done);
  for (const v of visits) {
    await service.scheduleVisit(lead, { visitId: v.visitId, campaignId, targetId: v.target.id, scheduledOn: v.day, memberIds: v.memberIds });
    tick();
  }
  await service.fixSchedule(lead, { campaignId });
  tick();
  for (const v of visits) {
    await service.startVisit(lead, { visitId: v.visitId, at: at(v.day, '08:00') });
    tick();
    const answered = await service.recordAnswers(secretary, { visitId: v.visitId, answers: pcCovidAnswers('compliant', v.day), complete: true });
    if (answered.verdict !== 'compliant') throw new Error(`unexpected verdict ${answered.verdict}`);
    tick();
    await service.draftMinutes(secretary, {
      visitId: v.visitId,
      endedAt: at(v.day, '10:00'),
      place: v.target.name,
      representatives: [{ fullName: 'Nguyễn Văn An', position: 'Thủ trưởng đơn vị' }],
      assessment: 'Đơn vị đã triển khai đầy đủ các nội dung theo Văn bản số 7641/UBND-VX1.',
    });
    tick();
    await service.signMinutes(lead, { visitId: v.visitId, signedAt: at(v.day, '10:05') });
    tick();
    const reviewed = await service.reviewVisit(director, { visitId: v.visitId });
    if (reviewed.state !== 'reviewed') throw new Error(`unexpected state ${reviewed.state}`);
    tick();
  }
}
