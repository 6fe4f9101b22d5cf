#!/usr/bin/env node
/**
 * The API report: every export of every entry point of every published package, with its kind
 * and its full type, written to `packages/<pkg>/api/<entry>.api.md`. A change to the public
 * surface — a name, a parameter, a field of an input or a result — shows up as a diff of these
 * files, so it is reviewed deliberately (and carries a changeset).
 *
 *   node scripts/api-report.mjs          writes the reports
 *   node scripts/api-report.mjs --check  fails (exit 1) when a report is out of date
 *
 * Reads the sources through the root tsconfig.json (no build needed).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);

/** Published packages and their entry points (from `exports`). */
const entries = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const pkgFile = join(root, 'packages', dir, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (pkg.private) continue;
  for (const key of Object.keys(pkg.exports ?? {})) {
    if (key === './package.json') continue;
    const sub = key === '.' ? '' : key.slice(2);
    const file = join(root, 'packages', dir, 'src', sub, 'index.ts');
    if (!existsSync(file)) throw new Error(`${pkg.name}: entry ${key} has no ${relative(root, file)}`);
    entries.push({ dir, name: pkg.name, key, sub, file });
  }
}

const program = ts.createProgram(
  entries.map((e) => e.file),
  config.options,
);
const checker = program.getTypeChecker();
const FULL = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType | ts.TypeFormatFlags.WriteArrayAsGenericType;

/** A zod schema's output type, so a schema is reported by the data it accepts, not zod's internals. */
function zodOutput(type, at) {
  const internals = type.getProperty('_zod');
  if (!internals) return null;
  const output = checker.getTypeOfSymbolAtLocation(internals, at).getProperty('output');
  return output ? checker.typeToString(checker.getTypeOfSymbolAtLocation(output, at), at, FULL) : null;
}

function describe(symbol, at) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const decl = target.declarations?.[0];
  const f = target.flags;
  if (f & ts.SymbolFlags.Class) {
    const type = checker.getTypeOfSymbolAtLocation(target, at);
    const ctor = type.getConstructSignatures().map((s) => `new ${checker.signatureToString(s, at, FULL)}`);
    const instance = checker.getDeclaredTypeOfSymbol(target);
    const members = checker
      .getPropertiesOfType(instance)
      .filter((p) => !p.name.startsWith('__'))
      .map((p) => `  ${p.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(p, at), at, FULL)}`);
    const statics = checker
      .getPropertiesOfType(type)
      .filter((p) => p.name !== 'prototype')
      .map((p) => `  static ${p.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(p, at), at, FULL)}`);
    return ['class', [...ctor, ...statics, ...members].join('\n')];
  }
  if (f & ts.SymbolFlags.Function) {
    const sigs = checker.getTypeOfSymbolAtLocation(target, at).getCallSignatures();
    return ['function', sigs.map((s) => checker.signatureToString(s, at, FULL)).join('\n')];
  }
  if (f & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
    const type = checker.getDeclaredTypeOfSymbol(target);
    const params = decl && 'typeParameters' in decl && decl.typeParameters ? `<${decl.typeParameters.map((p) => p.getText()).join(', ')}>` : '';
    const props =
      f & ts.SymbolFlags.Interface || (type.flags & ts.TypeFlags.Object && !params)
        ? checker
            .getPropertiesOfType(type)
            .map((p) => `  ${p.name}${p.flags & ts.SymbolFlags.Optional ? '?' : ''}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(p, at), at, FULL)}`)
        : null;
    const text = props && props.length > 0 ? `{\n${props.join('\n')}\n}` : checker.typeToString(type, at, FULL | ts.TypeFormatFlags.InTypeAlias);
    return [f & ts.SymbolFlags.Interface ? 'interface' : 'type', `${params}${params ? ' ' : ''}${text}`];
  }
  if (f & ts.SymbolFlags.Variable) {
    const type = checker.getTypeOfSymbolAtLocation(target, at);
    const schema = zodOutput(type, at);
    return schema ? ['schema', `parses to ${schema}`] : ['const', checker.typeToString(type, at, FULL)];
  }
  return ['other', ''];
}

/** `import("/abs/packages/core/src/index")` → `import("@pccovid-inspect/core")`: no machine paths in a report. */
function portable(text) {
  return text.replace(/import\("([^"]+)"\)/g, (whole, path) => {
    const nm = path.lastIndexOf('/node_modules/');
    if (nm >= 0) {
      const parts = path.slice(nm + '/node_modules/'.length).split('/');
      return `import("${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}")`;
    }
    const rel = relative(join(root, 'packages'), path).split('/');
    if (rel[0] === '..' || rel[1] !== 'src') return whole;
    const sub = rel
      .slice(2)
      .join('/')
      .replace(/\/?index$/, '');
    return `import("@pccovid-inspect/${rel[0]}${sub ? `/${sub}` : ''}")`;
  });
}

const written = [];
const stale = [];
for (const e of entries) {
  const sf = program.getSourceFile(e.file);
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const lines = [
    `# API report: \`${e.name}${e.key === '.' ? '' : e.key.slice(1)}\``,
    '',
    '<!-- Generated by `pnpm run api:report`; checked in CI by `pnpm run api:check`. Do not edit. -->',
    '',
  ];
  for (const s of exports) {
    const [kind, text] = describe(s, sf);
    lines.push(`## ${s.name} (${kind})`, '', '```ts', portable(text), '```', '');
  }
  const out = join(root, 'packages', e.dir, 'api', `${e.sub || 'index'}.api.md`);
  const content = lines.join('\n');
  if (check) {
    if (!existsSync(out) || readFileSync(out, 'utf8') !== content) stale.push(relative(root, out));
  } else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, content);
    written.push(`${relative(root, out)} (${exports.length} exports)`);
  }
}
if (check) {
  if (stale.length > 0) {
    console.error(`API report out of date (the public surface changed):\n  ${stale.join('\n  ')}\nRun \`pnpm run api:report\`, review the diff, and add a changeset.`);
    process.exit(1);
  }
  console.log(`API report up to date (${entries.length} entry points).`);
} else {
  console.log(written.join('\n'));
}
