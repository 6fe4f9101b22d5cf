import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const root = join(packageDir, '..', '..');

/**
 * How the real `pccovid-inspect` executable is started: `node dist/bin.js` when
 * `PCCOVID_CLI_BIN=dist` (after `pnpm run build`), else `node --import tsx src/bin.ts` with the root
 * tsconfig's paths, so the workspace packages are read from their sources (no build needed).
 */
export function binCommand(): { args: string[]; env: NodeJS.ProcessEnv } {
  if (process.env.PCCOVID_CLI_BIN === 'dist') {
    const bin = join(packageDir, 'dist', 'bin.js');
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm run build first`);
    return { args: [bin], env: {} };
  }
  return {
    args: ['--import', pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(packageDir, 'src', 'bin.ts')],
    env: { TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
  };
}

/** What one run of the executable printed and how it ended. */
export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running executable: its process and its end. */
export interface BinRun {
  child: ChildProcess;
  done: Promise<BinResult>;
}

/** Starts `pccovid-inspect <args>` in `cwd` (stdin closed, not a TTY, no PCCOVID_INSPECT_DB from outside). */
export function startBin(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): BinRun {
  const { args: head, env: extra } = binCommand();
  const { PCCOVID_INSPECT_DB: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, [...head, ...args], { cwd, env: { ...base, ...extra, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<BinResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `pccovid-inspect <args>` to the end. */
export function runBin(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<BinResult> {
  return startBin(args, cwd, env).done;
}

/** The `--json` output of a run. */
export function jsonOf(result: BinResult): { ok: boolean; result?: unknown; error?: { code: string; messageVi: string; messageEn: string; hint: string | null } } {
  return JSON.parse(result.stdout) as never;
}
