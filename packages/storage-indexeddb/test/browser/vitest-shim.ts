/**
 * What the storage kit takes from `vitest`, for a page (bundled in place of `vitest` by
 * `kit-in-chromium.test.ts`): `describe` (with options, async collection and `skipIf`), `it` (with a
 * timeout and `skipIf`), `beforeEach`/`afterEach`/`beforeAll`/`afterAll`, and vitest's own
 * `expect` (`@vitest/expect` on chai, set up as vitest sets it up), so every assertion of the kit
 * means in Chromium exactly what it means in Node. Tests run one at a time, in the order declared.
 */
import { ASYMMETRIC_MATCHERS_OBJECT, JestAsymmetricMatchers, JestChaiExpect, JestExtend, chai, getState, setState } from '@vitest/expect';
import type { ExpectStatic } from '@vitest/expect';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);

type Fn = () => unknown;
type Options = { timeout?: number } | number | undefined;

interface TestNode {
  kind: 'test';
  name: string;
  fn: Fn;
  timeout: number | undefined;
  skip: boolean;
}
interface SuiteNode {
  kind: 'suite';
  name: string;
  factory: Fn | undefined;
  timeout: number | undefined;
  skip: boolean;
  children: (SuiteNode | TestNode)[];
  beforeAll: Fn[];
  afterAll: Fn[];
  beforeEach: Fn[];
  afterEach: Fn[];
}

/** One kit test as it ran: its path of titles, and `pass`, `fail` (with the error) or `skip`. */
export interface KitTestResult {
  path: string[];
  state: 'pass' | 'fail' | 'skip';
  error?: string;
  ms: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const suite = (name: string, factory: Fn | undefined, timeout: number | undefined, skip: boolean): SuiteNode => ({
  kind: 'suite',
  name,
  factory,
  timeout,
  skip,
  children: [],
  beforeAll: [],
  afterAll: [],
  beforeEach: [],
  afterEach: [],
});
const root = suite('', undefined, undefined, false);
let current = root;

const timeoutOf = (options: Options): number | undefined => (typeof options === 'number' ? options : options?.timeout);

function declareSuite(skip: boolean, name: string, a: Options | Fn, b?: Fn): void {
  const [options, factory] = typeof a === 'function' ? [undefined, a] : [a, b];
  current.children.push(suite(name, factory, timeoutOf(options), skip || current.skip));
}

function declareTest(skip: boolean, name: string, a: Options | Fn, b?: Options | Fn): void {
  const [fn, options] = typeof a === 'function' ? [a, b as Options] : [b as Fn, a];
  current.children.push({ kind: 'test', name, fn, timeout: timeoutOf(options), skip: skip || current.skip });
}

export const describe = Object.assign((name: string, a: Options | Fn, b?: Fn) => declareSuite(false, name, a, b), {
  skipIf:
    (condition: unknown) =>
    (name: string, a: Options | Fn, b?: Fn): void =>
      declareSuite(Boolean(condition), name, a, b),
});
export const it = Object.assign((name: string, a: Options | Fn, b?: Options | Fn) => declareTest(false, name, a, b), {
  skipIf:
    (condition: unknown) =>
    (name: string, a: Options | Fn, b?: Options | Fn): void =>
      declareTest(Boolean(condition), name, a, b),
});
export const test = it;
export const beforeAll = (fn: Fn): void => void current.beforeAll.push(fn);
export const afterAll = (fn: Fn): void => void current.afterAll.push(fn);
export const beforeEach = (fn: Fn): void => void current.beforeEach.push(fn);
export const afterEach = (fn: Fn): void => void current.afterEach.push(fn);

/** vitest's `expect` (as `createExpect` builds it), without snapshots, polling or a worker. */
export const expect = Object.assign((value: unknown, message?: string) => {
  const { assertionCalls } = getState(expect as never);
  setState({ assertionCalls: assertionCalls + 1 }, expect as never);
  return chai.expect(value, message);
}, chai.expect) as unknown as ExpectStatic;
Object.assign(expect, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
Object.assign(expect, { getState: () => getState(expect as never), setState: (s: object) => setState(s, expect as never), assert: chai.assert });
setState(
  { assertionCalls: 0, isExpectingAssertions: false, isExpectingAssertionsError: null, expectedAssertionsNumber: null, expectedAssertionsNumberErrorGen: null },
  expect as never,
);

/** Collects the declared suites: each factory runs (awaited) with its suite current, then its children. */
async function collect(node: SuiteNode): Promise<void> {
  if (node.factory) {
    current = node;
    try {
      await node.factory();
    } finally {
      current = root;
    }
  }
  for (const child of node.children) if (child.kind === 'suite') await collect(child);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
  const lines = [`${e.name}: ${e.message}`];
  if (e.showDiff) lines.push(`expected: ${JSON.stringify(e.expected)?.slice(0, 2_000)}`, `actual:   ${JSON.stringify(e.actual)?.slice(0, 2_000)}`);
  lines.push(...(e.stack ?? '').split('\n').slice(1, 6));
  return lines.join('\n');
}

async function withTimeout(fn: Fn, ms: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(fn),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function allTests(node: SuiteNode, path: string[]): { path: string[]; node: TestNode }[] {
  return node.children.flatMap((c) => (c.kind === 'test' ? [{ path: [...path, c.name], node: c }] : allTests(c, [...path, c.name])));
}

async function run(node: SuiteNode, path: string[], chain: SuiteNode[], results: KitTestResult[], onResult: (r: KitTestResult) => void): Promise<void> {
  const record = (r: KitTestResult) => {
    results.push(r);
    onResult(r);
  };
  if (node.skip) {
    for (const t of allTests(node, path)) record({ path: t.path, state: 'skip', ms: 0 });
    return;
  }
  const timeout = [...chain].reverse().find((s) => s.timeout !== undefined)?.timeout ?? DEFAULT_TIMEOUT_MS;
  try {
    for (const hook of node.beforeAll) await withTimeout(hook, timeout, `beforeAll of ${path.join(' > ')}`);
  } catch (error) {
    for (const t of allTests(node, path)) record({ path: t.path, state: 'fail', error: `beforeAll failed: ${describeError(error)}`, ms: 0 });
    return;
  }
  for (const child of node.children) {
    if (child.kind === 'suite') {
      await run(child, [...path, child.name], [...chain, child], results, onResult);
      continue;
    }
    const testPath = [...path, child.name];
    if (child.skip) {
      record({ path: testPath, state: 'skip', ms: 0 });
      continue;
    }
    const started = performance.now();
    let error: unknown = null;
    try {
      for (const s of chain) for (const hook of s.beforeEach) await withTimeout(hook, DEFAULT_TIMEOUT_MS * 2, 'beforeEach');
      await withTimeout(child.fn, child.timeout ?? timeout, child.name);
    } catch (e) {
      error = e;
    }
    for (const s of [...chain].reverse()) {
      for (const hook of [...s.afterEach].reverse()) {
        try {
          await withTimeout(hook, DEFAULT_TIMEOUT_MS * 2, 'afterEach');
        } catch (e) {
          error ??= e;
        }
      }
    }
    record({ path: testPath, state: error === null ? 'pass' : 'fail', ...(error === null ? {} : { error: describeError(error) }), ms: Math.round(performance.now() - started) });
  }
  for (const hook of node.afterAll) await withTimeout(hook, timeout, `afterAll of ${path.join(' > ')}`).catch(() => undefined);
}

/**
 * Collects what was declared (by the module that imported this one) and runs it; `onResult` hears
 * each test as it ends.
 */
export async function runDeclared(onResult: (r: KitTestResult) => void = () => undefined): Promise<KitTestResult[]> {
  await collect(root);
  const results: KitTestResult[] = [];
  await run(root, [], [root], results, onResult);
  return results;
}
