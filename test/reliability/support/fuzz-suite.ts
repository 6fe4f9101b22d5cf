import { describe, expect, it } from 'vitest';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { STAGES } from './round.js';
import { runSeed } from './seed.js';
import { fuzzStage } from './service-fuzz.js';
import { Tally } from './summary.js';

/** Scale of every fuzzing loop: `PCCI_FC_SCALE=4` runs four times as many cases. */
export const SCALE = Number(process.env.PCCI_FC_SCALE ?? '1');

/** One `it` per lifecycle stage: every command and query fuzzed there, on the given storage. */
export function describeServiceFuzz(storageName: string, makeStorage: () => StorageAdapter, numRuns: number): void {
  describe(`every command and query at every stage, on ${storageName} / mọi lệnh ở mọi giai đoạn`, () => {
    for (const [index, stage] of STAGES.entries()) {
      it(`at "${stage.name}": only InspectErrors escape, a rejection changes nothing, no prototype pollution, the audit chain verifies`, async () => {
        const tally = new Tally(`service fuzz, ${storageName}`);
        const seed = runSeed();
        await fuzzStage({ makeStorage, stageIndex: index, numRuns: Math.max(1, Math.round(numRuns * SCALE)), seed, tally, strangerRuns: 1 });
        recordStage(tally);
        expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
      }, 300_000);
    }
  });
}

const totals = new Map<string, Tally>();
function recordStage(t: Tally): void {
  const sum = totals.get(t.family) ?? new Tally(t.family);
  sum.runs += t.runs;
  sum.faults += t.faults;
  sum.rowsChecked += t.rowsChecked;
  sum.violations.push(...t.violations);
  sum.violationCount += t.violationCount;
  totals.set(t.family, sum);
}

/** Records the per-storage totals once the file's stages are done (call from afterAll). */
export function recordFuzzTotals(): void {
  for (const t of totals.values()) t.record(`${STAGES.length} stages`);
}
