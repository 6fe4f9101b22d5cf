import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type Snapshot } from 'xstate';
import { z } from 'zod';
import { InvalidTransitionError } from '../errors/invalid-transition-error.js';
import { SAMPLE_INPUTS } from './fixtures/sample-events.js';
import { applyLifecycleEvent, startLifecycle } from './lifecycle-api.js';
import { acceptedEventTypes, currentAsIs, runtimeDescriptor, sameJson, stepSnapshot, type RuntimeDescriptor } from './lifecycle-runtime.js';

/** A small machine whose guard counts its calls, with the transition shapes `can()` treats differently. */
function countingMachine() {
  const calls = { open: 0 };
  const machine = setup({
    types: { context: {} as { n: number }, events: {} as { type: 'go' } | { type: 'bump' } | { type: 'noop' } | { type: 'log' } },
    guards: {
      isOpen: ({ context }) => {
        calls.open++;
        return context.n < 2;
      },
    },
    actions: { logIt: () => {} },
  }).createMachine({
    id: 'counting',
    initial: 'a',
    context: { n: 0 },
    states: {
      a: {
        on: {
          go: { guard: 'isOpen', target: 'b' },
          bump: { actions: assign({ n: ({ context }) => context.n + 1 }) },
          noop: {}, // enabled, but neither target nor actions: `can()` is false
          log: { actions: 'logIt' }, // an action that leaves the snapshot as it is: `can()` is true
        },
      },
      b: { type: 'final' },
    },
  });
  const desc: RuntimeDescriptor = {
    machineId: 'visit',
    machineVersion: 1,
    machine,
    states: ['a', 'b'],
    inputSchema: z.unknown(),
    contextSchema: z.object({ n: z.number() }),
    eventSchema: z.object({ type: z.string() }),
    guardReasons: { isOpen: () => ({ vi: 'đã đóng', en: 'closed' }) },
  };
  return { calls, machine, desc };
}

describe('stepSnapshot', () => {
  it('evaluates a guard once per step, accepted or refused', () => {
    const { calls, machine, desc } = countingMachine();
    const open = machine.resolveState({ value: 'a', context: { n: 0 } });
    const step = stepSnapshot(desc, open, { type: 'go' });
    expect(step.ok && step.next.value).toBe('b');
    expect(calls.open).toBe(1);

    const closed = machine.resolveState({ value: 'a', context: { n: 5 } });
    const refused = stepSnapshot(desc, closed, { type: 'go' });
    expect(calls.open).toBe(2);
    expect(!refused.ok && refused.refusal).toBeInstanceOf(InvalidTransitionError);
    expect(!refused.ok && refused.refusal.guard).toBe('isOpen');
    expect(!refused.ok && refused.refusal.messageEn).toContain('closed');
  });

  it('agrees with snapshot.can() on transitions without a target', () => {
    const { machine, desc } = countingMachine();
    const snapshot = machine.resolveState({ value: 'a', context: { n: 0 } });
    for (const type of ['go', 'bump', 'noop', 'log', 'unknown'] as const) {
      const event = { type } as { type: 'go' };
      expect(stepSnapshot(desc, snapshot, event).ok).toBe(snapshot.can(event));
    }
  });

  it('steps like an actor restored from the persisted snapshot', () => {
    const desc = runtimeDescriptor('visit');
    const input = { ...SAMPLE_INPUTS.visit, assignedMemberIds: ['m-thanhtra-01', 'm-vhtt-443'] };
    const persisted = startLifecycle('visit', input);
    const actor = createActor(desc.machine, { snapshot: persisted.snapshot as unknown as Snapshot<unknown>, input });
    actor.start();
    actor.send({ type: 'visit.start' });
    expect(applyLifecycleEvent('visit', persisted, { type: 'visit.start' }).persisted.snapshot).toEqual(JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
    expect(acceptedEventTypes(actor.getSnapshot())).toEqual(['clock.tick', 'item.answer', 'checklist.complete']);
  });
});

describe('currentAsIs', () => {
  const desc = runtimeDescriptor('visit');
  const stored = () => JSON.parse(JSON.stringify(startLifecycle('visit', SAMPLE_INPUTS.visit))) as Record<string, unknown> & { snapshot: Record<string, unknown> };

  it('takes a stored current-version lifecycle as it is', () => {
    const p = stored();
    expect(currentAsIs(desc, p)).toBe(p);
  });

  it('leaves anything else to the schema and the migrations', () => {
    const cases: unknown[] = [
      null,
      [],
      { ...stored(), machineVersion: 1 },
      { ...stored(), machineId: 'campaign' },
      { ...stored(), snapshot: { ...stored().snapshot, status: 'error' } },
      { ...stored(), snapshot: { ...stored().snapshot, value: '' } },
      { ...stored(), snapshot: { ...stored().snapshot, context: [] } },
      { ...stored(), snapshot: { ...stored().snapshot, children: { x: {} } } },
      Object.defineProperty(stored(), 'snapshot', {
        get() {
          throw new Error('hostile');
        },
      }),
    ];
    for (const value of cases) expect(currentAsIs(desc, value)).toBeUndefined();
  });
});

describe('sameJson', () => {
  it('compares as key-sorted JSON would', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, u: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('x', 'x')).toBe(true);
    expect(sameJson(0, -0)).toBe(true);
  });
});
