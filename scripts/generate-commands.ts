/**
 * Generates, from the command table, what is derived from it as text:
 * - `packages/core/src/service/inspection-service-methods.ts` — one documented member per
 *   command, so the API reference documents every service method;
 * - `docs/guides/commands.md` — the commands guide: input, roles, result and errors of each.
 *
 *   pnpm run commands:generate        writes both files
 *   pnpm run commands:generate --check fails (exit 1) when either is out of date
 *
 * Input and result types are read with the TypeScript checker from `CommandMethods`, the type
 * the service's methods are derived from, so the guide says exactly what the compiler enforces.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { COMMAND_LIST } from '../packages/core/src/service/command-table.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const METHODS_FILE = join(root, 'packages/core/src/service/inspection-service-methods.ts');
const GUIDE_FILE = join(root, 'docs/guides/commands.md');
const ALWAYS = ['VALIDATION_FAILED', 'FORBIDDEN', 'STORAGE_FAILED'];

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
const serviceFile = join(root, 'packages/core/src/service/inspection-service.ts');
const program = ts.createProgram([serviceFile], config.options);
const checker = program.getTypeChecker();
const sf = program.getSourceFile(serviceFile)!;
const methodsSymbol = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!).find((s) => s.name === 'CommandMethods')!;
const methodsType = checker.getDeclaredTypeOfSymbol(methodsSymbol);
const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/** A type as a reader wants it: short, with `import(...)` paths dropped. */
function show(type: ts.Type): string {
  const text = checker.typeToString(type, sf, FLAGS).replace(/import\("[^"]+"\)\./g, '');
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

interface Shape {
  fields: { name: string; optional: boolean; type: string }[];
  inputOptional: boolean;
  result: string;
}

function shapeOf(method: string): Shape {
  const prop = methodsType.getProperty(method);
  if (!prop) throw new Error(`CommandMethods has no ${method}`);
  const sig = checker.getTypeOfSymbolAtLocation(prop, sf).getCallSignatures()[0]!;
  // The input is a rest parameter `...input: [input: T]` or `[input?: T]` (optional when every field is).
  const rest = sig.getParameters()[1];
  const tuple = rest ? (checker.getTypeOfSymbolAtLocation(rest, sf) as ts.TypeReference) : undefined;
  const element = tuple ? checker.getTypeArguments(tuple)[0] : undefined;
  const inputOptional = tuple ? ((tuple.target as ts.TupleType).elementFlags[0]! & ts.ElementFlags.Optional) !== 0 : true;
  const inputType = element ? checker.getNonNullableType(element) : undefined;
  const fields = inputType
    ? checker.getPropertiesOfType(inputType).map((p) => ({
        name: p.name,
        optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
        type: show(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, sf))),
      }))
    : [];
  const promised = checker.getAwaitedType(sig.getReturnType()) ?? sig.getReturnType();
  const result = checker.typeToString(promised, sf, FLAGS).replace(/import\("[^"]+"\)\./g, '');
  return { fields, inputOptional, result };
}

const entries = COMMAND_LIST.map((def) => ({ def, shape: shapeOf(def.method) }));

// --- the documented members of the service -------------------------------------------------
const members = entries.map(({ def }) => {
  const errors = [...ALWAYS, ...def.errors].join(', ');
  return [
    '  /**',
    `   * ${def.summary.vi}. / ${def.summary.en}.`,
    '   *',
    `   * \`${def.name}\` (${def.kind}) · roles: ${def.roles.join(', ')} · errors: ${errors}.`,
    '   */',
    `  readonly ${def.method}: CommandMethods['${def.method}'];`,
  ].join('\n');
});
const methodsSource = `// Generated from the command table by \`pnpm run commands:generate\`; checked by \`pnpm run commands:check\`. Do not edit.
import type { CommandMethods } from './inspection-service.js';

/** The service's methods, one per entry of the command table, each documented from its entry. */
export interface DocumentedCommandMethods {
${members.join('\n')}
}
`;

// --- the commands guide --------------------------------------------------------------------
const table = (rows: string[][]) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
const guide: string[] = [
  '# Commands and queries',
  '',
  '<!-- Generated from the command table by `pnpm run commands:generate`; checked in CI. Do not edit. -->',
  '',
  'Every method of the service comes from one entry of the command table (`COMMANDS` in',
  '`@pccovid-inspect/core`): its name (the policy action, `noun.verb`), a strict input schema, the',
  'roles allowed, and its handler. The method name follows one rule: `noun.verb` → `verbNoun`',
  '(`visit.start` → `startVisit`). Each call is `service.method(actor, input)`.',
  '',
  '*Mỗi phương thức của dịch vụ ứng với một dòng của bảng lệnh: tên (hành động `danh-từ.động-từ`),',
  'lược đồ dữ liệu vào (không chấp nhận trường lạ), các vai trò được phép, và hàm xử lý.*',
  '',
  'Every command and query may also fail with `VALIDATION_FAILED` (bad input or an unknown key, with',
  'the path), `FORBIDDEN` (a role not in the list) and `STORAGE_FAILED` (the storage adapter failed);',
  'a failed command changes nothing. Commands write one transaction with one audit event.',
  '',
  table([
    ['name', 'method', 'kind', 'roles'],
    ['---', '---', '---', '---'],
    ...entries.map(({ def }) => [`\`${def.name}\``, `[\`${def.method}\`](#${def.method.toLowerCase()})`, def.kind, def.roles.join(', ')]),
  ]),
  '',
];
for (const { def, shape } of entries) {
  guide.push(
    `## ${def.method}`,
    '',
    `\`${def.name}\` · ${def.kind} — ${def.summary.vi}. / ${def.summary.en}.`,
    '',
    `- **Call:** \`service.${def.method}(actor${shape.fields.length === 0 || shape.inputOptional ? ', input?' : ', input'})\``,
    `- **Roles:** ${def.roles.map((r) => `\`${r}\``).join(', ')}`,
    `- **Errors:** ${[...ALWAYS, ...def.errors].map((e) => `\`${e}\``).join(', ')}`,
    `- **Result:** \`${shape.result}\``,
    '',
  );
  if (shape.fields.length > 0) {
    guide.push(
      table([
        ['input field', 'type', 'required'],
        ['---', '---', '---'],
        ...shape.fields.map((f) => [`\`${f.name}\``, `\`${f.type.replace(/\|/g, '\\|')}\``, f.optional ? 'no' : 'yes']),
      ]),
      '',
    );
  } else {
    guide.push('No input fields (pass nothing, or `{}`).', '');
  }
}
const guideSource = guide.join('\n');

const outputs: [string, string][] = [
  [METHODS_FILE, methodsSource],
  [GUIDE_FILE, guideSource],
];
if (check) {
  const stale = outputs.filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text).map(([file]) => file.slice(root.length + 1));
  if (stale.length > 0) {
    console.error(`Out of date with the command table: ${stale.join(', ')}. Run \`pnpm run commands:generate\`.`);
    process.exit(1);
  }
  console.log(`Command docs up to date (${entries.length} commands and queries).`);
} else {
  for (const [file, text] of outputs) writeFileSync(file, text);
  console.log(`Wrote ${outputs.map(([f]) => f.slice(root.length + 1)).join(', ')} (${entries.length} commands and queries).`);
}
