import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { campaignMachine } from './campaign-machine.js';
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
const toScheduled = (): Snap =>
  send(start(), { type: 'plan.issue' }, { type: 'nomination.request' }, { type: 'team.form', members: [...team] }, { type: 'schedule.fix', visits: 2 });
const toInspecting = (): Snap => send(toScheduled(), { type: 'inspection.begin' });
const toReporting = (): Snap => send(toInspecting(), { type: 'report.begin', unsettledVisits: 0 });
const close = { type: 'campaign.close', openRemediations: 0 } as const;

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
    const twoLeads = {
      type: 'team.form' as const,
      members: [
        { memberId: 'a', role: 'lead' as const },
        { memberId: 'b', role: 'lead' as const },
      ],
    };
    expect(nominating.can(twoLeads)).toBe(false);
    const formed = send(nominating, { type: 'team.form', members: [...team] });
    expect(formed.value).toBe('teamFormed');
    expect(formed.context.leadMemberId).toBe('m-thanhtra-01');
  });

  it('fixes the schedule with the visits the service counted (hasScheduledVisits), adds one later and begins inspecting', () => {
    const formed = send(start(), { type: 'plan.issue' }, { type: 'nomination.request' }, { type: 'team.form', members: [...team] });
    expect(formed.can({ type: 'schedule.fix', visits: 0 })).toBe(false); // an empty schedule
    const scheduled = toScheduled();
    expect(scheduled.value).toBe('scheduled');
    expect(scheduled.context.visits).toBe(2);
    const s = send(scheduled, { type: 'visit.add', visitId: 'visit-449-kcn-vung-ang' });
    expect(s.context.visits).toBe(3);
    expect(s.can({ type: 'visit.add', visitId: 'visit-450' })).toBe(true); // the visit record itself refuses a repeat id
    expect(send(s, { type: 'inspection.begin' }).value).toBe('inspecting');
  });

  it('no longer hears of reviews or cancellations of visits: nothing in the context grows with them', () => {
    const s = toInspecting();
    expect(Object.keys(s.context).sort()).toEqual(['campaignId', 'leadMemberId', 'nominationDeadline', 'nominationWindowClosed', 'nominations', 'remediations', 'visits']);
    for (const type of ['visit.reviewed', 'visit.cancelled', 'remediation.settled']) {
      expect(s.can({ type, visitId: 'visit-443-cho-nghen', remediationId: 'rem-1' } as unknown as CampaignMachineEvent)).toBe(false);
    }
  });

  it('begins reporting only when the event says no visit is unsettled (isEveryVisitSettled)', () => {
    const s = toInspecting();
    expect(s.can({ type: 'report.begin', unsettledVisits: 1 })).toBe(false);
    expect(s.can({ type: 'report.begin', unsettledVisits: 5000 })).toBe(false);
    expect(send(s, { type: 'report.begin', unsettledVisits: 0 }).value).toBe('reporting');
  });

  it('counts remediation opened during inspection and later; closes only when the event says none is open', () => {
    let s = send(toInspecting(), { type: 'remediation.opened', remediationId: 'rem-1' });
    expect(s.context.remediations).toBe(1);
    s = send(s, { type: 'report.begin', unsettledVisits: 0 });
    expect(s.can({ type: 'campaign.close', openRemediations: 1 })).toBe(false); // hasNoOpenRemediation
    s = send(s, { type: 'followUp.begin' }, { type: 'remediation.opened', remediationId: 'rem-2' });
    expect(s.value).toBe('followingUp');
    expect(s.context.remediations).toBe(2);
    expect(s.can({ type: 'campaign.close', openRemediations: 2 })).toBe(false);
    s = send(s, close);
    expect(s.value).toBe('closed');
    expect(s.status).toBe('done');
  });

  it('closes straight from reporting when nothing needs follow-up', () => {
    expect(send(toReporting(), close).value).toBe('closed');
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
    const closed = send(toReporting(), close);
    expect(closed.can({ type: 'clock.tick', today: '2022-01-01' })).toBe(false);
    for (const s of [start(), toScheduled(), toInspecting(), toReporting()]) {
      expect(s.can({ type: 'clock.tick', today: '2022-01-01' })).toBe(true);
    }
  });
});
