import { readFileSync } from 'node:fs';
import { COMMANDS, ValidationError, type CommandName, type InspectionService } from '@pccovid-inspect/core';
import type { CommandEnv } from '../cli.js';
import { UsageError } from '../cli-errors.js';
import { withSession } from './session.js';

const NAMES = Object.keys(COMMANDS).sort() as CommandName[];

/** @internal The list under `run --help`: every command of the table with its roles, both languages. */
export function runHelpText(): string {
  const lines = NAMES.map((n) => {
    const c = COMMANDS[n];
    return `  ${n.padEnd(26)} ${c.kind === 'query' ? 'query  ' : 'command'} ${c.summary.vi} / ${c.summary.en} [${c.roles.join(', ')}]`;
  });
  return `\nLệnh của bảng lệnh / Commands of the command table:\n${lines.join('\n')}\n`;
}

function parseInput(text: string): unknown {
  const source = text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text;
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new ValidationError({
      subject: 'input',
      issues: [{ path: [], code: 'invalid_json', message: `không phải JSON hợp lệ / not valid JSON: ${error instanceof Error ? error.message : String(error)}` }],
      hint: `--input '{"campaignId":"..."}'`,
    });
  }
}

/** @internal `run <name> --input <json>`: any command or query of the table, validated by the service. */
export async function runCommand(env: CommandEnv, name: string | undefined, opts: { input: string; list: boolean }): Promise<void> {
  if (opts.list || name === undefined) {
    const rows = NAMES.map((n) => ({
      name: n,
      kind: COMMANDS[n].kind,
      method: COMMANDS[n].method,
      summary: COMMANDS[n].summary,
      roles: COMMANDS[n].roles,
      errors: COMMANDS[n].errors,
    }));
    env.out.result(rows, () => env.out.line(runHelpText().trimStart()));
    return;
  }
  if (!(name in COMMANDS)) {
    const near = NAMES.filter((n) => n.split('.')[0] === name.split('.')[0] || n.split('.')[1] === name.split('.')[1]);
    throw new UsageError(`không có lệnh "${name}"`, `no command "${name}"`, near.length > 0 ? `pccovid-inspect run ${near.join(' | ')}` : 'pccovid-inspect run --list');
  }
  const def = COMMANDS[name as CommandName];
  const input = parseInput(opts.input);
  await withSession(env, async ({ service, actor }) => {
    const method = (service as unknown as Record<string, (a: unknown, i: unknown) => Promise<unknown>>)[def.method as keyof InspectionService];
    if (typeof method !== 'function') throw new UsageError(`dịch vụ không có "${def.method}"`, `the service has no "${def.method}"`);
    const result = await method.call(service, actor, input);
    env.out.result(result, () => env.out.line(JSON.stringify(result, null, 2)));
  });
}
