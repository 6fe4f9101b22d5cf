import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { remediationMachine } from './remediation-machine.js';
import type { RemediationMachineEvent } from './remediation-machine-schemas.js';

type Snap = SnapshotFrom<typeof remediationMachine>;

function send(snapshot: Snap, ...events: RemediationMachineEvent[]): Snap {
  let current = snapshot;
  for (const event of events) {
    const [next, actions] = transition(remediationMachine, current, event);
    expect(actions).toEqual([]);
    current = next;
  }
  return current;
}

const start = (reminderLimit?: number): Snap =>
  initialTransition(remediationMachine, { remediationId: 'rem-443-cho-nghen-qr', ...(reminderLimit === undefined ? {} : { reminderLimit }) })[0];
const remind: RemediationMachineEvent = { type: 'remediation.remind' };

describe('remediation machine', () => {
  it('starts open with the default limit of three reminders', () => {
    const s = start();
    expect(s.value).toBe('open');
    expect(s.context).toEqual({ remediationId: 'rem-443-cho-nghen-qr', reminderLimit: 3, reminderCount: 0, dueOn: null, overdue: false, lastRecheck: null });
  });

  it('counts every reminder and stays reminded', () => {
    const s = send(start(), remind, remind);
    expect(s.value).toBe('reminded');
    expect(s.context.reminderCount).toBe(2);
  });

  it('proposes a sanction only after more than three reminders (hasExceededReminderLimit)', () => {
    const three = send(start(), remind, remind, remind);
    expect(three.can({ type: 'sanction.propose' })).toBe(false);
    const four = send(three, remind);
    expect(four.can({ type: 'sanction.propose' })).toBe(true);
    expect(send(four, { type: 'sanction.propose' }).value).toBe('sanctionProposed');
  });

  it("honours a province's own reminder limit", () => {
    expect(send(start(1), remind, remind).can({ type: 'sanction.propose' })).toBe(true);
  });

  it('sets a deadline from open or reminded, counts reminders while waiting, and extends it', () => {
    expect(send(start(), { type: 'deadline.set', dueOn: '2021-12-20' }).value).toBe('deadlineSet');
    let s = send(start(), remind, { type: 'deadline.set', dueOn: '2021-12-20' }, remind);
    expect(s.value).toBe('deadlineSet');
    expect(s.context).toMatchObject({ reminderCount: 2, dueOn: '2021-12-20' });
    s = send(s, { type: 'deadline.set', dueOn: '2021-12-27' });
    expect(s.context.dueOn).toBe('2021-12-27');
  });

  it('marks the remediation overdue on the first tick after the due date; a new deadline clears it', () => {
    let s = send(start(), { type: 'deadline.set', dueOn: '2021-12-20' }, { type: 'clock.tick', today: '2021-12-20' });
    expect(s.context.overdue).toBe(false);
    s = send(s, { type: 'clock.tick', today: '2021-12-21' });
    expect(s.value).toBe('deadlineSet');
    expect(s.context.overdue).toBe(true);
    s = send(s, { type: 'clock.tick', today: '2021-12-01' });
    expect(s.context.overdue).toBe(true); // a stale tick does not undo it
    expect(send(s, { type: 'deadline.set', dueOn: '2021-12-31' }).context.overdue).toBe(false);
  });

  it('resolves on a complied re-check (isComplied)', () => {
    const s = send(start(), { type: 'deadline.set', dueOn: '2021-12-20' }, { type: 'recheck.record', outcome: 'complied', checkedOn: '2021-12-21' });
    expect(s.value).toBe('resolved');
    expect(s.status).toBe('done');
    expect(s.context.lastRecheck).toEqual({ outcome: 'complied', checkedOn: '2021-12-21' });
  });

  it('after a failed re-check, sets a new deadline, re-checks again, or proposes a sanction', () => {
    const failed = send(start(), { type: 'deadline.set', dueOn: '2021-12-20' }, { type: 'recheck.record', outcome: 'notComplied', checkedOn: '2021-12-21' });
    expect(failed.value).toBe('rechecked');
    expect(send(failed, { type: 'deadline.set', dueOn: '2021-12-31' }).value).toBe('deadlineSet');
    expect(send(failed, { type: 'recheck.record', outcome: 'complied', checkedOn: '2021-12-23' }).value).toBe('resolved');
    expect(send(failed, { type: 'sanction.propose' }).value).toBe('sanctionProposed');
    expect(failed.can(remind)).toBe(false);
  });

  it('accepts nothing once resolved or a sanction is proposed', () => {
    const resolved = send(start(), { type: 'recheck.record', outcome: 'complied', checkedOn: '2021-12-10' });
    const sanctioned = send(start(0), remind, { type: 'sanction.propose' });
    for (const s of [resolved, sanctioned]) {
      expect(s.status).toBe('done');
      expect(s.can({ type: 'clock.tick', today: '2022-01-01' })).toBe(false);
      expect(s.can(remind)).toBe(false);
    }
  });
});
