import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { campaignMachine, unsettledVisitIds } from './campaign-machine.js';
import type { CampaignMachineEvent } from './campaign-machine-schemas.js';
import { SAMPLE_INPUTS } from './fixtures/sample-events.js';

type Snap = SnapshotFrom<typeof campaignMachine>;

function send(snapshot: Snap, ...events: CampaignMachineEvent[]): Snap {
  let current = snapshot;
  for (const event of events) {
    const [next, actions] = transition(campaignMachine, current, event);
    expect(actions).toEqual([]); // only assign: nothing to execute
    current = next;
  }
  return current;
}

const start = (): Snap => initialTransition(campaignMachine, SAMPLE_INPUTS.campaign)[0];
const team = [
  { memberId: 'm-thanhtra-01', role: 'lead' },
  { memberId: 'm-cntt-02', role: 'member' },
  { memberId: 'm-vhtt-443', role: 'member' },
  { memberId: 'm-vanphong-04', role: 'secretary' },
] as const;
const V1 = 'visit-443-cho-nghen';
const V2 = 'visit-436-bv-tinh';
const toScheduled = (): Snap =>
  send(
    start(),
    { type: 'plan.issue' },
    { type: 'nomination.request' },
    { type: 'team.form', members: [...team] },
    { type: 'schedule.fix', visitIds: [V1, V2] },
  );
const toInspecting = (): Snap => send(toScheduled(), { type: 'inspection.begin' });
const toReporting = (): Snap =>
  send(toInspecting(), { type: 'visit.reviewed', visitId: V1 }, { type: 'visit.cancelled', visitId: V2 }, { type: 'report.begin' });

describe('campaign machine', () => {
  it('starts in draft with the nomination deadline of the plan and nothing recorded', () => {
    const [s0, actions] = initialTransition(campaignMachine, SAMPLE_INPUTS.campaign);
    expect(actions).toEqual([]);
    expect(s0.value).toBe('draft');
    expect(s0.context).toMatchObject({ nominationDeadline: '2021-11-28', nominationWindowClosed: false, nominations: [], leadMemberId: null });
  });

  it('issues the plan and requests nominations', () => {
    const issued = send(start(), { type: 'plan.issue' });
    expect(issued.value).toBe('issued');
    expect(send(issued, { type: 'nomination.request' }).value).toBe('nominating');
  });

  it('records a nomination received on or before 28/11/2021 as on time and a later one as late', () => {
    const s = send(
      start(),
      { type: 'plan.issue' },
      { type: 'nomination.request' },
      { type: 'nomination.record', nominationId: 'nom-vhtt-443', receivedOn: '2021-11-28' },
      { type: 'nomination.record', nominationId: 'nom-syt', receivedOn: '2021-11-29' },
    );
    expect(s.value).toBe('nominating');
    expect(s.context.nominations).toEqual([
      { nominationId: 'nom-vhtt-443', receivedOn: '2021-11-28', late: false },
      { nominationId: 'nom-syt', receivedOn: '2021-11-29', late: true },
    ]);
  });

  it('refuses to record the same nomination twice (isNewNomination)', () => {
    const s = send(start(), { type: 'plan.issue' }, { type: 'nomination.request' }, { type: 'nomination.record', nominationId: 'n1', receivedOn: '2021-11-20' });
    const event = { type: 'nomination.record', nominationId: 'n1', receivedOn: '2021-11-21' } as const;
    expect(s.can(event)).toBe(false);
    expect(send(s, event).context.nominations).toHaveLength(1);
  });

  it('forms the team only with exactly one lead (hasLead) and keeps the lead', () => {
    const nominating = send(start(), { type: 'plan.issue' }, { type: 'nomination.request' });
    expect(nominating.can({ type: 'team.form', members: [{ memberId: 'm-cntt-02', role: 'member' }] })).toBe(false);
    const twoLeads = { type: 'team.form' as const, members: [{ memberId: 'a', role: 'lead' as const }, { memberId: 'b', role: 'lead' as const }] };
    expect(nominating.can(twoLeads)).toBe(false);
    const formed = send(nominating, { type: 'team.form', members: [...team] });
    expect(formed.value).toBe('teamFormed');
    expect(formed.context.leadMemberId).toBe('m-thanhtra-01');
  });

  it('fixes the schedule, adds a visit, cancels one before inspection and begins inspecting', () => {
    const scheduled = toScheduled();
    expect(scheduled.value).toBe('scheduled');
    expect(scheduled.context.visitIds).toEqual([V1, V2]);
    const s = send(scheduled, { type: 'visit.add', visitId: 'visit-449-kcn-vung-ang' }, { type: 'visit.cancelled', visitId: V2 });
    expect(s.context.visitIds).toEqual([V1, V2, 'visit-449-kcn-vung-ang']);
    expect(s.context.cancelledVisitIds).toEqual([V2]);
    expect(s.can({ type: 'visit.add', visitId: V1 })).toBe(false); // isNewVisit
    expect(s.can({ type: 'visit.cancelled', visitId: V2 })).toBe(false); // isOpenVisit
    expect(send(s, { type: 'inspection.begin' }).value).toBe('inspecting');
  });

  it('begins reporting only once every visit is reviewed or cancelled (isEveryVisitSettled)', () => {
    let s = toInspecting();
    expect(s.can({ type: 'report.begin' })).toBe(false);
    s = send(s, { type: 'visit.reviewed', visitId: V1 });
    expect(unsettledVisitIds(s.context)).toEqual([V2]);
    expect(s.can({ type: 'report.begin' })).toBe(false);
    expect(s.can({ type: 'visit.reviewed', visitId: V1 })).toBe(false); // already reviewed
    expect(s.can({ type: 'visit.reviewed', visitId: 'visit-unknown' })).toBe(false); // not scheduled
    s = send(s, { type: 'visit.cancelled', visitId: V2 }, { type: 'report.begin' });
    expect(s.value).toBe('reporting');
  });

  it('tracks remediation opened during inspection and settled later; closes only with none open', () => {
    let s = send(toInspecting(), { type: 'remediation.opened', remediationId: 'rem-1' });
    expect(s.can({ type: 'remediation.opened', remediationId: 'rem-1' })).toBe(false); // isNewRemediation
    s = send(s, { type: 'visit.reviewed', visitId: V1 }, { type: 'visit.reviewed', visitId: V2 }, { type: 'report.begin' });
    expect(s.can({ type: 'campaign.close' })).toBe(false); // hasNoOpenRemediation
    s = send(s, { type: 'followUp.begin' });
    expect(s.value).toBe('followingUp');
    expect(s.can({ type: 'remediation.settled', remediationId: 'rem-2' })).toBe(false); // isOpenRemediation
    s = send(s, { type: 'remediation.settled', remediationId: 'rem-1' });
    expect(s.context).toMatchObject({ openRemediationIds: [], settledRemediationIds: ['rem-1'] });
    expect(s.can({ type: 'remediation.opened', remediationId: 'rem-1' })).toBe(false); // settled ids are not reopened
    s = send(s, { type: 'campaign.close' });
    expect(s.value).toBe('closed');
    expect(s.status).toBe('done');
  });

  it('closes straight from reporting when nothing needs follow-up', () => {
    const s = send(toReporting(), { type: 'campaign.close' });
    expect(s.value).toBe('closed');
  });

  it('opens remediation while reporting, which then blocks closing until settled', () => {
    let s = send(toReporting(), { type: 'remediation.opened', remediationId: 'rem-9' });
    expect(s.can({ type: 'campaign.close' })).toBe(false);
    s = send(s, { type: 'remediation.settled', remediationId: 'rem-9' }, { type: 'campaign.close' });
    expect(s.value).toBe('closed');
  });

  it('closes the nomination window on the first tick after the deadline, and keeps it closed', () => {
    let s = send(start(), { type: 'clock.tick', today: '2021-11-28' });
    expect(s.context.nominationWindowClosed).toBe(false);
    s = send(s, { type: 'clock.tick', today: '2021-11-29' });
    expect(s.value).toBe('draft');
    expect(s.context.nominationWindowClosed).toBe(true);
    s = send(s, { type: 'clock.tick', today: '2021-11-01' }); // a stale tick never reopens it
    expect(s.context.nominationWindowClosed).toBe(true);
  });

  it('accepts the clock in every state but closed, and nothing at all once closed', () => {
    const closed = send(toReporting(), { type: 'campaign.close' });
    expect(closed.can({ type: 'clock.tick', today: '2022-01-01' })).toBe(false);
    for (const s of [start(), toScheduled(), toInspecting(), toReporting()]) {
      expect(s.can({ type: 'clock.tick', today: '2022-01-01' })).toBe(true);
    }
  });
});
