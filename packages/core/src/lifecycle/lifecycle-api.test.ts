import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../errors/invalid-transition-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { SAMPLE_INPUTS } from './fixtures/sample-events.js';
import { applyLifecycleEvent, canApply, lifecycleState, startLifecycle, tickLifecycle } from './lifecycle-api.js';
import type { LifecycleKind } from './lifecycle-kind.js';
import type { LifecycleEvent } from './lifecycle-machines.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';

function applyAll<K extends LifecycleKind>(kind: K, persisted: PersistedLifecycle, events: LifecycleEvent<K>[]): PersistedLifecycle {
  return events.reduce((p, e) => applyLifecycleEvent(kind, p, e).persisted, persisted);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function refusal(fn: () => unknown): InvalidTransitionError {
  try {
    fn();
  } catch (e) {
    if (InvalidTransitionError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('expected InvalidTransitionError');
}

const nominating = () => applyAll('campaign', startLifecycle('campaign', SAMPLE_INPUTS.campaign), [{ type: 'plan.issue' }, { type: 'nomination.request' }]);
const visitDrafted = () =>
  applyAll('visit', startLifecycle('visit', { ...SAMPLE_INPUTS.visit, assignedMemberIds: ['m-thanhtra-01', 'm-vhtt-443'] }), [
    { type: 'visit.start' },
    { type: 'item.answer', itemId: 'II.1.a.1' },
    { type: 'item.answer', itemId: 'II.1.b.1' },
    { type: 'checklist.complete' },
    { type: 'minutes.draft' },
  ]);

describe('startLifecycle', () => {
  it('returns the initial state as plain JSON at the current machine version', () => {
    const p = startLifecycle('visit', SAMPLE_INPUTS.visit);
    expect(p).toMatchObject({ machineId: 'visit', machineVersion: 2, snapshot: { status: 'active', value: 'planned' } });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('rejects malformed input with VALIDATION_FAILED and its path', () => {
    const bad = { campaignId: 'ht-2021', nominationDeadline: '2021-11-31' };
    expect(() => startLifecycle('campaign', bad)).toThrow(ValidationError);
    try {
      startLifecycle('campaign', bad);
    } catch (e) {
      expect(ValidationError.isInstance(e) && e.issues[0]?.path).toEqual(['nominationDeadline']);
    }
    expect(() => startLifecycle('remediation', { remediationId: 'has space' })).toThrow(ValidationError);
    expect(() => startLifecycle('inspection' as 'visit', SAMPLE_INPUTS.visit)).toThrow(ValidationError);
  });
});

describe('applyLifecycleEvent', () => {
  it('records a nomination received after 28/11/2021 as late, through the public API', () => {
    const r = applyLifecycleEvent('campaign', nominating(), { type: 'nomination.record', nominationId: 'nom-syt', receivedOn: '2021-11-30' });
    expect(r).toMatchObject({ state: 'nominating', changed: true, migrated: false, done: false });
    expect(r.context.nominations).toEqual([{ nominationId: 'nom-syt', receivedOn: '2021-11-30', late: true }]);
  });

  it('never mutates the persisted input and shares nothing with it', () => {
    const input = deepFreeze(nominating());
    const before = JSON.stringify(input);
    const r = applyLifecycleEvent('campaign', input, { type: 'nomination.record', nominationId: 'n1', receivedOn: '2021-11-20' });
    expect(JSON.stringify(input)).toBe(before);
    expect(r.persisted.snapshot.context).not.toBe(input.snapshot.context);
    expect(r.persisted.snapshot.context).not.toBe(r.context);
  });

  it('throws INVALID_TRANSITION for an event the state does not accept, listing what it accepts', () => {
    const e = refusal(() => applyLifecycleEvent('visit', startLifecycle('visit', SAMPLE_INPUTS.visit), { type: 'minutes.sign' }));
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e).toMatchObject({ machineId: 'visit', state: 'planned', event: 'minutes.sign', guard: undefined });
    expect(e.messageEn).toContain('visit.start');
  });

  it('names the refusing guard with a bilingual reason', () => {
    const noLead = refusal(() => applyLifecycleEvent('campaign', nominating(), { type: 'team.form', members: [{ memberId: 'm-cntt-02', role: 'member' }] }));
    expect(noLead).toMatchObject({ state: 'nominating', event: 'team.form', guard: 'hasLead' });
    expect(noLead.messageVi).toContain('trưởng đoàn');

    const noRep = refusal(() => applyLifecycleEvent('visit', startLifecycle('visit', SAMPLE_INPUTS.visit), { type: 'visit.start' }));
    expect(noRep).toMatchObject({ guard: 'hasDistrictRepresentative' });
    expect(noRep.messageEn).toContain('district 443');

    const unsigned = refusal(() => applyLifecycleEvent('visit', visitDrafted(), { type: 'minutes.sign' }));
    expect(unsigned.guard).toBe('hasBothSignatures');
    expect(unsigned.messageEn).toContain('inspectedUnit, teamLead');

    const noReason = refusal(() => applyLifecycleEvent('visit', visitDrafted(), { type: 'minutes.refuseSignature', reason: ' ' }));
    expect(noReason.guard).toBe('hasRefusalReason');

    const reminded = applyLifecycleEvent('remediation', startLifecycle('remediation', { remediationId: 'r' }), { type: 'remediation.remind' }).persisted;
    const early = refusal(() => applyLifecycleEvent('remediation', reminded, { type: 'sanction.propose' }));
    expect(early).toMatchObject({ state: 'reminded', guard: 'hasExceededReminderLimit' });
    expect(early.messageEn).toContain('more than 3 reminders (so far 1)');
  });

  it('refuses report.begin while the caller counts an unsettled visit, naming the guard and the visit', () => {
    const inspecting = applyAll('campaign', nominating(), [
      { type: 'team.form', members: [{ memberId: 'm-thanhtra-01', role: 'lead' }] },
      { type: 'schedule.fix', visits: 2 },
      { type: 'inspection.begin' },
    ]);
    const e = refusal(() => applyLifecycleEvent('campaign', inspecting, { type: 'report.begin', unsettledVisits: 1, unsettledVisitIds: ['visit-436-bv-tinh'] }));
    expect(e).toMatchObject({ state: 'inspecting', guard: 'isEveryVisitSettled' });
    expect(e.messageEn).toContain('1 visit(s) neither reviewed nor cancelled: visit-436-bv-tinh');
    expect(e.messageVi).toContain('còn 1 cuộc kiểm tra chưa được xem xét hoặc hủy');
    expect(canApply('campaign', inspecting, { type: 'report.begin', unsettledVisits: 1 })).toBe(false);
    expect(canApply('campaign', inspecting, { type: 'report.begin', unsettledVisits: 0 })).toBe(true);
  });

  it('rejects a malformed event or persisted lifecycle with VALIDATION_FAILED, changing nothing', () => {
    const p = startLifecycle('visit', SAMPLE_INPUTS.visit);
    expect(() => applyLifecycleEvent('visit', p, { type: 'item.answer' } as unknown as LifecycleEvent<'visit'>)).toThrow(ValidationError);
    expect(() => applyLifecycleEvent('visit', p, { type: 'visit.teleport' } as unknown as LifecycleEvent<'visit'>)).toThrow(ValidationError);
    expect(() => applyLifecycleEvent('campaign', p, { type: 'plan.issue' })).toThrow(ValidationError); // a visit is not a campaign
    const badState = { ...p, snapshot: { ...p.snapshot, value: 'teleported' } };
    expect(() => applyLifecycleEvent('visit', badState, { type: 'visit.start' })).toThrow(ValidationError);
    const badContext = { ...p, snapshot: { ...p.snapshot, context: { ...p.snapshot.context, answeredItemIds: 'II.1.a.1' } } };
    try {
      applyLifecycleEvent('visit', badContext, { type: 'visit.start' });
      expect.unreachable();
    } catch (e) {
      expect(ValidationError.isInstance(e) && e.issues[0]?.path).toEqual(['snapshot', 'context', 'answeredItemIds']);
    }
    const badStatus = { ...p, snapshot: { ...p.snapshot, status: 'done' as const } };
    expect(() => applyLifecycleEvent('visit', badStatus, { type: 'visit.start' })).toThrow(ValidationError);
  });

  it('resumes from a JSON round trip with keys in any order (as a jsonb column returns them)', () => {
    const p = visitDrafted();
    const reordered = JSON.parse(
      JSON.stringify({ snapshot: { context: p.snapshot.context, value: p.snapshot.value, status: p.snapshot.status }, machineVersion: 2, machineId: 'visit' }),
    ) as PersistedLifecycle;
    const r = applyLifecycleEvent('visit', reordered, { type: 'signature.record', party: 'teamLead', signerId: 'm-thanhtra-01' });
    const again = applyLifecycleEvent('visit', JSON.parse(JSON.stringify(r.persisted)) as PersistedLifecycle, {
      type: 'signature.record',
      party: 'teamLead',
      signerId: 'm-thanhtra-01',
    });
    expect(again.changed).toBe(false);
  });

  it('reports changed: false for an accepted event that changes nothing', () => {
    const r = applyLifecycleEvent('campaign', nominating(), { type: 'clock.tick', today: '2021-11-20' });
    expect(r).toMatchObject({ changed: false, state: 'nominating' });
  });
});

describe('canApply', () => {
  it('answers like applyLifecycleEvent would, without throwing INVALID_TRANSITION', () => {
    const p = startLifecycle('remediation', { remediationId: 'rem-1' });
    expect(canApply('remediation', p, { type: 'remediation.remind' })).toBe(true);
    expect(canApply('remediation', p, { type: 'sanction.propose' })).toBe(false);
    expect(() => canApply('remediation', p, { type: 'deadline.set', dueOn: 'tomorrow' })).toThrow(ValidationError);
  });
});

describe('tickLifecycle', () => {
  it('marks a remediation overdue the day after its due date', () => {
    const p = applyAll('remediation', startLifecycle('remediation', { remediationId: 'rem-1' }), [{ type: 'deadline.set', dueOn: '2021-12-20' }]);
    expect(tickLifecycle('remediation', p, '2021-12-20')).toMatchObject({ changed: false, context: { overdue: false } });
    expect(tickLifecycle('remediation', p, '2021-12-21')).toMatchObject({ changed: true, state: 'deadlineSet', context: { overdue: true } });
  });

  it("closes the campaign's nomination window and marks a planned visit overdue", () => {
    expect(tickLifecycle('campaign', nominating(), '2021-11-29').context.nominationWindowClosed).toBe(true);
    expect(tickLifecycle('visit', startLifecycle('visit', SAMPLE_INPUTS.visit), '2021-12-11').context.overdue).toBe(true);
  });

  it('leaves a state that takes no clock unchanged instead of throwing', () => {
    const drafted = visitDrafted();
    expect(tickLifecycle('visit', drafted, '2022-01-01')).toMatchObject({ changed: false, state: 'minutesDrafted' });
    const closed = applyAll('remediation', startLifecycle('remediation', { remediationId: 'r' }), [{ type: 'recheck.record', outcome: 'complied', checkedOn: '2021-12-20' }]);
    expect(tickLifecycle('remediation', closed, '2022-01-01')).toMatchObject({ changed: false, done: true, state: 'resolved' });
  });

  it('rejects a today that is not a civil date', () => {
    expect(() => tickLifecycle('campaign', nominating(), '2021-11-29T00:00:00Z')).toThrow(ValidationError);
  });
});

describe('lifecycleState', () => {
  it('reads any persisted lifecycle with the events its state accepts', () => {
    const view = lifecycleState(visitDrafted());
    expect(view).toMatchObject({ machineId: 'visit', machineVersion: 2, state: 'minutesDrafted', done: false });
    expect([...view.acceptedEvents].sort()).toEqual(['minutes.refuseSignature', 'minutes.sign', 'signature.record']);
    if (view.machineId === 'visit') expect(view.context.answeredItemIds).toEqual(['II.1.a.1', 'II.1.b.1']);
  });
});
