import type { Team, TeamMember } from '../entities/team.js';
import { addCivilDays, isCivilDate, parseCivilDate } from '../text/civil-date.js';
import { isWholeAtLeast, refuse } from './planning-validation.js';
import { hashSeed, mulberry32 } from './seeded-random.js';

/** A vehicle the Department's office can provide. */
export interface ScheduleVehicle {
  id: string;
  /** E.g. "Xe 7 chỗ của Văn phòng Sở". */
  description: string;
  /** The body that provides it (the office): the vehicle request goes there. */
  providedByOrganizationId: string;
  /** Civil dates (YYYY-MM-DD) it is not available. */
  unavailableOn?: readonly string[];
}

/** What `planSchedule` plans. */
export interface ScheduleInput {
  /** The campaign's window, civil dates inclusive. */
  campaignPeriod: { from: string; to: string };
  /** The targets to visit (e.g. `sampleTargets(...).selected` with each target's district), riskiest first: earlier entries are placed earlier. Ids distinct. */
  selected: readonly { targetId: string; districtCode: string }[];
  /** The team: the lead heads every group; secretaries and district Culture-Information representatives join as below. */
  team: Pick<Team, 'members'>;
  /** Days members are not available. A person not on the team is refused. */
  availability?: readonly { personId: string; unavailableOn: readonly string[] }[];
  /** The office's vehicles; a group takes one a day when one is free, else it goes without (`vehicleId: null`). */
  vehicles: readonly ScheduleVehicle[];
  /**
   * Visits one group makes in a day (all in one district).
   * @default 3
   */
  visitsPerDayPerGroup?: number;
  /**
   * Who may head a group. `lead`: only the team lead (role `lead`), so there is at most one group a
   * day; `leadOrDeputy`: a deputy (role `deputy`) may head a second (third, …) group the same day.
   * @default 'lead'
   */
  groupLeaders?: 'lead' | 'leadOrDeputy';
  /**
   * Days of the week visits are made, ISO numbers (1 = Monday … 7 = Sunday).
   * @default [1, 2, 3, 4, 5] — Saturdays and Sundays are skipped
   */
  workingWeekdays?: readonly number[];
  /** Further civil dates with no visits (public holidays). */
  skipDates?: readonly string[];
  /** The seed (record it with the schedule): the same input and seed give the same schedule. */
  seed: string | number;
}

/** One planned visit: pass it to `scheduleVisit` with a visit id of your own. */
export interface PlannedVisit {
  targetId: string;
  districtCode: string;
  scheduledOn: string;
  /** The group: its head (the lead, or a deputy), a secretary when the team has one, the district's Culture-Information representative when the team has one. */
  memberIds: string[];
  /** The vehicle the group uses that day, or null when none is free. */
  vehicleId: string | null;
}

/** A selected target that could not be placed, with why, Vietnamese first. */
export interface UnscheduledTarget {
  targetId: string;
  reasonVi: string;
  reasonEn: string;
}

/** What `planSchedule` returns: visits by date, then group, then input order; and every target it could not place. */
export interface SchedulePlan {
  visits: PlannedVisit[];
  unscheduled: UnscheduledTarget[];
}

const SUBJECT = 'ScheduleInput';
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** `Array.isArray` without its type guard (which widens a readonly list to `any[]`). */
const isList = (value: unknown): boolean => Array.isArray(value);

/** ISO weekday (1 = Monday … 7 = Sunday) of a civil date. */
function isoWeekday(date: string): number {
  const p = parseCivilDate(date);
  if (p === null) return 0;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

function checkDates(list: unknown, path: (string | number)[]): void {
  if (!Array.isArray(list)) refuse(SUBJECT, path, 'phải là danh sách ngày / must be a list of dates');
  list.forEach((d, i) => {
    if (typeof d !== 'string' || !isCivilDate(d)) refuse(SUBJECT, [...path, i], `ngày không hợp lệ "${String(d)}" / not a civil date (YYYY-MM-DD): "${String(d)}"`);
  });
}

function checkInput(input: ScheduleInput): void {
  const { from, to } = input.campaignPeriod ?? ({} as { from?: unknown; to?: unknown });
  if (typeof from !== 'string' || !isCivilDate(from)) refuse(SUBJECT, ['campaignPeriod', 'from'], 'ngày không hợp lệ / not a civil date (YYYY-MM-DD)');
  if (typeof to !== 'string' || !isCivilDate(to)) refuse(SUBJECT, ['campaignPeriod', 'to'], 'ngày không hợp lệ / not a civil date (YYYY-MM-DD)');
  if (from > to) refuse(SUBJECT, ['campaignPeriod', 'to'], `trước ngày bắt đầu ${from} / before the start ${from}`);
  if (!isList(input.selected)) refuse(SUBJECT, ['selected'], 'phải là danh sách / must be a list');
  const seen = new Map<string, number>();
  input.selected.forEach((s, i) => {
    if (typeof s?.targetId !== 'string' || s.targetId.length === 0) refuse(SUBJECT, ['selected', i, 'targetId'], 'không được để trống / must not be empty');
    const first = seen.get(s.targetId);
    if (first !== undefined) refuse(SUBJECT, ['selected', i, 'targetId'], `đơn vị "${s.targetId}" trùng với mục ${first} / target "${s.targetId}" repeats entry ${first}`);
    seen.set(s.targetId, i);
    if (typeof s.districtCode !== 'string' || !/^\d{3}$/.test(s.districtCode)) refuse(SUBJECT, ['selected', i, 'districtCode'], 'mã huyện 3 chữ số / a 3-digit district code');
  });
  const members = input.team?.members;
  if (!isList(members)) refuse(SUBJECT, ['team', 'members'], 'phải là danh sách / must be a list');
  const leads = members.filter((m) => m.role === 'lead').length;
  if (leads !== 1) refuse(SUBJECT, ['team', 'members'], `Tổ cần đúng một Tổ trưởng (có ${leads}) / a team has exactly one lead (found ${leads})`);
  const onTeam = new Set(members.map((m) => m.personId));
  (input.availability ?? []).forEach((a, i) => {
    if (!onTeam.has(a.personId)) refuse(SUBJECT, ['availability', i, 'personId'], `"${a.personId}" không thuộc Tổ / "${a.personId}" is not on the team`);
    checkDates(a.unavailableOn, ['availability', i, 'unavailableOn']);
  });
  if (!isList(input.vehicles)) refuse(SUBJECT, ['vehicles'], 'phải là danh sách / must be a list');
  const vehicleIds = new Set<string>();
  input.vehicles.forEach((v, i) => {
    if (typeof v.id !== 'string' || v.id.length === 0 || vehicleIds.has(v.id))
      refuse(SUBJECT, ['vehicles', i, 'id'], `mã xe trống hoặc trùng / empty or repeated vehicle id "${String(v.id)}"`);
    vehicleIds.add(v.id);
    if (v.unavailableOn !== undefined) checkDates(v.unavailableOn, ['vehicles', i, 'unavailableOn']);
  });
  const perDay = input.visitsPerDayPerGroup;
  if (perDay !== undefined && !isWholeAtLeast(perDay, 1))
    refuse(SUBJECT, ['visitsPerDayPerGroup'], `phải là số nguyên ≥ 1, nhận ${String(perDay)} / must be a whole number ≥ 1, got ${String(perDay)}`);
  if (input.groupLeaders !== undefined && input.groupLeaders !== 'lead' && input.groupLeaders !== 'leadOrDeputy') {
    refuse(SUBJECT, ['groupLeaders'], "phải là 'lead' hoặc 'leadOrDeputy' / must be 'lead' or 'leadOrDeputy'");
  }
  const weekdays = input.workingWeekdays;
  if (weekdays !== undefined) {
    if (!isList(weekdays)) refuse(SUBJECT, ['workingWeekdays'], 'phải là danh sách / must be a list');
    weekdays.forEach((d, i) => {
      if (!Number.isInteger(d) || d < 1 || d > 7) refuse(SUBJECT, ['workingWeekdays', i], 'thứ trong tuần 1 (thứ Hai) … 7 (Chủ nhật) / ISO weekday 1 (Monday) … 7 (Sunday)');
    });
  }
  if (input.skipDates !== undefined) checkDates(input.skipDates, ['skipDates']);
  const { seed } = input;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed))))
    refuse(SUBJECT, ['seed'], 'phải là chuỗi hoặc số hữu hạn / must be a string or a finite number');
}

/**
 * Plans the visits of a campaign: by district and day, each group (the team lead — or, with
 * `groupLeaders: 'leadOrDeputy'`, a deputy — with a secretary and the district's
 * Culture-Information representative) visiting up to `visitsPerDayPerGroup` targets of one
 * district in a day. Pure and deterministic: the same input and seed give the same plan.
 *
 * Rules:
 * - only working days: Monday–Friday by default (Saturdays and Sundays are skipped;
 *   `workingWeekdays` changes it), minus `skipDates`;
 * - nobody is in two groups on one day, and nobody works on a day they are unavailable;
 * - every group has a head; a secretary when the team has any (a day with no secretary free
 *   forms no group); the district's Culture-Information representative when the team has one
 *   for that district (the visit cannot start without the nominee) — a district whose
 *   representatives are all busy waits for another day;
 * - a vehicle is used by one group a day, never on a day it is unavailable; a group with no
 *   vehicle free goes without (`vehicleId: null`);
 * - districts with the most targets left go first each day (ties drawn from the seed); within
 *   a district, targets keep the input order (riskiest first when it comes from `sampleTargets`).
 *   The seed also orders the choice among deputies, secretaries, representatives and vehicles.
 *
 * Each target left over is explained: no working day in the period, the district's
 * representatives never free, or not enough working days.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) at the path: a bad date or period, a target
 *   twice, a team without exactly one lead, availability of someone not on the team, a vehicle
 *   id twice, `visitsPerDayPerGroup` < 1, a weekday outside 1–7.
 *
 * @example
 * ```ts
 * const { visits, unscheduled } = planSchedule({
 *   campaignPeriod: { from: '2021-12-06', to: '2021-12-17' },
 *   selected: sample.selected.map((s) => ({ targetId: s.targetId, districtCode: byId.get(s.targetId)!.districtCode })),
 *   team, vehicles: [{ id: 'xe-1', description: 'Xe 7 chỗ của Văn phòng Sở', providedByOrganizationId: 'org-stttt-vp' }],
 *   seed: 'HT-2021-12',
 * });
 * ```
 */
export function planSchedule(input: ScheduleInput): SchedulePlan {
  checkInput(input);
  const seedText = `${typeof input.seed === 'number' ? String(input.seed) : input.seed}\u0000`;
  const draw = (key: string): number => mulberry32(hashSeed(seedText + key))();
  const seeded = <T>(items: readonly T[], keyOf: (t: T) => string, kind: string): T[] =>
    items
      .map((t) => ({ t, k: keyOf(t), d: draw(`${kind}:${keyOf(t)}`) }))
      .sort((a, b) => a.d - b.d || byText(a.k, b.k))
      .map((x) => x.t);

  const members = input.team.members;
  const unavailable = new Map<string, Set<string>>();
  for (const a of input.availability ?? []) {
    const set = unavailable.get(a.personId) ?? new Set<string>();
    for (const d of a.unavailableOn) set.add(d);
    unavailable.set(a.personId, set);
  }
  const free = (personId: string, day: string): boolean => !(unavailable.get(personId)?.has(day) ?? false);

  const lead = members.find((m) => m.role === 'lead') as TeamMember;
  const heads = [
    lead,
    ...(input.groupLeaders === 'leadOrDeputy'
      ? seeded(
          members.filter((m) => m.role === 'deputy'),
          (m) => m.personId,
          'deputy',
        )
      : []),
  ];
  const secretaries = seeded(
    members.filter((m) => m.role === 'secretary'),
    (m) => m.personId,
    'secretary',
  );
  const reps = new Map<string, TeamMember[]>();
  for (const m of seeded(
    members.filter((m) => m.source === 'district_culture_info' && m.districtCode !== null),
    (m) => m.personId,
    'rep',
  )) {
    const list = reps.get(m.districtCode as string) ?? [];
    list.push(m);
    reps.set(m.districtCode as string, list);
  }
  const vehicles = seeded(input.vehicles, (v) => v.id, 'vehicle');
  const vehicleOff = new Map(input.vehicles.map((v) => [v.id, new Set(v.unavailableOn ?? [])]));

  const queues = new Map<string, string[]>();
  for (const s of input.selected) {
    const q = queues.get(s.districtCode) ?? [];
    q.push(s.targetId);
    queues.set(s.districtCode, q);
  }
  const districtDraw = new Map([...queues.keys()].map((d) => [d, draw(`district:${d}`)]));
  const perDay = input.visitsPerDayPerGroup ?? 3;
  const weekdays = new Set(input.workingWeekdays ?? [1, 2, 3, 4, 5]);
  const skip = new Set(input.skipDates ?? []);
  const days: string[] = [];
  for (let d = input.campaignPeriod.from; d <= input.campaignPeriod.to; d = addCivilDays(d, 1)) if (weekdays.has(isoWeekday(d)) && !skip.has(d)) days.push(d);

  const visits: PlannedVisit[] = [];
  const repEverFree = new Set<string>();
  for (const day of days) {
    const busy = new Set<string>();
    const vehiclesUsed = new Set<string>();
    for (const [district, list] of reps) if (list.some((m) => free(m.personId, day))) repEverFree.add(district);
    for (const head of heads) {
      if (busy.has(head.personId) || !free(head.personId, day)) continue;
      const secretary = secretaries.find((m) => !busy.has(m.personId) && m.personId !== head.personId && free(m.personId, day));
      if (secretaries.length > 0 && secretary === undefined) break;
      const taken = new Set([head.personId, ...(secretary ? [secretary.personId] : [])]);
      const candidates = [...queues.entries()]
        .filter(([, q]) => q.length > 0)
        .sort(([a, qa], [b, qb]) => qb.length - qa.length || (districtDraw.get(a) ?? 0) - (districtDraw.get(b) ?? 0) || byText(a, b));
      let chosen: { district: string; rep: TeamMember | undefined } | undefined;
      for (const [district] of candidates) {
        const list = reps.get(district);
        if (list === undefined) {
          chosen = { district, rep: undefined };
          break;
        }
        const rep = list.find((m) => !busy.has(m.personId) && !taken.has(m.personId) && free(m.personId, day));
        if (rep !== undefined) {
          chosen = { district, rep };
          break;
        }
      }
      if (chosen === undefined) continue;
      const group = [head, ...(secretary ? [secretary] : []), ...(chosen.rep ? [chosen.rep] : [])].map((m) => m.personId);
      for (const id of group) busy.add(id);
      const vehicle = vehicles.find((v) => !vehiclesUsed.has(v.id) && !(vehicleOff.get(v.id)?.has(day) ?? false));
      if (vehicle) vehiclesUsed.add(vehicle.id);
      const queue = queues.get(chosen.district) as string[];
      for (const targetId of queue.splice(0, perDay)) {
        visits.push({ targetId, districtCode: chosen.district, scheduledOn: day, memberIds: [...group], vehicleId: vehicle?.id ?? null });
      }
    }
  }

  const unscheduled: UnscheduledTarget[] = [];
  const { from, to } = input.campaignPeriod;
  for (const s of input.selected) {
    if (!(queues.get(s.districtCode) ?? []).includes(s.targetId)) continue;
    let reasonVi: string;
    let reasonEn: string;
    if (days.length === 0) {
      reasonVi = `không có ngày làm việc nào từ ${from} đến ${to} (bỏ thứ Bảy, Chủ nhật và ngày nghỉ)`;
      reasonEn = `no working day from ${from} to ${to} (weekends and skipped dates left out)`;
    } else if (reps.has(s.districtCode) && !repEverFree.has(s.districtCode)) {
      reasonVi = `đại diện Phòng Văn hóa – Thông tin huyện ${s.districtCode} bận mọi ngày làm việc trong thời gian kiểm tra`;
      reasonEn = `the Culture-Information representative of district ${s.districtCode} is unavailable on every working day of the period`;
    } else {
      reasonVi = `không đủ ngày làm việc: ${days.length} ngày, mỗi đoàn tối đa ${perDay} đơn vị/ngày trong một huyện (Tổ trưởng, thư ký hoặc đại diện huyện bận)`;
      reasonEn = `not enough working days: ${days.length} days, at most ${perDay} units a day per group in one district (lead, secretary or district representative busy)`;
    }
    unscheduled.push({ targetId: s.targetId, reasonVi, reasonEn });
  }
  return { visits, unscheduled };
}
