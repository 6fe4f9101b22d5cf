/**
 * `pccovid-inspect --json <args>` in this process (`runCli`, the code the binary runs), its output
 * captured: what the main job uses for every step.
 */
import { runCli } from '@pccovid-inspect/cli';

/** One run of the command line: its exit code, its `result` (null on an error) and its output. */
export interface CliJsonRun<T> {
  code: number;
  result: T | null;
  /** stdout then stderr, for an error message. */
  text: string;
}

/** Runs `pccovid-inspect --json <args>` and parses its `{ ok, result | error }`. */
export async function runCliJson<T>(args: readonly string[]): Promise<CliJsonRun<T>> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(['--json', ...args], {
    io: { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), isTTY: false },
    signal: new AbortController().signal,
  });
  const out = stdout.join('');
  const parsed = JSON.parse(out) as { ok: boolean; result?: T };
  return { code, result: parsed.ok ? (parsed.result ?? null) : null, text: `${out}${stderr.join('')}` };
}
