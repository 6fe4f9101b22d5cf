import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import fixture from './fixtures/visit-v1-snapshot.json';
import { VISIT_V1_FIXTURE_EVENTS, VISIT_V1_FIXTURE_INPUT, visitV1Machine, type VisitV1Event } from './fixtures/visit-v1-machine.js';
import { applyLifecycleEvent, lifecycleState } from './lifecycle-api.js';
import { migratePersisted } from './migration-registry.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';
import { V1_REFUSAL_REASON_NOT_RECORDED } from './visit-v1-migration.js';

const v1Input = {
  ...VISIT_V1_FIXTURE_INPUT,
  nominatedDistrictRepIds: [...VISIT_V1_FIXTURE_INPUT.nominatedDistrictRepIds],
  assignedMemberIds: [...VISIT_V1_FIXTURE_INPUT.assignedMemberIds],
  requiredItemIds: [...VISIT_V1_FIXTURE_INPUT.requiredItemIds],
};
const persistV1 = (s: AnyMachineSnapshot): PersistedLifecycle =>
  JSON.parse(JSON.stringify({ machineId: 'visit', machineVersion: 1, snapshot: visitV1Machine.getPersistedSnapshot(s as never) })) as PersistedLifecycle;
const frozenFixture = (): PersistedLifecycle => structuredClone(fixture) as PersistedLifecycle;

describe('visit snapshots persisted by machine v1', () => {
  it('the frozen fixture is exactly what the v1 machine persisted', () => {
    let [s] = initialTransition(visitV1Machine, v1Input);
    for (const event of VISIT_V1_FIXTURE_EVENTS) [s] = transition(visitV1Machine, s, event);
    expect(persistV1(s)).toEqual(fixture);
  });

  it('migrates the fixture to v2: the refusal becomes the signatureRefused state with its reason', () => {
    const input = frozenFixture();
    const before = JSON.stringify(input);
    const migrated = migratePersisted(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(migrated).toMatchObject({ machineId: 'visit', machineVersion: 2, snapshot: { status: 'active', value: 'signatureRefused' } });
    expect(migrated.snapshot.context).toMatchObject({
      signatures: { inspectedUnit: null, teamLead: 'm-thanhtra-01' },
      signatureRefusalReason: 'Đại diện Ban quản lý chợ không đồng ý nhận xét về mã QR cũ (Bluezone) đang niêm yết',
      windowEnd: null,
      overdue: false,
    });
  });

  it('restores the fixture and continues to closed through the public API', () => {
    const reviewed = applyLifecycleEvent('visit', frozenFixture(), { type: 'visit.review' });
    expect(reviewed).toMatchObject({ state: 'reviewed', migrated: true, changed: true });
    expect(reviewed.persisted.machineVersion).toBe(2);
    const closed = applyLifecycleEvent('visit', JSON.parse(JSON.stringify(reviewed.persisted)) as PersistedLifecycle, { type: 'visit.close' });
    expect(closed).toMatchObject({ state: 'closed', done: true, migrated: false });
    expect(closed.context.signatureRefusalReason).toBeTruthy();
  });

  it('migrates every reachable v1 state into a valid v2 state', () => {
    const events: VisitV1Event[] = [
      ...VISIT_V1_FIXTURE_EVENTS,
      { type: 'visit.cancel' },
      { type: 'minutes.sign', teamLeadSignerId: 'm-thanhtra-01', unitSignerId: 'p-bqlcho-01' },
      { type: 'minutes.sign', teamLeadSignerId: 'm-thanhtra-01', unitSignerId: null },
      { type: 'visit.review' },
      { type: 'visit.close' },
    ];
    const paths = getShortestPaths(visitV1Machine, { input: v1Input, events });
    const seen = new Set<string>();
    for (const { state } of paths) {
      const s = state as AnyMachineSnapshot;
      const v1 = s.context as { refused: boolean; refusalNote: string };
      const view = lifecycleState(persistV1(s));
      seen.add(`${String(s.value)} → ${view.state}`);
      if (view.machineId !== 'visit') throw new Error('not a visit');
      expect(view.machineVersion).toBe(2);
      expect(view.state).toBe(s.value === 'minutesSigned' && v1.refused ? 'signatureRefused' : s.value);
      expect(view.context.signatureRefusalReason === null).toBe(!v1.refused);
      if (v1.refused && v1.refusalNote === '') expect(view.context.signatureRefusalReason).toBe(V1_REFUSAL_REASON_NOT_RECORDED);
    }
    expect([...seen].sort()).toEqual(
      [
        'answered → answered',
        'cancelled → cancelled',
        'closed → closed',
        'minutesDrafted → minutesDrafted',
        'minutesSigned → minutesSigned',
        'minutesSigned → signatureRefused',
        'planned → planned',
        'reviewed → reviewed',
        'underway → underway',
      ].sort(),
    );
  }, 60_000); // walks the v1 graph: seconds under load

  it('rejects a v1 snapshot whose context is not what v1 wrote', () => {
    const broken = frozenFixture();
    delete broken.snapshot.context.refused;
    try {
      migratePersisted(broken);
      expect.unreachable();
    } catch (e) {
      expect(ValidationError.isInstance(e)).toBe(true);
      expect((e as ValidationError).subject).toBe('visit snapshot migrated from v1 to v2');
      expect((e as ValidationError).issues[0]?.path).toEqual(['snapshot', 'context', 'refused']);
    }
  });
});
