#!/usr/bin/env node
// Measures core's hot paths against the raw libraries they wrap (issue "service at province
// scale", item 5). The sources are bundled first with esbuild the way tsup builds `dist` (ESM,
// node20, dependencies external, no keepNames), into node_modules/.cache, so no build is needed:
//
//   checklist-compliant  validateChecklistResponse(PC_COVID_CHECKLIST_V1, input)  vs  ChecklistResponseSchema.parse(input)
//   checklist-failing    the same with a response that breaks three rules (ours throws ValidationError)
//   lifecycle-step       applyLifecycleEvent('visit', persisted, event)  vs
//                        createActor(visitMachine, { snapshot, input }).start(); actor.send(event); actor.getPersistedSnapshot()
//   lifecycle-guarded    the same with a guarded event (visit.start in planned)
//
// Each side of each case runs in a fresh process; ours and raw alternate (ours first on even
// rounds, raw first on odd ones). A process warms up, then times batches and reports its median
// batch in µs per call; the ratio is median(ours) / median(raw) over the rounds.
//
//   node packages/core/scripts/bench-hot-paths.mjs [rounds=7] [case-filter]
//
// BENCH_CORE_DIR=<dir> bundles the sources of another checkout of packages/core (e.g. an older
// commit: `git archive <rev> packages/core/src | tar -x -C /tmp/old`, then
// BENCH_CORE_DIR=/tmp/old/packages/core) to measure "before".
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const CORE = process.env.BENCH_CORE_DIR ?? fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../node_modules/.cache/bench-hot-paths/entry.js', import.meta.url));

const ENTRY = `
export { ChecklistResponseSchema } from './src/entities/checklist-response.ts';
export { PC_COVID_CHECKLIST_V1 } from './src/checklist/pc-covid-checklist-v1.ts';
export { validateChecklistResponse } from './src/checklist/validate-checklist-response.ts';
export { compliantAnswers, responseInput } from './src/checklist/test-support.ts';
export { visitMachine } from './src/lifecycle/visit-machine.ts';
export { applyLifecycleEvent, startLifecycle } from './src/lifecycle/lifecycle-api.ts';
export { SAMPLE_INPUTS } from './src/lifecycle/fixtures/sample-events.ts';
export { ValidationError } from './src/errors/validation-error.ts';
export { createActor } from 'xstate';
`;

async function bundle() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: CORE, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: BUNDLE,
    logLevel: 'warning',
  });
}

const CASES = ['checklist-compliant', 'checklist-failing', 'lifecycle-step', 'lifecycle-guarded'];

async function prepare(name, side) {
  const lib = await import(pathToFileURL(BUNDLE).href);
  if (name.startsWith('checklist')) {
    const { ChecklistResponseSchema, PC_COVID_CHECKLIST_V1, validateChecklistResponse, compliantAnswers, responseInput } = lib;
    const answers = compliantAnswers();
    if (name === 'checklist-failing') {
      answers.b2 = { answer: 'met', fields: { postedSizeCm: 20 }, evidence: [] }; // no photo
      answers.b3 = { answer: 'not_met', fields: {}, evidence: [] }; // no note
      answers.a1 = { answer: 'met', fields: { staffTotal: 40, staffInstalled: 41 }, evidence: [] }; // installed > total
    }
    const input = responseInput(answers);
    if (side === 'raw') return () => ChecklistResponseSchema.parse(input);
    if (side === 'floor') {
      // The least any validation can cost here: the raw parse, then throwing the very ValidationError ours throws.
      let thrown;
      try {
        validateChecklistResponse(PC_COVID_CHECKLIST_V1, input);
      } catch (error) {
        thrown = error;
      }
      const { ValidationError } = lib;
      return () => {
        ChecklistResponseSchema.parse(input);
        try {
          throw new ValidationError({ subject: thrown.subject, issues: thrown.issues, hint: thrown.hint });
        } catch (error) {
          return error;
        }
      };
    }
    return () => {
      try {
        return validateChecklistResponse(PC_COVID_CHECKLIST_V1, input);
      } catch (error) {
        if (name !== 'checklist-failing') throw error;
        return error;
      }
    };
  }
  const { createActor, visitMachine, applyLifecycleEvent, startLifecycle, SAMPLE_INPUTS } = lib;
  const input = { ...SAMPLE_INPUTS.visit, assignedMemberIds: ['m-thanhtra-01', 'm-vhtt-443'] };
  let persisted = startLifecycle('visit', input);
  let event = { type: 'visit.start' };
  if (name === 'lifecycle-step') {
    persisted = applyLifecycleEvent('visit', persisted, { type: 'visit.start' }).persisted;
    event = { type: 'item.answer', itemId: 'II.1.a.1' };
  }
  // What storage hands over: parsed JSON.
  persisted = JSON.parse(JSON.stringify(persisted));
  if (side === 'raw') {
    return () => {
      const actor = createActor(visitMachine, { snapshot: persisted.snapshot, input });
      actor.start();
      actor.send(event);
      return actor.getPersistedSnapshot();
    };
  }
  return () => applyLifecycleEvent('visit', persisted, event);
}

async function child(name, side) {
  const run = await prepare(name, side);
  // Calibrate a batch to ~20 ms, warm up ~1 s, then time 15 batches.
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) run();
    if (performance.now() - t0 > 20) break;
    n *= 2;
  }
  const warmUntil = performance.now() + 1000;
  while (performance.now() < warmUntil) run();
  const perCall = [];
  for (let b = 0; b < 15; b++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) run();
    perCall.push(((performance.now() - t0) * 1000) / n);
  }
  process.stdout.write(`${JSON.stringify({ us: median(perCall) })}\n`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function spawnSide(name, side) {
  const r = spawnSync(process.execPath, [SELF, '--child', name, side], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name}/${side} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)).us;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  await bundle();
  const rounds = Number(process.argv[2] ?? 7);
  const filter = process.argv[3] ?? '';
  for (const name of CASES.filter((c) => c.includes(filter))) {
    const ours = [];
    const raw = [];
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 0) {
        ours.push(spawnSide(name, 'ours'));
        raw.push(spawnSide(name, 'raw'));
      } else {
        raw.push(spawnSide(name, 'raw'));
        ours.push(spawnSide(name, 'ours'));
      }
    }
    const o = median(ours);
    const w = median(raw);
    console.log(
      `${name.padEnd(20)} ours ${o.toFixed(2).padStart(8)} µs  raw ${w.toFixed(2).padStart(8)} µs  ratio ${(o / w).toFixed(2)}×  ` +
        `(medians of ${rounds}; ours ${ours.map((x) => x.toFixed(1)).join(' ')} | raw ${raw.map((x) => x.toFixed(1)).join(' ')})`,
    );
    if (name === 'checklist-failing') {
      // Not alternated with the others: a reference for how much of the ratio the thrown error itself is.
      const floor = [];
      for (let r = 0; r < rounds; r++) floor.push(spawnSide(name, 'floor'));
      const f = median(floor);
      console.log(`${''.padEnd(20)} floor ${f.toFixed(2).padStart(7)} µs (raw parse + throwing the same ValidationError)  ratio ${(f / w).toFixed(2)}×`);
    }
  }
}
