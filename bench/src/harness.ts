/**
 * Bench harness: "ours" against the raw library for the same work, measured so a skeptic can
 * trust the figures.
 *
 * - **One timed run per fresh process.** Every run is its own child process: its `setup` runs
 *   first (untimed), then `run` is timed once, then the child reports the time and its peak RSS
 *   (`process.resourceUsage().maxRSS`, the whole process, setup included) and exits. Nothing
 *   warmed up by an earlier run (JIT, caches, the page cache of a file it wrote) is reused.
 * - **ABBA order.** Runs alternate ours, raw, raw, ours, … so drift on a shared machine (thermal,
 *   other jobs) falls on both sides alike. Default 6 runs per side (3 ABBA blocks), at least 5
 *   for a result.
 * - **Reported per size:** the median of each side, the ratio of the medians, the spread
 *   (min–max) of each side and of the per-pair ratios (the k-th ours run against the k-th raw
 *   run, which sit next to each other in a block), the median peak RSS of each side, and the
 *   goal with `met` / `NOT met`.
 * - **A time cap per run.** A run still going after `capMs` is killed and reported as `> cap`;
 *   its side's median, the ratio and the verdict become lower bounds and say so. When the run
 *   calls `ctx.progress(done)`, the report also gives the operations done within the cap and
 *   the prefix rate (ms per operation so far — a lower bound of the whole run's rate when an
 *   operation does not get cheaper as the run goes on; the prefix also carries the process's
 *   warm-up (JIT, lazy imports), so with a short prefix it can overstate: read it only when the
 *   prefix is long — many seconds, thousands of operations). After a capped run, the side's other
 *   runs at that size are skipped (each would only hit the cap again); the report says how many.
 * - **Sizes.** A bench may run at several sizes (`sizes`); `prepare(size)` runs once per size,
 *   untimed, in its own process (e.g. seeding a database file that every run then copies or
 *   opens read-only), in a temp directory removed afterwards.
 *
 * Options (environment, or flags of `pnpm bench [filter] [flags]`):
 * `PCCI_BENCH_QUICK=1` / `--quick` (only each bench's quick sizes: a smoke test),
 * `PCCI_BENCH_SIZES=100,1000` / `--sizes=…`, `PCCI_BENCH_RUNS=6` / `--runs=…`,
 * `PCCI_BENCH_CAP_S=120` / `--cap=…` (seconds, overrides every bench's cap),
 * `PCCI_BENCH_OUT=file.jsonl` / `--out=…` (append one JSON line per bench and size),
 * `PCCI_BENCH_RUNTIME=tsx|node-dist` (how children run; see `BenchDefinition.childRuntime`).
 *
 * A bench file calls `runBench({...}, import.meta.url)`. Run one with
 * `pnpm exec tsx bench/src/<name>.bench.ts`, all with `pnpm bench`, one by name with
 * `pnpm bench <filter>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a side's `setup` and `run` get. */
export interface BenchContext {
  /** The size of this run (`0` for a bench without sizes). */
  size: number;
  /** What `prepare` returned for this size (JSON round-tripped), or `null`. */
  shared: unknown;
  /** A fresh temp directory of this run, removed after the run's process exits. */
  runDir: string;
  /** Reports progress inside the timed run (operations done so far); used when the cap kills the run. */
  progress(done: number): void;
}

export interface BenchSide {
  /** Prepares inputs (not timed); may return a promise. Its (awaited) result is passed to `run`. */
  setup?: (ctx: BenchContext) => unknown;
  /** The timed work; may return a promise. */
  run: (prepared: unknown, ctx: BenchContext) => unknown;
}

export interface BenchDefinition {
  name: string;
  /** What the work is, in one line (rows, pages, what is timed and what is setup). */
  work: string | ((size: number) => string);
  ours: BenchSide;
  raw: BenchSide;
  /** Sizes to run at (e.g. `[100, 1_000, 10_000]`). Default: one run without a size. */
  sizes?: readonly number[];
  /** Sizes for `--quick` (smoke test). Default: the smallest size. */
  quickSizes?: readonly number[];
  /**
   * Runs once per size in its own process before the timed runs (not timed); its JSON result is
   * `ctx.shared` of every run. `dir` is a temp directory kept until the size's runs are done.
   */
  prepare?: (size: number, dir: string) => unknown;
  /** Operations in one run at a size: the report then also gives ms per operation. */
  opsPerRun?: (size: number) => number;
  /** What an operation is called in the report (default `op`). */
  opLabel?: string;
  /** Goal for ours/raw (ratio of medians), printed beside the ratio. */
  goalRatio?: number;
  /** The sizes the ratio goal applies to. Default: every size. */
  goalRatioSizes?: readonly number[];
  /** Goal for ours' ms per operation at the largest size ÷ at the smallest (needs `opsPerRun`). */
  goalScaling?: number;
  /** Goal for our median peak RSS in MiB. */
  goalPeakMiB?: number;
  /** Timed runs per side. Default 6 (3 ABBA blocks). */
  runs?: number;
  /** Cap of one timed run in ms. Default 10 minutes. */
  capMs?: number;
  /** Cap of `prepare` and of a run's `setup`, in ms. Default 20 minutes. */
  setupCapMs?: number;
  /**
   * How each child process runs this bench file. `'tsx'` (default): `node --import tsx` on the
   * TypeScript sources, workspace packages resolved to their sources by the root tsconfig's
   * paths (no build needed; tsx and the compiled-in-memory sources cost ≈ 45 MiB of RSS).
   * `'node-dist'`: the parent bundles this file and its relative imports (harness, fixtures) with
   * esbuild into `bench/node_modules/.cache/pcci-bench/`, packages left external, and each child
   * runs plain `node` on it, so `@pccovid-inspect/*` load from their built `dist/` (build them
   * first; a `dist/` older than its `src/` is reported). Both sides run in the same child either
   * way. `PCCI_BENCH_RUNTIME=tsx|node-dist` overrides it.
   */
  childRuntime?: 'tsx' | 'node-dist';
}

type Side = 'ours' | 'raw';

/** One timed run as the parent saw it. */
interface RunResult {
  side: Side;
  /** The timed duration; the cap when `capped`. */
  ms: number;
  capped: boolean;
  /** Operations done when the cap killed the run (from `ctx.progress`). */
  done: number | null;
  peakMiB: number | null;
  setupRssMiB: number | null;
}

interface SideSummary {
  runs: RunResult[];
  skipped: number;
  medianMs: number;
  /** True when the median is a lower bound (a capped run at or below the middle). */
  medianIsLowerBound: boolean;
  minMs: number;
  maxMs: number;
  peakMiBMedian: number | null;
  peakMiBMin: number | null;
  peakMiBMax: number | null;
  /** ms per op; with a cap, from the best prefix rate. */
  msPerOp: number | null;
  msPerOpIsLowerBound: boolean;
}

const PHASE_ENV = 'PCCI_BENCH_PHASE';
const CHILD_ENV = 'PCCI_BENCH_CHILD';
const REPO_TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

const envNumber = (name: string): number | null => {
  const v = process.env[name];
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${v}`);
  return n;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const fmtRatio = (r: number): string => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));
const fmtSize = (n: number): string => n.toLocaleString('en');

/** Writes one protocol line to the parent (stdout is a pipe: synchronous on Linux). */
function say(message: Record<string, unknown>): void {
  process.stdout.write(`\n@@bench ${JSON.stringify(message)}\n`);
}

async function childMain(def: BenchDefinition): Promise<void> {
  const phase = process.env[PHASE_ENV];
  const size = Number(process.env.PCCI_BENCH_SIZE ?? '0');
  if (phase === 'prepare') {
    const result = def.prepare ? await def.prepare(size, process.env.PCCI_BENCH_DIR!) : null;
    say({ t: 'prepared', shared: result ?? null });
    return;
  }
  const side = phase as Side;
  const s = def[side];
  let lastSaid = 0;
  const ctx: BenchContext = {
    size,
    shared: JSON.parse(process.env.PCCI_BENCH_SHARED ?? 'null') as unknown,
    runDir: process.env.PCCI_BENCH_RUN_DIR!,
    progress(done: number) {
      const now = performance.now();
      if (now - lastSaid < 200) return;
      lastSaid = now;
      say({ t: 'progress', done });
    },
  };
  const prepared = s.setup ? await s.setup(ctx) : undefined;
  const setupRssMiB = process.memoryUsage.rss() / 1024 / 1024;
  say({ t: 'start' });
  const t0 = performance.now();
  await s.run(prepared, ctx);
  const ms = performance.now() - t0;
  say({ t: 'done', ms, peakMiB: process.resourceUsage().maxRSS / 1024, setupRssMiB });
}

interface ChildOutcome {
  messages: Record<string, unknown>[];
  capped: boolean;
  lastProgress: number | null;
}

/** How a child is started: the bench file and the node arguments before it. */
interface ChildCommand {
  /** The bench's own file (its directory's parent is the child's working directory). */
  file: string;
  /** What node runs: the file itself under tsx, or its compiled bundle. */
  args: string[];
}

const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * `'node-dist'`: bundles the bench file (relative imports inlined, packages external) next to
 * `bench/node_modules`, so node resolves the packages as an installed user would (their `dist/`).
 * Warns for every workspace package whose `dist/` is older than its newest source file.
 */
async function compileForNode(file: string, name: string): Promise<string> {
  const esbuild = await import('esbuild');
  const outDir = join(BENCH_DIR, 'node_modules', '.cache', 'pcci-bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}-${process.pid}.mjs`);
  // A tsconfig without the root's `paths`, so `@pccovid-inspect/*` stay external (→ dist/) instead
  // of being bundled from their sources.
  const tsconfig = join(outDir, 'tsconfig.json');
  writeFileSync(tsconfig, '{ "compilerOptions": {} }\n');
  const result = await esbuild.build({
    tsconfig,
    entryPoints: [file],
    outfile,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  });
  const workspace = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) {
      const m = /^@pccovid-inspect\/[^/]+/.exec(imp.path);
      if (imp.external && m) workspace.add(m[0]);
    }
  }
  for (const pkg of workspace) {
    const dir = realpathSync(join(BENCH_DIR, 'node_modules', pkg));
    const built = newestMtime(join(dir, 'dist'));
    const source = newestMtime(join(dir, 'src'));
    if (built === 0) throw new Error(`${pkg} has no dist/: build it first (pnpm --filter ${pkg} run build), or run with PCCI_BENCH_RUNTIME=tsx`);
    if (source > built) console.log(`   [harness] warning: ${pkg}'s dist/ is older than its src/ — rebuild it (pnpm --filter ${pkg} run build) for figures of the current sources`);
  }
  console.log(`   children: plain node on ${outfile} (workspace packages from dist/: ${[...workspace].sort().join(', ') || 'none'})`);
  return outfile;
}

function newestMtime(path: string): number {
  let newest = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(path, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Spawns one child of this bench file and follows its protocol lines, enforcing the caps. */
function runChild(command: ChildCommand, env: Record<string, string>, capMs: number, setupCapMs: number, label: string): Promise<ChildOutcome> {
  const { file } = command;
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, command.args, {
      env: { TSX_TSCONFIG_PATH: REPO_TSCONFIG, ...process.env, ...env, [CHILD_ENV]: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dirname(dirname(file)),
    });
    const messages: Record<string, unknown>[] = [];
    let stderr = '';
    let buffer = '';
    let capped = false;
    let lastProgress: number | null = null;
    const kill = (why: 'cap' | 'setup') => {
      if (why === 'cap') capped = true;
      else stderr += `\n[harness] setup/prepare exceeded ${setupCapMs} ms; killed`;
      child.kill('SIGKILL');
    };
    let timer = setTimeout(() => kill('setup'), setupCapMs);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('@@bench ')) {
          if (line.trim()) process.stderr.write(`   [${label}] ${line}\n`);
          continue;
        }
        const msg = JSON.parse(line.slice(8)) as Record<string, unknown>;
        if (msg.t === 'start') {
          clearTimeout(timer);
          timer = setTimeout(() => kill('cap'), capMs);
        } else if (msg.t === 'progress') {
          lastProgress = msg.done as number;
        } else {
          messages.push(msg);
        }
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (capped) return resolve({ messages, capped, lastProgress });
      if (code !== 0) return reject(new Error(`${label} failed (exit ${code ?? signal}):\n${stderr.slice(-4000)}`));
      resolve({ messages, capped, lastProgress });
    });
  });
}

/** ours, raw, raw, ours, … — `runs` of each. */
export function abbaOrder(runs: number): Side[] {
  const pattern: Side[] = ['ours', 'raw', 'raw', 'ours'];
  return Array.from({ length: 2 * runs }, (_, i) => pattern[i % 4]!);
}

function summarize(runs: RunResult[], skipped: number, ops: number | null): SideSummary {
  const ms = runs.map((r) => r.ms);
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  // Capped runs (and skipped ones, which would have been capped) sort last at "≥ cap".
  const total = runs.length + skipped;
  const mid = total >> 1;
  const middle = total % 2 ? [mid] : [mid - 1, mid];
  const at = (i: number): RunResult | null => sorted[i] ?? null;
  const middleRuns = middle.map(at);
  const medianIsLowerBound = middleRuns.some((r) => r === null || r.capped);
  const capMs = runs.find((r) => r.capped)?.ms ?? 0;
  const medianMs = middleRuns.reduce((a, r) => a + (r ? r.ms : capMs), 0) / middleRuns.length;
  const peaks = runs.filter((r) => !r.capped && r.peakMiB !== null).map((r) => r.peakMiB!);
  let msPerOp: number | null = null;
  let msPerOpIsLowerBound = false;
  if (ops !== null && ops > 0) {
    if (!medianIsLowerBound) msPerOp = medianMs / ops;
    else {
      // The best (lowest-rate) evidence we have: the prefix rates of the capped runs.
      const rates = runs.filter((r) => r.capped && r.done).map((r) => r.ms / r.done!);
      msPerOp = rates.length ? Math.min(...rates) : medianMs / ops;
      msPerOpIsLowerBound = true;
    }
  }
  return {
    runs,
    skipped,
    medianMs,
    medianIsLowerBound,
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    peakMiBMedian: peaks.length ? median(peaks) : null,
    peakMiBMin: peaks.length ? Math.min(...peaks) : null,
    peakMiBMax: peaks.length ? Math.max(...peaks) : null,
    msPerOp,
    msPerOpIsLowerBound,
  };
}

function sideLine(name: string, s: SideSummary, opLabel: string, ops: number | null): string {
  const n = s.runs.length;
  const capped = s.runs.filter((r) => r.capped);
  const med = `${s.medianIsLowerBound ? '> ' : ''}${fmtMs(s.medianMs)} ms`;
  const spread = n > 1 ? ` (min–max ${fmtMs(s.minMs)}–${capped.length ? '> ' : ''}${fmtMs(s.maxMs)})` : '';
  const perOp = s.msPerOp !== null && ops !== null ? `; ${s.msPerOpIsLowerBound ? '≥ ' : ''}${fmtMs(s.msPerOp)} ms/${opLabel}` : '';
  const peak =
    s.peakMiBMedian !== null
      ? `; peak RSS median ${s.peakMiBMedian.toFixed(0)} MiB (${s.peakMiBMin!.toFixed(0)}–${s.peakMiBMax!.toFixed(0)})`
      : '; peak RSS n/a (every run capped)';
  let line = `   ${name}: median ${med}${spread}, ${n} run${n === 1 ? '' : 's'}${perOp}${peak}`;
  for (const r of capped) {
    line += `\n         capped at ${fmtMs(r.ms)} ms${r.done !== null && ops !== null ? `: ${fmtSize(r.done)} of ${fmtSize(ops)} ${opLabel}s done → prefix rate ${fmtMs(r.ms / r.done)} ms/${opLabel}` : ''}`;
  }
  if (s.skipped) line += `\n         ${s.skipped} further run${s.skipped === 1 ? '' : 's'} skipped after the cap`;
  return line;
}

/** What one size produced; also written to `PCCI_BENCH_OUT`. */
export interface SizeReport {
  bench: string;
  size: number;
  work: string;
  runsPerSide: number;
  capMs: number;
  ours: SideSummary;
  raw: SideSummary;
  ratio: number;
  ratioIsLowerBound: boolean;
  pairRatioMin: number | null;
  pairRatioMax: number | null;
  goalRatio: number | null;
  goalMet: boolean | null;
  opLabel: string;
  ops: number | null;
  date: string;
}

/** Runs a bench definition: as parent it forks every run; as a child it runs one side once. */
export async function runBench(def: BenchDefinition, callerUrl: string): Promise<void> {
  if (process.env[CHILD_ENV] === '1') {
    await childMain(def);
    return;
  }
  const file = fileURLToPath(callerUrl);
  const quick = process.env.PCCI_BENCH_QUICK === '1';
  const sizesEnv = process.env.PCCI_BENCH_SIZES;
  const allSizes = def.sizes && def.sizes.length ? [...def.sizes] : [0];
  let sizes = quick ? [...(def.quickSizes ?? [Math.min(...allSizes)])] : allSizes;
  if (sizesEnv) {
    const wanted = sizesEnv.split(',').map((s) => Number(s.replace(/_/g, '')));
    sizes = allSizes.filter((s) => wanted.includes(s));
    if (sizes.length === 0) {
      console.log(`\n== ${def.name}: none of its sizes (${allSizes.join(', ')}) is in PCCI_BENCH_SIZES=${sizesEnv}; skipped`);
      return;
    }
  }
  const runs = envNumber('PCCI_BENCH_RUNS') ?? def.runs ?? 6;
  const capS = envNumber('PCCI_BENCH_CAP_S');
  const capMs = capS !== null ? capS * 1000 : (def.capMs ?? 600_000);
  const setupCapMs = def.setupCapMs ?? 1_200_000;
  const opLabel = def.opLabel ?? 'op';
  const reports: SizeReport[] = [];
  const runtimeEnv = process.env.PCCI_BENCH_RUNTIME;
  if (runtimeEnv !== undefined && runtimeEnv !== '' && runtimeEnv !== 'tsx' && runtimeEnv !== 'node-dist') {
    throw new Error(`PCCI_BENCH_RUNTIME must be tsx or node-dist, got ${runtimeEnv}`);
  }
  const runtime: 'tsx' | 'node-dist' = runtimeEnv === 'tsx' || runtimeEnv === 'node-dist' ? runtimeEnv : (def.childRuntime ?? 'tsx');
  let command: ChildCommand = { file, args: ['--import', 'tsx', file] };
  if (runtime === 'node-dist') {
    const compiled = await compileForNode(file, def.name);
    process.on('exit', () => rmSync(compiled, { force: true }));
    command = { file, args: [compiled] };
  }

  for (const size of sizes) {
    const work = typeof def.work === 'function' ? def.work(size) : def.work;
    const label = size ? `${def.name} @ ${fmtSize(size)}` : def.name;
    console.log(`\n== ${label} — ${work}`);
    console.log(
      `   ${runs} runs per side, ABBA, one timed run per fresh process; cap ${fmtMs(capMs / 1000)} s per run${runs < 5 ? '  [fewer than 5 runs per side: a smoke test, not a result]' : ''}`,
    );
    const dir = mkdtempSync(join(tmpdir(), `pcci-bench-${def.name}-`));
    try {
      let shared: unknown = null;
      if (def.prepare) {
        const t0 = performance.now();
        const out = await runChild(command, { [PHASE_ENV]: 'prepare', PCCI_BENCH_SIZE: String(size), PCCI_BENCH_DIR: dir }, setupCapMs, setupCapMs, `${label} prepare`);
        shared = out.messages.find((m) => m.t === 'prepared')?.shared ?? null;
        console.log(`   prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s (untimed)`);
      }
      const results: Record<Side, RunResult[]> = { ours: [], raw: [] };
      const skipped: Record<Side, number> = { ours: 0, raw: 0 };
      for (const side of abbaOrder(runs)) {
        if (results[side].some((r) => r.capped)) {
          skipped[side]++;
          continue;
        }
        const runDir = mkdtempSync(join(dir, `${side}-`));
        try {
          const out = await runChild(
            command,
            { [PHASE_ENV]: side, PCCI_BENCH_SIZE: String(size), PCCI_BENCH_DIR: dir, PCCI_BENCH_RUN_DIR: runDir, PCCI_BENCH_SHARED: JSON.stringify(shared) },
            capMs,
            setupCapMs,
            `${label} ${side}`,
          );
          if (out.capped) {
            results[side].push({ side, ms: capMs, capped: true, done: out.lastProgress, peakMiB: null, setupRssMiB: null });
          } else {
            const done = out.messages.find((m) => m.t === 'done');
            if (!done) throw new Error(`${label} ${side}: the run reported no result`);
            results[side].push({ side, ms: done.ms as number, capped: false, done: null, peakMiB: done.peakMiB as number, setupRssMiB: done.setupRssMiB as number });
          }
        } finally {
          rmSync(runDir, { recursive: true, force: true });
        }
      }
      const ops = def.opsPerRun ? def.opsPerRun(size) : null;
      const ours = summarize(results.ours, skipped.ours, ops);
      const raw = summarize(results.raw, skipped.raw, ops);
      const ratio = ours.medianMs / raw.medianMs;
      const ratioIsLowerBound = ours.medianIsLowerBound && !raw.medianIsLowerBound;
      const ratioUnknown = raw.medianIsLowerBound;
      const pairs = results.ours
        .map((o, k) => [o, results.raw[k]] as const)
        .filter((p): p is readonly [RunResult, RunResult] => p[1] !== undefined && !p[0].capped && !p[1].capped)
        .map(([o, r]) => o.ms / r.ms);
      const goalApplies = def.goalRatio !== undefined && (!def.goalRatioSizes || def.goalRatioSizes.includes(size));
      const goalMet = goalApplies && !ratioUnknown ? (ratioIsLowerBound ? false : ratio <= def.goalRatio!) : null;
      console.log(sideLine('ours', ours, opLabel, ops));
      console.log(sideLine('raw ', raw, opLabel, ops));
      const pairText = pairs.length ? ` (per-pair ratios ${fmtRatio(Math.min(...pairs))}–${fmtRatio(Math.max(...pairs))}×, ${pairs.length} pairs)` : ' (no uncapped pair)';
      const goalText = goalApplies ? (goalMet === null ? `  goal ≤ ${def.goalRatio}×: unknown (raw capped)` : `  goal ≤ ${def.goalRatio}×: ${goalMet ? 'met' : 'NOT met'}`) : '';
      console.log(`   ratio of medians ours/raw: ${ratioUnknown ? 'unknown (raw capped)' : `${ratioIsLowerBound ? '> ' : ''}${fmtRatio(ratio)}×`}${pairText}${goalText}`);
      if (ours.msPerOpIsLowerBound && ours.msPerOp !== null && raw.msPerOp !== null && !raw.msPerOpIsLowerBound) {
        // A capped run's prefix rate bounds its whole-run rate from below when an operation does not
        // get cheaper as the run goes on: a far tighter bound than cap ÷ raw median.
        const perOp = ours.msPerOp / raw.msPerOp;
        const verdict = goalApplies ? `  goal ≤ ${def.goalRatio}×: ${perOp > def.goalRatio! ? 'NOT met' : 'unknown (the bound is within the goal)'}` : '';
        console.log(`   ratio per ${opLabel} from ours' prefix rate: ≥ ${fmtRatio(perOp)}×${verdict}`);
      }
      if (def.goalPeakMiB && ours.peakMiBMedian !== null) {
        console.log(`   our peak RSS median ${ours.peakMiBMedian.toFixed(0)} MiB  goal < ${def.goalPeakMiB} MiB: ${ours.peakMiBMedian < def.goalPeakMiB ? 'met' : 'NOT met'}`);
      }
      const report: SizeReport = {
        bench: def.name,
        size,
        work,
        runsPerSide: runs,
        capMs,
        ours,
        raw,
        ratio,
        ratioIsLowerBound,
        pairRatioMin: pairs.length ? Math.min(...pairs) : null,
        pairRatioMax: pairs.length ? Math.max(...pairs) : null,
        goalRatio: goalApplies ? def.goalRatio! : null,
        goalMet,
        opLabel,
        ops,
        date: new Date().toISOString(),
      };
      reports.push(report);
      if (process.env.PCCI_BENCH_OUT) appendFileSync(process.env.PCCI_BENCH_OUT, `${JSON.stringify(report)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  if (def.goalScaling !== undefined && def.opsPerRun && reports.length >= 2) {
    const first = reports[0]!;
    const last = reports[reports.length - 1]!;
    const a = first.ours;
    const b = last.ours;
    if (a.msPerOp !== null && b.msPerOp !== null && !a.msPerOpIsLowerBound) {
      const scaling = b.msPerOp / a.msPerOp;
      const lower = b.msPerOpIsLowerBound;
      // A lower bound above the goal is NOT met; a lower bound within it says nothing.
      const verdict = scaling > def.goalScaling ? 'NOT met' : lower ? 'unknown (the lower bound is within the goal)' : 'met';
      console.log(
        `\n== ${def.name}: ours ms/${opLabel} at ${fmtSize(last.size)} ÷ at ${fmtSize(first.size)}: ${lower ? '≥ ' : ''}${fmtRatio(scaling)}×  goal ≤ ${def.goalScaling}×: ${verdict}`,
      );
      const rawScaling = last.raw.msPerOp !== null && first.raw.msPerOp !== null && !last.raw.msPerOpIsLowerBound ? last.raw.msPerOp / first.raw.msPerOp : null;
      if (rawScaling !== null) console.log(`   (raw: ${fmtRatio(rawScaling)}×)`);
      if (process.env.PCCI_BENCH_OUT) {
        appendFileSync(
          process.env.PCCI_BENCH_OUT,
          `${JSON.stringify({ bench: def.name, scaling: { from: first.size, to: last.size, ours: scaling, oursIsLowerBound: lower, raw: rawScaling, goal: def.goalScaling, verdict } })}\n`,
        );
      }
    } else if (reports.length >= 2) {
      console.log(`\n== ${def.name}: scaling unknown (the smallest size was capped)`);
    }
  }
}
