/**
 * Lifecycle step: `applyLifecycleEvent('visit', persisted, event)` (migrate check, context
 * schema, event schema, guard refusal check, transition, persist as plain JSON) over N steps,
 * against bare xstate for the same N: `createActor(visitMachine, { snapshot, input })` restoring
 * the same persisted snapshot, `start()`, `send(event)`, `getPersistedSnapshot()` and a JSON
 * round trip (what storing it costs; ours returns plain JSON too), `stop()`.
 *
 * The N steps walk whole visits: planned → underway (start) → 8 answers → checklist complete →
 * minutes drafted → 2 signatures → signed → reviewed → closed, each step from the previous
 * step's persisted JSON — 16 steps a visit (1,000 visits at 16,000 steps).
 *
 * Goal: ours ≤ 1.3× raw.
 */
import { applyLifecycleEvent, startLifecycle, visitMachine, type LifecycleEvent, type PersistedLifecycle } from '@pccovid-inspect/core/lifecycle';
import { PC_COVID_CHECKLIST_V1 } from '@pccovid-inspect/core';
import { createActor } from 'xstate';
import { runBench, type BenchContext } from './harness.js';

const REQUIRED = PC_COVID_CHECKLIST_V1.sections.flatMap((s) => s.items.filter((i) => i.required).map((i) => i.id));
const ITEMS = PC_COVID_CHECKLIST_V1.sections.flatMap((s) => s.items.map((i) => i.id));
const VISIT_EVENTS: LifecycleEvent<'visit'>[] = [
  { type: 'visit.start' },
  ...ITEMS.map((itemId): LifecycleEvent<'visit'> => ({ type: 'item.answer', itemId })),
  { type: 'checklist.complete' },
  { type: 'minutes.draft' },
  { type: 'signature.record', party: 'inspectedUnit', signerId: 'tg-1' },
  { type: 'signature.record', party: 'teamLead', signerId: 'p-lead' },
  { type: 'minutes.sign' },
  { type: 'visit.review' },
  { type: 'visit.close' },
];

function input(i: number) {
  return {
    visitId: `visit-${i}`,
    districtCode: '436',
    nominatedDistrictRepIds: ['p-vhtt-436'],
    assignedMemberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'],
    requiredItemIds: REQUIRED,
    windowEnd: '2021-12-07',
  };
}

const visitsFor = (steps: number) => Math.ceil(steps / VISIT_EVENTS.length);

/** The initial persisted lifecycles (untimed), one per visit. */
const setup = (ctx: BenchContext) => Array.from({ length: visitsFor(ctx.size) }, (_, i) => ({ persisted: startLifecycle('visit', input(i)), input: input(i) }));

await runBench(
  {
    name: 'lifecycle',
    sizes: [16_000],
    quickSizes: [16_000],
    opsPerRun: (n) => n,
    opLabel: 'step',
    goalRatio: 1.3,
    capMs: 300_000,
    work: (n) =>
      `${n.toLocaleString('en')} visit lifecycle steps (${visitsFor(n).toLocaleString('en')} visits × ${VISIT_EVENTS.length} events, start → closed), each from the previous step's persisted JSON`,
    ours: {
      setup,
      run: (prepared, ctx) => {
        let steps = 0;
        for (const v of prepared as ReturnType<typeof setup>) {
          let p: PersistedLifecycle = v.persisted;
          for (const e of VISIT_EVENTS) {
            if (steps === ctx.size) break;
            p = applyLifecycleEvent('visit', p, e).persisted;
            steps++;
          }
          if (steps % VISIT_EVENTS.length === 0 && p.snapshot.value !== 'closed') throw new Error(`ours ended in ${p.snapshot.value}`);
          if (steps % 1500 === 0) ctx.progress(steps);
        }
        if (steps !== ctx.size) throw new Error(`steps ${steps}`);
      },
    },
    raw: {
      setup,
      run: (prepared, ctx) => {
        let steps = 0;
        for (const v of prepared as ReturnType<typeof setup>) {
          let snapshot = v.persisted.snapshot as unknown;
          for (const e of VISIT_EVENTS) {
            if (steps === ctx.size) break;
            const actor = createActor(visitMachine, { snapshot: snapshot as never, input: v.input });
            actor.start();
            actor.send(e);
            snapshot = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
            actor.stop();
            steps++;
          }
          // xstate ignores an event the state does not take: check the walk really got through.
          if (steps % VISIT_EVENTS.length === 0 && (snapshot as { value: string }).value !== 'closed') throw new Error(`raw ended in ${(snapshot as { value: string }).value}`);
          if (steps % 1500 === 0) ctx.progress(steps);
        }
        if (steps !== ctx.size) throw new Error(`steps ${steps}`);
      },
    },
  },
  import.meta.url,
);
