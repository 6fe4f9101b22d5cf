import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @internal Where the worker file is and the environment a worker thread gets. */
export interface WorkerEntry {
  filename: string;
  env: Record<string, string>;
}

/** The environment as strings only (a worker's `env` takes no `undefined`). */
function currentEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return env;
}

/**
 * @internal The worker entry beside the running pool code.
 *
 * - **Built** (`dist/`): tsup bundles the pool into `dist/index.js`, `dist/bin.js` or a chunk, all at
 *   the top of `dist/`, and builds the worker as its own entry `dist/render-pool/render-worker.js`:
 *   plain Node loads it.
 * - **From source** (vitest, `tsx`, the benches): this file is `src/render-pool/worker-entry.ts`.
 *   Node 20 does not pass loader hooks to worker threads, so the worker starts at
 *   `source-worker.mjs`, which registers tsx in the thread and loads `render-worker.ts`, with the
 *   root tsconfig (unless `TSX_TSCONFIG_PATH` is set) whose paths resolve the workspace packages to
 *   their sources — the same way the tests start the executable.
 */
export function renderWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = fileURLToPath(moduleUrl);
  const env = currentEnv();
  if (!here.endsWith('.ts')) return { filename: join(dirname(here), 'render-pool', 'render-worker.js'), env };
  const srcDir = dirname(here);
  const tsconfig = join(srcDir, '..', '..', '..', '..', 'tsconfig.json');
  if (env.TSX_TSCONFIG_PATH === undefined && existsSync(tsconfig)) env.TSX_TSCONFIG_PATH = tsconfig;
  return { filename: join(srcDir, 'source-worker.mjs'), env };
}
