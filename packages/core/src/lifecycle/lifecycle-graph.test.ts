import { getAdjacencyMap } from 'xstate/graph';
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../errors/invalid-transition-error.js';
import { declaredTransitions } from './fixtures/graph-walk.js';
import { SAMPLE_INPUTS, sampleEventsFor } from './fixtures/sample-events.js';
import { applyLifecycleEvent, lifecycleState } from './lifecycle-api.js';
import { LIFECYCLE_KINDS, type LifecycleKind } from './lifecycle-kind.js';
import { LIFECYCLE_MACHINES, type LifecycleEvent } from './lifecycle-machines.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';

interface Edge {
  state: AnyMachineSnapshot;
  event: EventObject;
  next: AnyMachineSnapshot;
}

/** Every (reachable snapshot, sample event) pair with its next snapshot — the full graph, real contexts. */
function edgesOf(kind: LifecycleKind): Edge[] {
  const { machine } = LIFECYCLE_MACHINES[kind];
  const adjacency = getAdjacencyMap(machine as never, { input: SAMPLE_INPUTS[kind], events: sampleEventsFor(kind) } as never) as Record<
    string,
    { state: AnyMachineSnapshot; transitions: Record<string, { event: EventObject; state: AnyMachineSnapshot }> }
  >;
  return Object.values(adjacency).flatMap(({ state, transitions }) => Object.values(transitions).map((t) => ({ state, event: t.event, next: t.state })));
}

function persist(kind: LifecycleKind, snapshot: AnyMachineSnapshot): PersistedLifecycle {
  const { machine, machineVersion } = LIFECYCLE_MACHINES[kind];
  // Through JSON text, exactly as storage would hand it back.
  return JSON.parse(JSON.stringify({ machineId: kind, machineVersion, snapshot: machine.getPersistedSnapshot(snapshot as never) })) as PersistedLifecycle;
}

/**
 * Building the full graph takes seconds under load, so it is built in `beforeAll` (not while the
 * tests are collected, where no timeout applies) and every check names its own timeout.
 */
const GRAPH_TIMEOUT_MS = 120_000;
const CHECK_TIMEOUT_MS = 60_000;

describe.each(LIFECYCLE_KINDS)('the reachable graph of the %s lifecycle', (kind) => {
  let edges: Edge[] = [];
  beforeAll(() => {
    edges = edgesOf(kind);
  }, GRAPH_TIMEOUT_MS);

  it(
    'takes every declared transition somewhere',
    () => {
      const taken = new Set(edges.filter((e) => e.state.can(e.event)).map((e) => `${String(e.state.value)} --${e.event.type}--> ${String(e.next.value)}`));
      const declared = declaredTransitions(LIFECYCLE_MACHINES[kind].machine);
      expect(declared.length).toBeGreaterThan(5);
      expect(declared.filter((t) => !taken.has(t))).toEqual([]);
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'agrees with the public API on every edge after a JSON round trip, naming the guard when one refuses',
    () => {
      let refused = 0;
      let guarded = 0;
      for (const { state, event, next } of edges) {
        const persisted = persist(kind, state);
        if (state.can(event)) {
          const result = applyLifecycleEvent(kind, persisted, event as LifecycleEvent<typeof kind>);
          expect(result.state).toBe(next.value);
          expect(result.context).toEqual(next.context);
          expect(result.done).toBe(next.status === 'done');
          expect(result.persisted).toEqual(persist(kind, next));
        } else {
          refused += 1;
          let thrown: unknown;
          try {
            applyLifecycleEvent(kind, persisted, event as LifecycleEvent<typeof kind>);
          } catch (e) {
            thrown = e;
          }
          expect(InvalidTransitionError.isInstance(thrown)).toBe(true);
          // A guard is named exactly when the state has a transition for the event type.
          const accepted = (lifecycleState(persisted).acceptedEvents as string[]).includes(event.type);
          expect(Boolean((thrown as InvalidTransitionError).guard), `${String(state.value)} + ${event.type}`).toBe(accepted);
          if (accepted) guarded += 1;
        }
      }
      expect(refused).toBeGreaterThan(0);
      expect(guarded).toBeGreaterThan(0);
    },
    CHECK_TIMEOUT_MS,
  );
});
