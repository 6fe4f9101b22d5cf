import { getShortestPaths } from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../errors/invalid-transition-error.js';
import { SAMPLE_EVENTS, SAMPLE_INPUTS, sampleEventsFor } from './fixtures/sample-events.js';
import { applyLifecycleEvent, canApply, lifecycleState } from './lifecycle-api.js';
import { LIFECYCLE_KINDS, type LifecycleKind } from './lifecycle-kind.js';
import { LIFECYCLE_MACHINES, type LifecycleEvent } from './lifecycle-machines.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';

/** What each state accepts — the design, pinned. Every other event type is INVALID_TRANSITION. */
const ACCEPTED: { [K in LifecycleKind]: Record<string, string[]> } = {
  campaign: {
    draft: ['clock.tick', 'plan.issue'],
    issued: ['clock.tick', 'nomination.request'],
    nominating: ['clock.tick', 'nomination.record', 'team.form'],
    teamFormed: ['clock.tick', 'schedule.fix'],
    scheduled: ['clock.tick', 'inspection.begin', 'visit.add'],
    inspecting: ['clock.tick', 'remediation.opened', 'report.begin', 'visit.add'],
    reporting: ['campaign.close', 'clock.tick', 'followUp.begin', 'remediation.opened'],
    followingUp: ['campaign.close', 'clock.tick', 'remediation.opened'],
    closed: [],
  },
  visit: {
    planned: ['clock.tick', 'members.assign', 'visit.cancel', 'visit.reschedule', 'visit.start'],
    underway: ['checklist.complete', 'clock.tick', 'item.answer'],
    answered: ['item.answer', 'minutes.draft'],
    minutesDrafted: ['minutes.refuseSignature', 'minutes.sign', 'signature.record'],
    minutesSigned: ['visit.review'],
    signatureRefused: ['visit.review'],
    reviewed: ['visit.close'],
    closed: [],
    cancelled: [],
  },
  remediation: {
    open: ['clock.tick', 'deadline.set', 'recheck.record', 'remediation.remind'],
    reminded: ['clock.tick', 'deadline.set', 'recheck.record', 'remediation.remind', 'sanction.propose'],
    deadlineSet: ['clock.tick', 'deadline.set', 'recheck.record', 'remediation.remind', 'sanction.propose'],
    rechecked: ['clock.tick', 'deadline.set', 'recheck.record', 'sanction.propose'],
    resolved: [],
    sanctionProposed: [],
  },
};

/** One reachable snapshot per state, persisted as storage would hold it (found with xstate/graph). */
function persistedByState(kind: LifecycleKind): Map<string, PersistedLifecycle> {
  const { machine, machineVersion } = LIFECYCLE_MACHINES[kind];
  const paths = getShortestPaths(machine, { input: SAMPLE_INPUTS[kind], events: sampleEventsFor(kind) });
  const byState = new Map<string, PersistedLifecycle>();
  for (const path of paths) {
    const state = path.state as AnyMachineSnapshot;
    if (byState.has(String(state.value))) continue;
    const snapshot = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(state as never))) as PersistedLifecycle['snapshot'];
    byState.set(String(state.value), { machineId: kind, machineVersion, snapshot });
  }
  return byState;
}

describe.each(LIFECYCLE_KINDS)('every wrong event in every state of the %s lifecycle', (kind) => {
  const reached = persistedByState(kind);
  const eventTypes = [...new Set(SAMPLE_EVENTS[kind].map((e) => e.type))];

  it('reaches every state and samples every event type', () => {
    expect([...reached.keys()].sort()).toEqual([...LIFECYCLE_MACHINES[kind].states].sort());
    const declared = new Set(LIFECYCLE_MACHINES[kind].states.flatMap((s) => ACCEPTED[kind][s] ?? []));
    expect(eventTypes.sort()).toEqual([...declared].sort());
  });

  it.each(LIFECYCLE_MACHINES[kind].states.map((s) => [s]))('state %s accepts exactly its events and refuses the rest', (state) => {
    const persisted = reached.get(state);
    if (!persisted) throw new Error(`state ${state} not reached`);
    const accepted = ACCEPTED[kind][state] ?? [];
    expect([...lifecycleState(persisted).acceptedEvents].sort()).toEqual(accepted);
    for (const event of SAMPLE_EVENTS[kind] as readonly LifecycleEvent<typeof kind>[]) {
      if (accepted.includes(event.type)) continue;
      expect(canApply(kind, persisted, event)).toBe(false);
      let thrown: unknown;
      try {
        applyLifecycleEvent(kind, persisted, event);
      } catch (e) {
        thrown = e;
      }
      expect(InvalidTransitionError.isInstance(thrown), `${state} + ${event.type}`).toBe(true);
      expect(thrown).toMatchObject({ code: 'INVALID_TRANSITION', machineId: kind, state, event: event.type, guard: undefined });
    }
  });
});
