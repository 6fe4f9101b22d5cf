#!/usr/bin/env node
/**
 * Lints what we publish, after `pnpm run build`: every non-private packages/<name>/package.json.
 *
 *   1. publint (strict: warnings fail too) — package.json fields, exports and the packed files.
 *   2. attw --pack (Are the Types Wrong?) — each entry point's types under node10, node16 (CJS and
 *      ESM) and bundler resolution. A package whose exports have no `require` condition is
 *      ESM-only by design and is checked with `--profile esm-only`; dual packages with the
 *      default strict profile. No rule is ignored.
 *   3. Declaration imports — every module the emitted .d.ts/.d.cts files import must be the
 *      package itself or come with a dependency or peerDependency (the package, if it ships its
 *      own types, or its @types package). Neither tool above checks this, and a miss means
 *      TS2307 for users compiling with skipLibCheck: false.
 *
 * Prints the result of each check per package and exits 1 if any check of any package failed.
 * Usage: node scripts/lint-packages.mjs [package-dir…]   (default: all of packages/*)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const attwBin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'attw.cmd' : 'attw');

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** packages/<name> directories whose package.json is not private (or the ones named on the command line). */
function publishedPackageDirs() {
  const args = process.argv.slice(2);
  const dirs = args.length > 0 ? args.map((a) => resolve(a)) : readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d));
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .filter((dir) => readJson(join(dir, 'package.json')).private !== true)
    .sort();
}

/** True when no export condition (at any depth) is `require`: the package is ESM-only by design. */
function isEsmOnly(pkg) {
  const hasRequire = (value) => value !== null && typeof value === 'object' && Object.entries(value).some(([key, v]) => key === 'require' || hasRequire(v));
  return pkg.type === 'module' && pkg.exports !== undefined && !hasRequire(pkg.exports) && pkg.main === undefined;
}

async function runPublint(dir) {
  const { messages, pkg } = await publint({ pkgDir: dir, pack: 'pnpm', strict: true, level: 'suggestion' });
  const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false })}`);
  const failed = messages.some((m) => m.type === 'error' || m.type === 'warning');
  return { ok: !failed, lines };
}

function runAttw(dir, pkg) {
  const args = ['--pack', dir, '--format', 'ascii', '--no-emoji', '--no-color'];
  const profile = isEsmOnly(pkg) ? 'esm-only' : 'strict';
  if (profile !== 'strict') args.push('--profile', profile);
  const result = spawnSync(attwBin, args, { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const lines = output === '' ? [] : output.split('\n');
  if (result.error) lines.push(String(result.error));
  return { ok: result.status === 0, lines, profile };
}

function declarationFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.d\.(c|m)?ts$/.test(entry)) out.push(path);
    }
  };
  if (existsSync(join(dir, 'dist'))) walk(join(dir, 'dist'));
  return out;
}

function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** `@scope/name` → `@types/scope__name`, `name` → `@types/name`. */
function typesPackageOf(name) {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** Whether an installed package ships its own declarations (types/typings, a types condition, or index.d.ts). */
function shipsOwnTypes(name, fromDir) {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) {
      const pkg = readJson(candidate);
      if (pkg.types || pkg.typings) return true;
      if (pkg.exports && JSON.stringify(pkg.exports).includes('"types"')) return true;
      return existsSync(join(dirname(candidate), 'index.d.ts'));
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined; // not installed: cannot tell
    dir = parent;
  }
}

function checkDeclarationImports(dir, pkg) {
  const provided = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
  const builtins = new Set(builtinModules);
  const files = declarationFiles(dir);
  if (files.length === 0) return { ok: false, lines: ['no .d.ts files under dist/ — run `pnpm run build` first'] };
  const problems = new Map();
  const seen = new Set();
  for (const file of files) {
    // preProcessFile skips comments, so `import` lines in JSDoc examples are not counted.
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const specifiers = [...info.importedFiles, ...info.typeReferenceDirectives].map((f) => f.fileName);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      seen.add(specifier);
      const name = packageNameOf(specifier);
      const where = relative(dir, file);
      let problem;
      if (specifier.startsWith('node:') || builtins.has(name)) {
        if (!provided.has('@types/node')) problem = `'${specifier}' is a Node built-in: users need @types/node, which is not a dependency or peerDependency`;
      } else if (name === pkg.name || provided.has(typesPackageOf(name))) {
        // self-reference, or the @types package comes along
      } else if (!provided.has(name)) {
        problem = `'${specifier}': ${name} is not a dependency or peerDependency`;
      } else {
        const own = shipsOwnTypes(name, dir);
        if (own === undefined) problem = `'${specifier}': ${name} is not installed, cannot tell whether it ships types (run pnpm install)`;
        else if (!own) problem = `'${specifier}': ${name} ships no types and ${typesPackageOf(name)} is not a dependency or peerDependency`;
      }
      if (problem) problems.set(problem, [...(problems.get(problem) ?? []), where]);
    }
  }
  const lines = [...problems].map(([problem, where]) => `error: ${problem} (${[...new Set(where)].join(', ')})`);
  if (lines.length === 0) lines.push(`${files.length} declaration files; external imports: ${[...seen].sort().join(', ') || 'none'}`);
  return { ok: problems.size === 0, lines };
}

const dirs = publishedPackageDirs();
if (dirs.length === 0) {
  console.error('lint-packages: no published packages found');
  process.exit(1);
}

const summary = [];
for (const dir of dirs) {
  const pkg = readJson(join(dir, 'package.json'));
  const label = `${pkg.name} (${relative(root, dir)})`;
  console.log(`\n━━ ${label}`);
  const results = [];

  let publintResult;
  try {
    publintResult = await runPublint(dir);
  } catch (error) {
    publintResult = { ok: false, lines: [`publint failed to run: ${error instanceof Error ? error.message : String(error)}`] };
  }
  results.push(['publint (strict)', publintResult]);

  const attwResult = runAttw(dir, pkg);
  results.push([`attw (profile ${attwResult.profile})`, attwResult]);

  results.push(['declaration imports', checkDeclarationImports(dir, pkg)]);

  for (const [name, result] of results) {
    console.log(`  ${result.ok ? 'ok  ' : 'FAIL'} ${name}`);
    // attw's tables are long; print them only when something is wrong.
    const show = name.startsWith('attw') && result.ok ? result.lines.filter((l) => /problems? found|ignoring resolutions/i.test(l)).map((l) => l.trim()) : result.lines;
    for (const line of show) console.log(`         ${line}`);
  }
  summary.push({ label, failed: results.filter(([, r]) => !r.ok).map(([n]) => n) });
}

console.log('\n━━ summary');
for (const { label, failed } of summary) console.log(`  ${failed.length === 0 ? 'ok  ' : 'FAIL'} ${label}${failed.length ? `: ${failed.join(', ')}` : ''}`);
const failures = summary.filter((s) => s.failed.length > 0).length;
console.log(failures === 0 ? `\nAll ${summary.length} packages clean.` : `\n${failures} of ${summary.length} packages have problems.`);
process.exit(failures === 0 ? 0 : 1);
