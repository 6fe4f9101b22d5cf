import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, tsconfigPaths } from './packages-root.js';

/** A tsconfig for tsx that points `@pccovid-inspect/*` at the same sources the tests use. */
export function writeChildTsconfig(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tsconfig.child.json');
  writeFileSync(
    file,
    JSON.stringify(
      { compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', baseUrl: REPO_ROOT, paths: tsconfigPaths(), skipLibCheck: true } },
      null,
      2,
    ),
  );
  return file;
}

const tsxLoader = pathToFileURL(createRequire(join(REPO_ROOT, 'package.json')).resolve('tsx')).href;

/** Starts `node --import tsx <script> ...args` with the tsconfig above. */
export function spawnTsx(script: string, args: string[], tsconfig: string): ChildProcess {
  return spawn(process.execPath, ['--import', tsxLoader, script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Resolves with the exit code (or signal) of a child; its stderr is kept for the failure message. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}
