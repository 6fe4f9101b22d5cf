import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../entities/team.js';
import { ValidationError } from '../errors/validation-error.js';
import { addCivilDays } from '../text/civil-date.js';
import { planSchedule, type ScheduleInput } from './schedule-visits.js';

const member = (personId: string, role: TeamMember['role'], source: TeamMember['source'] = 'inspectorate', districtCode: string | null = null): TeamMember => ({
  personId,
  role,
  organizationId: `org-${personId}`,
  source,
  districtCode,
});

const TEAM: TeamMember[] = [
  member('p-lead', 'lead'),
  member('p-it', 'member', 'it_division'),
  member('p-secretary', 'secretary'),
  member('p-health', 'member', 'health'),
  member('p-vhtt-436', 'member', 'district_culture_info', '436'),
  member('p-vhtt-443', 'member', 'district_culture_info', '443'),
];
const VEHICLE = { id: 'xe-1', description: 'Xe 7 chỗ của Văn phòng Sở', providedByOrganizationId: 'org-stttt-vp' };

function validationPath(run: () => unknown): (string | number)[] | undefined {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues[0]?.path;
    throw error;
  }
  return undefined;
}

describe('planSchedule: worked example / ví dụ', () => {
  // 6–10/12/2021 is Monday–Friday; 11 and 12 are the weekend.
  const base: ScheduleInput = {
    campaignPeriod: { from: '2021-12-06', to: '2021-12-12' },
    selected: [
      { targetId: 'tg-cho-ht', districtCode: '436' },
      { targetId: 'tg-bv-tinh', districtCode: '436' },
      { targetId: 'tg-so-gtvt', districtCode: '436' },
      { targetId: 'tg-kbnn', districtCode: '436' },
      { targetId: 'tg-thpt-canloc', districtCode: '443' },
      { targetId: 'tg-formosa-dv', districtCode: '449' },
    ],
    team: { members: TEAM },
    vehicles: [VEHICLE],
    seed: 'HT-2021-12',
  };

  it('groups by district and day with the lead, the secretary and the district partner, on weekdays', () => {
    const plan = planSchedule({ ...base, availability: [{ personId: 'p-vhtt-443', unavailableOn: ['2021-12-06', '2021-12-07'] }] });
    expect(plan.unscheduled).toEqual([]);
    expect(plan.visits).toEqual([
      { targetId: 'tg-cho-ht', districtCode: '436', scheduledOn: '2021-12-06', memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'], vehicleId: 'xe-1' },
      { targetId: 'tg-bv-tinh', districtCode: '436', scheduledOn: '2021-12-06', memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'], vehicleId: 'xe-1' },
      { targetId: 'tg-so-gtvt', districtCode: '436', scheduledOn: '2021-12-06', memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'], vehicleId: 'xe-1' },
      // 449 has no partner on the team; 443's is away on the 7th.
      expect.objectContaining({ scheduledOn: '2021-12-07' }),
      expect.objectContaining({ scheduledOn: '2021-12-08' }),
      expect.objectContaining({ scheduledOn: '2021-12-09' }),
    ]);
    expect(plan.visits.filter((v) => v.scheduledOn <= '2021-12-07').map((v) => v.districtCode)).not.toContain('443');
    expect(plan.visits.find((v) => v.targetId === 'tg-thpt-canloc')).toMatchObject({ memberIds: ['p-lead', 'p-secretary', 'p-vhtt-443'] });
    expect(plan.visits.find((v) => v.targetId === 'tg-formosa-dv')).toMatchObject({ memberIds: ['p-lead', 'p-secretary'] });
    expect(planSchedule(base)).toEqual(planSchedule(base));
  });

  it('skips Saturdays and Sundays unless told otherwise, and explains what does not fit', () => {
    const weekend = { ...base, campaignPeriod: { from: '2021-12-11', to: '2021-12-12' } };
    const none = planSchedule(weekend);
    expect(none.visits).toEqual([]);
    expect(none.unscheduled).toHaveLength(6);
    expect(none.unscheduled[0]).toEqual({
      targetId: 'tg-cho-ht',
      reasonVi: 'không có ngày làm việc nào từ 2021-12-11 đến 2021-12-12 (bỏ thứ Bảy, Chủ nhật và ngày nghỉ)',
      reasonEn: 'no working day from 2021-12-11 to 2021-12-12 (weekends and skipped dates left out)',
    });
    const saturday = planSchedule({ ...weekend, workingWeekdays: [6], visitsPerDayPerGroup: 4 });
    expect(saturday.visits.map((v) => v.scheduledOn)).toEqual(['2021-12-11', '2021-12-11', '2021-12-11', '2021-12-11']);
    expect(saturday.unscheduled.map((u) => u.reasonEn)).toEqual([expect.stringContaining('not enough working days: 1 days, at most 4 units'), expect.any(String)]);
    const awayRep = planSchedule({ ...base, availability: [{ personId: 'p-vhtt-443', unavailableOn: ['2021-12-06', '2021-12-07', '2021-12-08', '2021-12-09', '2021-12-10'] }] });
    expect(awayRep.unscheduled.map((u) => u.targetId)).toEqual(['tg-thpt-canloc']);
    expect(awayRep.unscheduled[0]?.reasonEn).toContain('representative of district 443 is unavailable');
  });

  it('with deputies heading groups, two groups go out on one day with two vehicles, nobody twice', () => {
    const team = [...TEAM, member('p-deputy', 'deputy'), member('p-secretary-2', 'secretary')];
    const plan = planSchedule({ ...base, team: { members: team }, groupLeaders: 'leadOrDeputy', vehicles: [VEHICLE, { ...VEHICLE, id: 'xe-2' }] });
    const monday = plan.visits.filter((v) => v.scheduledOn === '2021-12-06');
    expect(new Set(monday.map((v) => v.districtCode)).size).toBe(2);
    expect(new Set(monday.map((v) => v.vehicleId))).toEqual(new Set(['xe-1', 'xe-2']));
  });

  it.each<[string, Partial<ScheduleInput>, (string | number)[]]>([
    ['a period ending before it starts', { campaignPeriod: { from: '2021-12-10', to: '2021-12-06' } }, ['campaignPeriod', 'to']],
    ['a target twice', { selected: [base.selected[0]!, base.selected[0]!] }, ['selected', 1, 'targetId']],
    ['a bad district code', { selected: [{ targetId: 't', districtCode: '43' }] }, ['selected', 0, 'districtCode']],
    ['availability of a stranger', { availability: [{ personId: 'p-x', unavailableOn: [] }] }, ['availability', 0, 'personId']],
    ['a bad unavailable date', { availability: [{ personId: 'p-lead', unavailableOn: ['2021-02-30'] }] }, ['availability', 0, 'unavailableOn', 0]],
    ['a vehicle twice', { vehicles: [VEHICLE, VEHICLE] }, ['vehicles', 1, 'id']],
    ['0 visits a day', { visitsPerDayPerGroup: 0 }, ['visitsPerDayPerGroup']],
    ['weekday 0', { workingWeekdays: [0] }, ['workingWeekdays', 0]],
    ['a team without a lead', { team: { members: TEAM.slice(1) } }, ['team', 'members']],
  ])('%s → ValidationError at its path', (_name, patch, path) => {
    expect(validationPath(() => planSchedule({ ...base, ...patch }))).toEqual(path);
  });
});

describe('planSchedule: properties', () => {
  const districts = ['436', '443', '447', '449'];
  const input = fc
    .record({
      start: fc.integer({ min: 0, max: 30 }),
      length: fc.integer({ min: 0, max: 20 }),
      targets: fc.array(fc.constantFrom(...districts), { maxLength: 40 }),
      deputies: fc.integer({ min: 0, max: 2 }),
      secretaries: fc.integer({ min: 0, max: 2 }),
      reps: fc.array(fc.constantFrom(...districts), { maxLength: 5 }),
      vehicles: fc.integer({ min: 0, max: 3 }),
      away: fc.array(fc.record({ who: fc.nat(20), days: fc.array(fc.nat(20), { maxLength: 6 }) }), { maxLength: 6 }),
      vehicleAway: fc.array(fc.array(fc.nat(20), { maxLength: 5 }), { maxLength: 3 }),
      perDay: fc.integer({ min: 1, max: 4 }),
      leaders: fc.constantFrom('lead' as const, 'leadOrDeputy' as const),
      seed: fc.string({ maxLength: 8 }),
    })
    .map((r): ScheduleInput => {
      const from = addCivilDays('2021-12-01', r.start);
      const members: TeamMember[] = [
        member('p-lead', 'lead'),
        member('p-health', 'member', 'health'),
        ...Array.from({ length: r.deputies }, (_, i) => member(`p-deputy-${i}`, 'deputy')),
        ...Array.from({ length: r.secretaries }, (_, i) => member(`p-secretary-${i}`, 'secretary')),
        ...r.reps.map((d, i) => member(`p-rep-${i}`, 'member', 'district_culture_info', d)),
      ];
      return {
        campaignPeriod: { from, to: addCivilDays(from, r.length) },
        selected: r.targets.map((districtCode, i) => ({ targetId: `tg-${i}`, districtCode })),
        team: { members },
        availability: r.away.map((a) => ({ personId: members[a.who % members.length]!.personId, unavailableOn: a.days.map((d) => addCivilDays(from, d)) })),
        vehicles: Array.from({ length: r.vehicles }, (_, i) => ({
          ...VEHICLE,
          id: `xe-${i}`,
          unavailableOn: (r.vehicleAway[i] ?? []).map((d) => addCivilDays(from, d)),
        })),
        visitsPerDayPerGroup: r.perDay,
        groupLeaders: r.leaders,
        seed: r.seed,
      };
    });

  it('nobody and no vehicle double-booked or used when away, members ⊆ team, partner included, every target placed once or explained, deterministic', () => {
    fc.assert(
      fc.property(input, (i) => {
        const plan = planSchedule(i);
        const onTeam = new Set(i.team.members.map((m) => m.personId));
        const away = new Set((i.availability ?? []).flatMap((a) => a.unavailableOn.map((d) => `${a.personId}@${d}`)));
        const vehicleAway = new Set(i.vehicles.flatMap((v) => (v.unavailableOn ?? []).map((d) => `${v.id}@${d}`)));
        // A group is a (day, member list) pair: each person and vehicle belongs to at most one group a day.
        const personGroup = new Map<string, string>();
        const vehicleGroup = new Map<string, string>();
        const groupDistrict = new Map<string, string>();
        const groupSize = new Map<string, number>();
        for (const v of plan.visits) {
          const group = `${v.scheduledOn}|${v.memberIds.join(',')}`;
          expect(v.scheduledOn >= i.campaignPeriod.from && v.scheduledOn <= i.campaignPeriod.to).toBe(true);
          expect([6, 0]).not.toContain(new Date(`${v.scheduledOn}T00:00:00Z`).getUTCDay());
          expect(i.team.members.find((m) => m.personId === v.memberIds[0])?.role).toMatch(i.groupLeaders === 'lead' ? /^lead$/ : /^(lead|deputy)$/);
          for (const id of v.memberIds) {
            expect(onTeam.has(id)).toBe(true);
            expect(away.has(`${id}@${v.scheduledOn}`)).toBe(false);
            const seen = personGroup.get(`${id}@${v.scheduledOn}`);
            expect(seen === undefined || seen === group).toBe(true);
            personGroup.set(`${id}@${v.scheduledOn}`, group);
          }
          expect(new Set(v.memberIds).size).toBe(v.memberIds.length);
          if (i.team.members.some((m) => m.role === 'secretary')) expect(v.memberIds.some((id) => id.startsWith('p-secretary'))).toBe(true);
          const partners = i.team.members.filter((m) => m.source === 'district_culture_info' && m.districtCode === v.districtCode).map((m) => m.personId);
          if (partners.length > 0) expect(v.memberIds.some((id) => partners.includes(id))).toBe(true);
          if (v.vehicleId !== null) {
            expect(vehicleAway.has(`${v.vehicleId}@${v.scheduledOn}`)).toBe(false);
            const seen = vehicleGroup.get(`${v.vehicleId}@${v.scheduledOn}`);
            expect(seen === undefined || seen === group).toBe(true);
            vehicleGroup.set(`${v.vehicleId}@${v.scheduledOn}`, group);
          }
          expect(groupDistrict.get(group) ?? v.districtCode).toBe(v.districtCode);
          groupDistrict.set(group, v.districtCode);
          groupSize.set(group, (groupSize.get(group) ?? 0) + 1);
        }
        for (const n of groupSize.values()) expect(n).toBeLessThanOrEqual(i.visitsPerDayPerGroup ?? 3);
        const placed = [...plan.visits.map((v) => v.targetId), ...plan.unscheduled.map((u) => u.targetId)];
        expect(placed.sort()).toEqual(i.selected.map((s) => s.targetId).sort());
        for (const u of plan.unscheduled) expect(u.reasonVi.length * u.reasonEn.length).toBeGreaterThan(0);
        for (const v of plan.visits) expect(i.selected.find((s) => s.targetId === v.targetId)?.districtCode).toBe(v.districtCode);
        expect(planSchedule(i)).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  it('the order of the team and of the vehicles does not change the plan (the seed decides)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const shuffled = { ...i, team: { members: [...i.team.members].reverse() }, vehicles: [...i.vehicles].reverse() };
        expect(planSchedule(shuffled)).toEqual(planSchedule(i));
      }),
      { numRuns: 100 },
    );
  });
});
