import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SAMPLE_INPUTS } from './fixtures/sample-events.js';
import { hasDistrictRepresentativeAssigned, unansweredRequiredItemIds, visitMachine } from './visit-machine.js';
import type { VisitMachineEvent } from './visit-machine-schemas.js';

type Snap = SnapshotFrom<typeof visitMachine>;

function send(snapshot: Snap, ...events: VisitMachineEvent[]): Snap {
  let current = snapshot;
  for (const event of events) {
    const [next, actions] = transition(visitMachine, current, event);
    expect(actions).toEqual([]);
    current = next;
  }
  return current;
}

const input = { ...SAMPLE_INPUTS.visit, assignedMemberIds: ['m-thanhtra-01', 'm-vhtt-443'], nominatedDistrictRepIds: ['m-vhtt-443'], requiredItemIds: ['II.1.a.1', 'II.1.b.1'] };
const start = (): Snap => initialTransition(visitMachine, input)[0];
const answerAll: VisitMachineEvent[] = [
  { type: 'item.answer', itemId: 'II.1.a.1' },
  { type: 'item.answer', itemId: 'II.1.b.1' },
];
const toDrafted = (): Snap => send(start(), { type: 'visit.start' }, ...answerAll, { type: 'checklist.complete' }, { type: 'minutes.draft' });

describe('visit machine (v2)', () => {
  it('starts planned with no answers, no signatures and no refusal', () => {
    const [s0, actions] = initialTransition(visitMachine, input);
    expect(actions).toEqual([]);
    expect(s0.value).toBe('planned');
    expect(s0.context).toMatchObject({ answeredItemIds: [], signatures: { inspectedUnit: null, teamLead: null }, signatureRefusalReason: null, overdue: false });
  });

  it('fills defaults for optional input', () => {
    const [s0] = initialTransition(visitMachine, { visitId: 'v', districtCode: '436', assignedMemberIds: ['m'] });
    expect(s0.context).toMatchObject({ nominatedDistrictRepIds: [], requiredItemIds: [], windowEnd: null });
  });

  it("starts only when the district's nominated Culture-Information representative is on the team (hasDistrictRepresentative)", () => {
    const without = send(start(), { type: 'members.assign', memberIds: ['m-thanhtra-01', 'm-cntt-02'] });
    expect(hasDistrictRepresentativeAssigned(without.context)).toBe(false);
    expect(without.can({ type: 'visit.start' })).toBe(false);
    const withRep = send(without, { type: 'members.assign', memberIds: ['m-thanhtra-01', 'm-vhtt-443'] });
    expect(send(withRep, { type: 'visit.start' }).value).toBe('underway');
  });

  it('starts without a district representative when the district nominated none', () => {
    const [s0] = initialTransition(visitMachine, { ...input, nominatedDistrictRepIds: [], assignedMemberIds: ['m-thanhtra-01'] });
    expect(send(s0, { type: 'visit.start' }).value).toBe('underway');
  });

  it('cancels only a planned visit, into a final state', () => {
    const cancelled = send(start(), { type: 'visit.cancel', reason: 'Đơn vị tạm dừng hoạt động' });
    expect(cancelled.value).toBe('cancelled');
    expect(cancelled.status).toBe('done');
    expect(send(start(), { type: 'visit.start' }).can({ type: 'visit.cancel', reason: 'x' })).toBe(false);
  });

  it('records answers once each, completes the questioning, and accepts late answers from evidence', () => {
    let s = send(start(), { type: 'visit.start' }, { type: 'item.answer', itemId: 'II.1.a.1' }, { type: 'item.answer', itemId: 'II.1.a.1' });
    expect(s.context.answeredItemIds).toEqual(['II.1.a.1']);
    s = send(s, { type: 'checklist.complete' });
    expect(s.value).toBe('answered');
    expect(unansweredRequiredItemIds(s.context)).toEqual(['II.1.b.1']);
    expect(s.can({ type: 'minutes.draft' })).toBe(false); // hasEveryRequiredItemAnswered
    s = send(s, { type: 'item.answer', itemId: 'II.1.b.1' }, { type: 'minutes.draft' });
    expect(s.value).toBe('minutesDrafted');
  });

  it('signs the minutes only with both signatures (hasBothSignatures)', () => {
    let s = send(toDrafted(), { type: 'signature.record', party: 'teamLead', signerId: 'm-thanhtra-01' });
    expect(s.can({ type: 'minutes.sign' })).toBe(false);
    s = send(s, { type: 'signature.record', party: 'inspectedUnit', signerId: 'p-bqlcho-01' }, { type: 'minutes.sign' });
    expect(s.value).toBe('minutesSigned');
    expect(s.context.signatures).toEqual({ inspectedUnit: 'p-bqlcho-01', teamLead: 'm-thanhtra-01' });
  });

  it('records a refusal to sign only with a non-empty reason (hasRefusalReason)', () => {
    const drafted = toDrafted();
    expect(drafted.can({ type: 'minutes.refuseSignature', reason: '   ' })).toBe(false);
    const refused = send(drafted, { type: 'minutes.refuseSignature', reason: '  Không đồng ý nhận xét về mã QR cũ ' });
    expect(refused.value).toBe('signatureRefused');
    expect(refused.context.signatureRefusalReason).toBe('Không đồng ý nhận xét về mã QR cũ');
  });

  it('reviews signed or refused minutes and closes', () => {
    const signed = send(
      toDrafted(),
      { type: 'signature.record', party: 'teamLead', signerId: 'a' },
      { type: 'signature.record', party: 'inspectedUnit', signerId: 'b' },
      { type: 'minutes.sign' },
    );
    const refused = send(toDrafted(), { type: 'minutes.refuseSignature', reason: 'Vắng người có thẩm quyền ký' });
    for (const s of [signed, refused]) {
      const reviewed = send(s, { type: 'visit.review' });
      expect(reviewed.value).toBe('reviewed');
      const closed = send(reviewed, { type: 'visit.close' });
      expect(closed.value).toBe('closed');
      expect(closed.status).toBe('done');
    }
  });

  it('marks a planned visit overdue after its window, and clears it when rescheduled', () => {
    let s = send(start(), { type: 'clock.tick', today: '2021-12-10' });
    expect(s.context.overdue).toBe(false);
    s = send(s, { type: 'clock.tick', today: '2021-12-11' });
    expect(s.context.overdue).toBe(true);
    s = send(s, { type: 'visit.reschedule', windowEnd: '2021-12-17' });
    expect(s.context).toMatchObject({ overdue: false, windowEnd: '2021-12-17' });
  });

  it('marks an underway visit overdue, and takes no clock once the on-site work is done', () => {
    const underway = send(start(), { type: 'visit.start' });
    expect(send(underway, { type: 'clock.tick', today: '2021-12-12' }).context.overdue).toBe(true);
    expect(toDrafted().can({ type: 'clock.tick', today: '2021-12-12' })).toBe(false);
  });

  it('never marks a visit without a window overdue', () => {
    const [s0] = initialTransition(visitMachine, { ...input, windowEnd: null });
    expect(send(s0, { type: 'clock.tick', today: '2030-01-01' }).context.overdue).toBe(false);
  });
});
