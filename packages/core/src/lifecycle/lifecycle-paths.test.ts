import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { StatePath } from 'xstate/graph';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignMachine } from './campaign-machine.js';
import type { CampaignMachineContext } from './campaign-machine-schemas.js';
import { walkSimplePaths } from './fixtures/graph-walk.js';
import { SAMPLE_INPUTS, sampleEventsFor } from './fixtures/sample-events.js';
import { remediationMachine } from './remediation-machine.js';
import type { RemediationMachineContext } from './remediation-machine-schemas.js';
import { hasDistrictRepresentativeAssigned, unansweredRequiredItemIds, visitMachine } from './visit-machine.js';
import type { VisitMachineContext } from './visit-machine-schemas.js';

type Path = StatePath<AnyMachineSnapshot, EventObject>;
/** A snapshot whose context is typed (`AnyMachineSnapshot & { context: C }` would keep it `any`). */
type SnapshotOf<C> = Omit<AnyMachineSnapshot, 'context'> & { context: C };
interface Step<C> {
  prev: SnapshotOf<C>;
  state: SnapshotOf<C>;
  event: EventObject;
}

/** Every step (previous state, event, state) of every path; steps[0] of a path is the start. */
function stepsOf<C>(paths: Path[]): Step<C>[] {
  return paths.flatMap((p) => p.steps.slice(1).map((s, i) => ({ prev: p.steps[i]!.state, state: s.state, event: s.event })));
}

/**
 * Walking every simple path takes seconds (the campaign walk ~5 s alone on 2 idle cores, several
 * times that under load), so each walk runs once, in its describe's `beforeAll`, with its own
 * timeout; each check over thousands of steps has its own timeout too.
 */
const WALK_TIMEOUT_MS = 180_000;
const CHECK_TIMEOUT_MS = 60_000;

// Graph nodes are the state plus the guard-relevant shape of the context; the invariants are checked on the real snapshots.
const walkCampaignPaths = (): Path[] =>
  walkSimplePaths(campaignMachine, {
    input: SAMPLE_INPUTS.campaign,
    events: sampleEventsFor('campaign'),
    serializeState: (s) => {
      const c = s.context as CampaignMachineContext;
      return JSON.stringify([s.value, c.nominations.map((n) => n.late), c.nominationWindowClosed, c.visits, c.remediations]);
    },
    phases: ['teamFormed', 'reporting', 'closed'],
    phaseKey: (s) => {
      const c = s.context as CampaignMachineContext;
      return JSON.stringify([s.value, c.visits, c.remediations]);
    },
  });
const walkVisitPaths = (): Path[] =>
  walkSimplePaths(visitMachine, {
    input: SAMPLE_INPUTS.visit,
    events: sampleEventsFor('visit'),
    serializeState: (s) => {
      const c = s.context as VisitMachineContext;
      return JSON.stringify([
        s.value,
        hasDistrictRepresentativeAssigned(c),
        unansweredRequiredItemIds(c).length,
        c.signatures.inspectedUnit !== null,
        c.signatures.teamLead !== null,
        c.signatureRefusalReason !== null,
        c.overdue,
        c.windowEnd,
      ]);
    },
  });
const walkRemediationPaths = (): Path[] =>
  walkSimplePaths(remediationMachine, {
    input: SAMPLE_INPUTS.remediation,
    events: sampleEventsFor('remediation'),
    serializeState: (s) => {
      const c = s.context as RemediationMachineContext;
      return JSON.stringify([s.value, c.reminderCount, c.dueOn, c.overdue, c.lastRecheck?.outcome ?? null]);
    },
  });

const reached = (paths: Path[]) => [...new Set(paths.map((p) => String(p.state.value)))].sort();

describe('every reachable path of the campaign lifecycle (xstate/graph)', () => {
  let paths: Path[] = [];
  beforeAll(() => {
    paths = walkCampaignPaths();
  }, WALK_TIMEOUT_MS);

  it(
    'walks simple paths into every state',
    () => {
      expect(paths.length).toBeGreaterThan(100); // v2 has no visit or remediation ids in context: far fewer distinct states than v1
      expect(reached(paths)).toEqual(Object.keys(campaignMachine.root.states).sort());
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'enters reporting only on a report.begin counting no unsettled visit, and closed only on a close counting no open remediation',
    () => {
      const steps = stepsOf<CampaignMachineContext>(paths);
      const entries = (value: string) => steps.filter((s) => s.state.value === value && s.prev.value !== value);
      expect(entries('reporting').length).toBeGreaterThan(0);
      for (const { event } of entries('reporting')) expect(event).toMatchObject({ type: 'report.begin', unsettledVisits: 0 });
      expect(entries('closed').length).toBeGreaterThan(0);
      for (const { event } of entries('closed')) expect(event).toMatchObject({ type: 'campaign.close', openRemediations: 0 });
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'keeps its records consistent on every step, with counts that never shrink',
    () => {
      for (const { prev, state, event } of stepsOf<CampaignMachineContext>(paths)) {
        const c = state.context;
        for (const n of c.nominations) expect(n.late).toBe(n.receivedOn > c.nominationDeadline);
        if (!['draft', 'issued', 'nominating'].includes(String(state.value))) expect(c.leadMemberId).not.toBeNull();
        if (!['draft', 'issued', 'nominating', 'teamFormed'].includes(String(state.value))) expect(c.visits).toBeGreaterThan(0);
        expect(c.visits).toBeGreaterThanOrEqual(prev.context.visits);
        expect(c.remediations).toBeGreaterThanOrEqual(prev.context.remediations);
        if (c.visits !== prev.context.visits) expect(['schedule.fix', 'visit.add']).toContain(event.type);
        if (c.remediations !== prev.context.remediations) expect([event.type, c.remediations]).toEqual(['remediation.opened', prev.context.remediations + 1]);
        if (c.nominationWindowClosed && !prev.context.nominationWindowClosed) expect(event.type).toBe('clock.tick');
      }
    },
    CHECK_TIMEOUT_MS,
  );
});

describe('every reachable path of the visit lifecycle (xstate/graph)', () => {
  let paths: Path[] = [];
  beforeAll(() => {
    paths = walkVisitPaths();
  }, WALK_TIMEOUT_MS);

  it(
    'walks simple paths into every state',
    () => {
      expect(paths.length).toBeGreaterThan(500);
      expect(reached(paths)).toEqual(Object.keys(visitMachine.root.states).sort());
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'is never closed with unsigned minutes unless the refusal is recorded',
    () => {
      const closings = stepsOf<VisitMachineContext>(paths).filter((s) => s.state.value === 'closed');
      expect(closings.some((s) => s.state.context.signatureRefusalReason !== null)).toBe(true);
      expect(closings.some((s) => s.state.context.signatureRefusalReason === null)).toBe(true);
      for (const { state } of closings) {
        const { signatures, signatureRefusalReason } = state.context;
        const signed = signatures.inspectedUnit !== null && signatures.teamLead !== null;
        expect(signed || (signatureRefusalReason ?? '').trim().length > 0).toBe(true);
      }
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'holds the visit rules on every step',
    () => {
      for (const { prev, state, event } of stepsOf<VisitMachineContext>(paths)) {
        const value = String(state.value);
        const c = state.context;
        if (!['planned', 'cancelled'].includes(value)) expect(hasDistrictRepresentativeAssigned(c)).toBe(true);
        if (['minutesDrafted', 'minutesSigned', 'signatureRefused', 'reviewed', 'closed'].includes(value)) expect(unansweredRequiredItemIds(c)).toEqual([]);
        if (value === 'minutesSigned') expect(c.signatures.inspectedUnit !== null && c.signatures.teamLead !== null).toBe(true);
        if (value === 'signatureRefused') expect(c.signatureRefusalReason).toBeTruthy();
        if (value === 'cancelled' && prev.value !== 'cancelled') expect(prev.value).toBe('planned');
        if (c.overdue) expect(c.windowEnd).not.toBeNull();
        if (c.overdue && !prev.context.overdue) expect([prev.value, event.type]).toEqual([value, 'clock.tick']);
      }
    },
    CHECK_TIMEOUT_MS,
  );
});

describe('every reachable path of the remediation lifecycle (xstate/graph)', () => {
  let paths: Path[] = [];
  beforeAll(() => {
    paths = walkRemediationPaths();
  }, WALK_TIMEOUT_MS);

  it(
    'walks simple paths into every state',
    () => {
      expect(paths.length).toBeGreaterThan(1000);
      expect(reached(paths)).toEqual(Object.keys(remediationMachine.root.states).sort());
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'resolves only on a complied re-check and proposes a sanction only after the reminder limit or a failed re-check',
    () => {
      for (const { state } of stepsOf<RemediationMachineContext>(paths)) {
        const c = state.context;
        if (state.value === 'resolved') expect(c.lastRecheck?.outcome).toBe('complied');
        if (state.value === 'sanctionProposed') expect(c.reminderCount > c.reminderLimit || c.lastRecheck?.outcome === 'notComplied').toBe(true);
      }
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'never loses a reminder and is overdue only past a deadline',
    () => {
      for (const { prev, state, event } of stepsOf<RemediationMachineContext>(paths)) {
        expect(state.context.reminderCount).toBeGreaterThanOrEqual(prev.context.reminderCount);
        if (state.context.overdue) expect(state.context.dueOn).not.toBeNull();
        if (state.context.overdue && !prev.context.overdue) expect(event).toMatchObject({ type: 'clock.tick' });
      }
    },
    CHECK_TIMEOUT_MS,
  );
});
