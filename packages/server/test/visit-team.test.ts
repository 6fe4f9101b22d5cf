import { COMMANDS, RoleSchema, type Actor, type Role } from '@pccovid-inspect/core';
import { HA_TINH_2021_UNIT_PROFILES, unitAnswers } from '@pccovid-inspect/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, call, command, newKey, query, startServer, tokenFor, type TestServer } from './server-harness.js';

/**
 * A person on the campaign's team but not on a visit's `memberIds` is refused every endpoint that
 * acts on that visit — over HTTP, with a valid body, at every step of the visit — and the visit is
 * unchanged after; the same person assigned to another visit goes through every one of them.
 */

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
const DAY = '2021-12-07';

/** On the campaign's team, on `visit-02` only (not on `visit-01`). */
const ON_TEAM: Actor[] = [{ role: 'teamMember', id: 'p-health' }, ACTORS.secretary];
const STRANGER_VISIT = { visitId: 'visit-01', targetId: 'tg-cho-ht', memberIds: ['p-lead', 'p-vhtt-436'] };
const ASSIGNED_VISIT = { visitId: 'visit-02', targetId: 'tg-bv-tinh', memberIds: ['p-lead', 'p-secretary', 'p-health', 'p-vhtt-436'] };

type Entry = (typeof COMMANDS)[keyof typeof COMMANDS];
const inputKeys = (c: Entry): string[] => Object.keys((c.input as unknown as { shape?: Record<string, unknown> }).shape ?? {});
const openToEveryone = (c: Entry): boolean => RoleSchema.options.every((r) => c.roles.includes(r));

/**
 * The endpoints bound to a visit's team, from the command table: every command whose input names a
 * `visitId`, and every such query not open to every reader (`visitPacket.export` takes the visit's
 * data to a device; `visit.get` is a read every reader of the campaign may make).
 */
const TEAM_BOUND = Object.values(COMMANDS).filter((c) => inputKeys(c).includes('visitId') && (c.kind === 'command' || !openToEveryone(c)));
const endpointsFor = (role: Role): Entry[] => TEAM_BOUND.filter((c) => c.roles.includes(role));
const pathOf = (c: Entry) => `/v1/${c.kind === 'command' ? 'commands' : 'queries'}/${c.name}`;

/** The visit as its packet says it now (version, answers, state), exported by the Chief Inspector. */
interface Now {
  visitId: string;
  version: number;
  answers: Record<string, unknown>;
}

type Stage = 'scheduled' | 'underway' | 'answered';
const STAGES: Stage[] = ['scheduled', 'underway', 'answered'];

/**
 * A valid body for each team-bound endpoint, and the step of the visit where an assigned person
 * may call it. A new team-bound endpoint in the table fails the test until it is added here.
 */
const BODIES: Record<string, { stage: Stage; body: (now: Now, answers: Record<string, unknown>) => Record<string, unknown> }> = {
  'visitPacket.export': { stage: 'scheduled', body: (now) => ({ visitId: now.visitId }) },
  'visit.start': { stage: 'scheduled', body: (now) => ({ visitId: now.visitId }) },
  'answers.record': { stage: 'underway', body: (now, answers) => ({ visitId: now.visitId, answers: half(answers, 0) }) },
  'visitPacket.merge': {
    stage: 'underway',
    body: (now, answers) => {
      const rest = half(answers, 1);
      return { visitId: now.visitId, baseVersion: now.version, base: Object.fromEntries(Object.keys(rest).map((k) => [k, now.answers[k] ?? null])), answers: rest, complete: true };
    },
  },
  'minutes.draft': {
    stage: 'answered',
    body: (now) => ({
      visitId: now.visitId,
      endedAt: at(DAY, '10:00'),
      place: 'Tại đơn vị',
      representatives: [{ fullName: 'Phạm Thị Lựu', position: 'Trưởng Ban quản lý' }],
      assessment: 'Đơn vị đã niêm yết mã QR PC-Covid',
    }),
  },
};

/** The first or second half of the answers, by item id. */
function half(answers: Record<string, unknown>, which: 0 | 1): Record<string, unknown> {
  const ids = Object.keys(answers).sort();
  const cut = Math.ceil(ids.length / 2);
  return Object.fromEntries((which === 0 ? ids.slice(0, cut) : ids.slice(cut)).map((id) => [id, answers[id]]));
}

describe('a person not on the visit’s team, over HTTP, on every team-bound endpoint', () => {
  let s: TestServer;
  const answersOf = (targetId: string) => unitAnswers(HA_TINH_2021_UNIT_PROFILES[targetId]!, DAY, targetId) as Record<string, unknown>;

  const now = async (visitId: string): Promise<Now> => {
    const packet = (await query(s.url, ACTORS.lead, 'visitPacket.export', { visitId })) as unknown as { visit: { version: number }; answers: Record<string, unknown> };
    return { visitId, version: packet.visit.version, answers: packet.answers };
  };
  /** What a refusal must leave as it was: the visit as read, its packet (version, answers) and the audit chain. */
  const snapshot = async (visitId: string): Promise<string> =>
    JSON.stringify({
      visit: await query(s.url, ACTORS.director, 'visit.get', { visitId }),
      packet: await query(s.url, ACTORS.lead, 'visitPacket.export', { visitId }),
      audit: await query(s.url, ACTORS.director, 'audit.verify', {}),
    });

  beforeAll(async () => {
    s = await startServer();
    const { director, lead } = ACTORS;
    const { seed } = s;
    const campaignId = seed.campaign.id;
    await command(s.url, director, 'directory.register', { organizations: seed.bodies, people: seed.people });
    await command(s.url, director, 'campaign.create', { campaign: seed.campaign });
    await command(s.url, director, 'plan.issue', { campaignId, issuedOn: '2021-11-26' });
    await command(s.url, lead, 'nominations.request', { campaignId, sentOn: '2021-11-26' });
    s.clock.set(at('2021-11-27', '09:00'));
    await command(s.url, lead, 'nomination.record', { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null });
    await command(s.url, lead, 'nomination.record', { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-27', districtCode: '436' });
    s.clock.set(at('2021-11-30', '08:00'));
    const members = [
      { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
      { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
    ];
    await command(s.url, director, 'team.form', { campaignId, name: 'Tổ Kiểm tra PC-Covid', members, decidedOn: '2021-11-30' });
    for (const target of seed.targets) await command(s.url, lead, 'target.register', { target });
    for (const v of [STRANGER_VISIT, ASSIGNED_VISIT]) await command(s.url, lead, 'visit.schedule', { ...v, campaignId, scheduledOn: DAY });
    await command(s.url, lead, 'schedule.fix', { campaignId });
    s.clock.set(at(DAY, '08:00'));
  }, 120_000);
  afterAll(() => s?.close());

  it('derives a non-empty list of endpoints for each role, each with a body here', () => {
    for (const actor of ON_TEAM) {
      const names = endpointsFor(actor.role).map((c) => c.name);
      console.log(`${actor.role} (${actor.id}): ${names.length} team-bound endpoints — ${names.join(', ')}`);
      expect(names.length, `no team-bound endpoint for ${actor.role}`).toBeGreaterThan(0);
      for (const n of names) expect(Object.keys(BODIES), `no body for ${n}: add it to BODIES`).toContain(n);
    }
    expect(endpointsFor('secretary').map((c) => c.name)).toEqual(expect.arrayContaining(['visit.start', 'answers.record', 'minutes.draft']));
  });

  it('refuses each of them at every step of the visit with 403 FORBIDDEN, and the visit is unchanged', async () => {
    const { visitId, targetId } = STRANGER_VISIT;
    const answers = answersOf(targetId);
    let refused = 0;
    for (const stage of STAGES) {
      const current = await now(visitId);
      const before = await snapshot(visitId);
      for (const actor of ON_TEAM) {
        const token = await tokenFor(actor);
        for (const c of endpointsFor(actor.role)) {
          const res = await call(s.url, pathOf(c), { token, body: BODIES[c.name]!.body(current, answers), key: c.kind === 'command' ? newKey() : null });
          const where = { stage, actor: actor.id, endpoint: c.name };
          expect({ ...where, status: res.status, code: res.body.code }).toEqual({ ...where, status: 403, code: 'FORBIDDEN' });
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(res.body).toMatchObject({ status: 403, instance: pathOf(c), type: 'urn:pccovid-inspect:problem:forbidden' });
          expect(res.body.messageEn).toContain(`not on the team of visit ${visitId}`);
          expect(res.body.messageVi).toContain(`không có tên trong đoàn của cuộc kiểm tra ${visitId}`);
          expect(await snapshot(visitId), `${actor.id} ${c.name} at ${stage} changed the visit`).toBe(before);
          refused++;
        }
      }
      // The Chief Inspector (who covers every visit) takes the visit one step on.
      if (stage === 'scheduled') await command(s.url, ACTORS.lead, 'visit.start', { visitId });
      if (stage === 'underway') await command(s.url, ACTORS.lead, 'answers.record', { visitId, answers, complete: true });
    }
    console.log(`${refused} refusals over ${STAGES.length} steps of ${visitId}`);
    expect(refused).toBe(STAGES.length * ON_TEAM.reduce((n, a) => n + endpointsFor(a.role).length, 0));
  }, 120_000);

  it('lets the same people, assigned to the visit, through every one of them', async () => {
    const { visitId, targetId } = ASSIGNED_VISIT;
    const answers = answersOf(targetId);
    const names = [...new Set(ON_TEAM.flatMap((a) => endpointsFor(a.role).map((c) => c.name)))];
    const ordered = STAGES.flatMap((stage) => names.filter((n) => BODIES[n]!.stage === stage));
    for (const name of ordered) {
      const c = Object.values(COMMANDS).find((x) => x.name === name)!;
      const actor = ON_TEAM.find((a) => c.roles.includes(a.role))!;
      const res = await call(s.url, pathOf(c), {
        token: await tokenFor(actor),
        body: BODIES[name]!.body(await now(visitId), answers),
        key: c.kind === 'command' ? newKey() : null,
      });
      expect({ endpoint: name, actor: actor.id, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
        endpoint: name,
        actor: actor.id,
        status: 200,
        body: null,
      });
    }
    const visit = await query(s.url, ACTORS.director, 'visit.get', { visitId });
    expect(visit).toMatchObject({ startedAt: at(DAY, '08:00') });
    expect(visit.state).not.toBe('scheduled');
  }, 120_000);
});
