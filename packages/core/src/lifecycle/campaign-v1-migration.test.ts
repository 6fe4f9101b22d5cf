import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { InvalidTransitionError } from '../errors/invalid-transition-error.js';
import fixture from './fixtures/campaign-v1-snapshot.json';
import { CAMPAIGN_V1_FIXTURE_EVENTS, CAMPAIGN_V1_FIXTURE_INPUT, campaignV1Machine, type CampaignV1Context, type CampaignV1Event } from './fixtures/campaign-v1-machine.js';
import { applyLifecycleEvent, lifecycleState } from './lifecycle-api.js';
import { migratePersisted } from './migration-registry.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';

const persistV1 = (s: AnyMachineSnapshot): PersistedLifecycle =>
  JSON.parse(JSON.stringify({ machineId: 'campaign', machineVersion: 1, snapshot: campaignV1Machine.getPersistedSnapshot(s as never) })) as PersistedLifecycle;
const frozenFixture = (): PersistedLifecycle => structuredClone(fixture) as PersistedLifecycle;
const roundTrip = (p: PersistedLifecycle): PersistedLifecycle => JSON.parse(JSON.stringify(p)) as PersistedLifecycle;

describe('campaign snapshots persisted by machine v1 (visit and remediation id lists)', () => {
  it('the frozen fixture is exactly what the v1 machine persisted', () => {
    let [s] = initialTransition(campaignV1Machine, { ...CAMPAIGN_V1_FIXTURE_INPUT });
    for (const event of CAMPAIGN_V1_FIXTURE_EVENTS) [s] = transition(campaignV1Machine, s, event);
    expect(persistV1(s)).toEqual(fixture);
  });

  it('migrates the fixture to v2: the lists become counts, everything else is kept', () => {
    const input = frozenFixture();
    const before = JSON.stringify(input);
    const migrated = migratePersisted(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(migrated).toMatchObject({ machineId: 'campaign', machineVersion: 2, snapshot: { status: 'active', value: 'inspecting' } });
    expect(migrated.snapshot.context).toEqual({
      campaignId: 'ht-2021-pccovid-qr',
      nominationDeadline: '2021-11-28',
      nominationWindowClosed: true,
      nominations: [
        { nominationId: 'nom-vhtt-443', receivedOn: '2021-11-26', late: false },
        { nominationId: 'nom-syt', receivedOn: '2021-11-30', late: true },
      ],
      leadMemberId: 'm-thanhtra-01',
      visits: 3,
      remediations: 1,
    });
  });

  it('restores the fixture and continues to closed through the public API, with facts counted by the caller', () => {
    // v1 still had visit-436 open; the caller's count says so, and reporting is refused.
    expect(() => applyLifecycleEvent('campaign', frozenFixture(), { type: 'report.begin', unsettledVisits: 1 })).toThrow(InvalidTransitionError);
    const reporting = applyLifecycleEvent('campaign', frozenFixture(), { type: 'report.begin', unsettledVisits: 0 });
    expect(reporting).toMatchObject({ state: 'reporting', migrated: true, changed: true });
    expect(reporting.persisted.machineVersion).toBe(2);
    const followingUp = applyLifecycleEvent('campaign', roundTrip(reporting.persisted), { type: 'followUp.begin' });
    expect(followingUp).toMatchObject({ state: 'followingUp', migrated: false });
    const closed = applyLifecycleEvent('campaign', roundTrip(followingUp.persisted), { type: 'campaign.close', openRemediations: 0 });
    expect(closed).toMatchObject({ state: 'closed', done: true, migrated: false });
    expect(closed.context).toMatchObject({ visits: 3, remediations: 1 });
  });

  it('migrates every reachable v1 state into the same v2 state, with counts of its lists', () => {
    const events: CampaignV1Event[] = [
      ...CAMPAIGN_V1_FIXTURE_EVENTS,
      { type: 'visit.reviewed', visitId: 'visit-436-bv-tinh' },
      { type: 'report.begin' },
      { type: 'remediation.settled', remediationId: 'rem-443-cho-nghen-qr' },
      { type: 'followUp.begin' },
      { type: 'campaign.close' },
    ];
    const paths = getShortestPaths(campaignV1Machine, { input: { ...CAMPAIGN_V1_FIXTURE_INPUT }, events });
    const seen = new Set<string>();
    for (const { state } of paths) {
      const s = state as AnyMachineSnapshot;
      const c = (state as unknown as { context: CampaignV1Context }).context;
      const view = lifecycleState(persistV1(s));
      if (view.machineId !== 'campaign') throw new Error('not a campaign');
      seen.add(String(view.state));
      expect(view.machineVersion).toBe(2);
      expect(view.state).toBe(s.value);
      expect(view.done).toBe(s.status === 'done');
      expect(view.context.visits).toBe(c.visitIds.length);
      expect(view.context.remediations).toBe(c.openRemediationIds.length + c.settledRemediationIds.length);
      expect(view.context.nominations).toEqual(c.nominations);
    }
    expect([...seen].sort()).toEqual(['closed', 'draft', 'followingUp', 'inspecting', 'issued', 'nominating', 'reporting', 'scheduled', 'teamFormed']);
  }, 60_000);

  it('rejects a v1 snapshot whose context is not what v1 wrote', () => {
    const broken = frozenFixture();
    delete broken.snapshot.context.reviewedVisitIds;
    try {
      migratePersisted(broken);
      expect.unreachable();
    } catch (e) {
      expect(ValidationError.isInstance(e)).toBe(true);
      expect((e as ValidationError).subject).toBe('campaign snapshot migrated from v1 to v2');
      expect((e as ValidationError).issues[0]?.path).toEqual(['snapshot', 'context', 'reviewedVisitIds']);
    }
  });
});
