import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '../../..');

/** Starts `node --import tsx test/fixtures/<script>` with core resolved to its source (as another user with `as`). */
export function spawnFixture(script: string, args: string[], as: { uid?: number; gid?: number } = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', script), ...args], {
    ...as,
    cwd: repositoryRoot,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(here, 'fixtures', 'tsconfig.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Resolves when the child prints `line` on stdout; rejects if it exits first or after `timeoutMs`. */
export function waitForLine(child: ChildProcessWithoutNullStreams, line: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`no "${line}" after ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.split('\n').includes(line)) {
        clearTimeout(timer);
        resolvePromise();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code ?? signal}) before "${line}"; stderr: ${stderr}`));
    });
  });
}

/** Resolves with the exit code (or signal) of the child. */
export function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | NodeJS.Signals> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolvePromise) => child.once('exit', (code, signal) => resolvePromise(code ?? (signal as NodeJS.Signals))));
}
