// Runs every bench in bench/src/*.bench.ts, one after another (they share the 2 cores otherwise).
//
//   pnpm bench                      every bench, every size
//   pnpm bench round                only benches whose file name contains "round"
//   pnpm bench --quick              smoke test: each bench at its quick sizes only
//   pnpm bench round --sizes=100,1000 --runs=6 --cap=120 --out=bench/out.jsonl
//
// Flags map to the harness's environment variables (see bench/src/harness.ts):
// --quick → PCCI_BENCH_QUICK=1, --sizes → PCCI_BENCH_SIZES, --runs → PCCI_BENCH_RUNS,
// --cap (seconds) → PCCI_BENCH_CAP_S, --out → PCCI_BENCH_OUT.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'src');
const env = { ...process.env };
const filters = [];
const FLAGS = { sizes: 'PCCI_BENCH_SIZES', runs: 'PCCI_BENCH_RUNS', cap: 'PCCI_BENCH_CAP_S', out: 'PCCI_BENCH_OUT' };
for (const arg of process.argv.slice(2)) {
  if (arg === '--') continue;
  if (arg === '--quick') {
    env.PCCI_BENCH_QUICK = '1';
    continue;
  }
  const m = /^--(\w+)=(.*)$/.exec(arg);
  if (m && m[1] in FLAGS) {
    env[FLAGS[m[1]]] = m[1] === 'out' ? resolve(m[2]) : m[2];
    continue;
  }
  if (arg.startsWith('--')) {
    console.error(
      `unknown flag ${arg} (known: --quick, ${Object.keys(FLAGS)
        .map((f) => `--${f}=…`)
        .join(', ')})`,
    );
    process.exit(2);
  }
  filters.push(arg);
}
let failed = 0;
let ran = 0;
for (const f of readdirSync(dir)
  .filter((n) => n.endsWith('.bench.ts'))
  .sort()) {
  if (filters.length && !filters.some((only) => f.includes(only))) continue;
  ran++;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { stdio: 'inherit', cwd: dirname(dir), env });
  if (r.status !== 0) {
    console.error(`\n!! ${f} failed (exit ${r.status ?? r.signal})`);
    failed++;
  }
}
if (ran === 0) {
  console.error(`no bench matches ${filters.join(', ')}`);
  process.exit(2);
}
process.exit(failed ? 1 : 0);
