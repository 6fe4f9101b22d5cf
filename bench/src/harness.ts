/**
 * Bench harness: runs "ours" and "raw" for the same work, each in a fresh child process (so peak
 * memory is each side's own), in the same run, and prints both times, the ratio and peak RSS.
 *
 * A bench file calls `runBench({...})`. Run one with `pnpm exec tsx bench/src/<name>.bench.ts`,
 * or all with `pnpm bench`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BenchSide {
  /** Prepares inputs (not timed). Its result is passed to `run`. */
  setup?: () => Promise<unknown> | unknown;
  /** The timed work. */
  run: (prepared: unknown) => Promise<unknown> | unknown;
}

export interface BenchDefinition {
  name: string;
  /** What the work is, in one line (rows, pages…). */
  work: string;
  ours: BenchSide;
  raw: BenchSide;
  /** Goal for ours/raw time, printed beside the ratio. */
  goalRatio?: number;
  /** Goal for our peak RSS in MiB. */
  goalPeakMiB?: number;
  /** How many timed repetitions per side (median is reported). Default 3. */
  repeats?: number;
}

interface SideResult {
  ms: number;
  peakMiB: number;
}

const SIDE_ENV = 'PCCI_BENCH_SIDE';

/** Runs a bench definition: as parent it forks both sides; as a child it runs one side. */
export async function runBench(def: BenchDefinition, callerUrl: string): Promise<void> {
  const side = process.env[SIDE_ENV];
  if (side === 'ours' || side === 'raw') {
    const s = def[side];
    const repeats = def.repeats ?? 3;
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const prepared = s.setup ? await s.setup() : undefined;
      const t0 = performance.now();
      await s.run(prepared);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)] ?? 0;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ms, peakMiB })}\n`);
    return;
  }
  const file = fileURLToPath(callerUrl);
  const runSide = (name: 'ours' | 'raw'): SideResult => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', file], {
      env: { ...process.env, [SIDE_ENV]: name },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) {
      throw new Error(`bench ${def.name} (${name}) failed:\n${child.stderr}`);
    }
    const last = child.stdout.trim().split('\n').pop() ?? '{}';
    return JSON.parse(last) as SideResult;
  };
  const raw = runSide('raw');
  const ours = runSide('ours');
  const ratio = ours.ms / raw.ms;
  const goal = def.goalRatio ? ` (goal ≤ ${def.goalRatio}×: ${ratio <= def.goalRatio ? 'met' : 'NOT met'})` : '';
  const memGoal = def.goalPeakMiB ? ` (goal < ${def.goalPeakMiB} MiB: ${ours.peakMiB < def.goalPeakMiB ? 'met' : 'NOT met'})` : '';
  console.log(`\n== ${def.name} — ${def.work}`);
  console.log(`   ours: ${ours.ms.toFixed(0)} ms, peak RSS ${ours.peakMiB.toFixed(0)} MiB${memGoal}`);
  console.log(`   raw:  ${raw.ms.toFixed(0)} ms, peak RSS ${raw.peakMiB.toFixed(0)} MiB`);
  console.log(`   ratio ours/raw: ${ratio.toFixed(2)}×${goal}`);
}
