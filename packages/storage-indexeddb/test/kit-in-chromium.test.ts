import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorageCapabilities } from '@pccovid-inspect/core';
import { STORAGE_SUITE_NAMES } from '@pccovid-inspect/testkit/storage';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KitTestResult } from './browser/vitest-shim.js';

/**
 * The whole storage kit (`@pccovid-inspect/testkit/storage`, by its public name) against the
 * adapter on a real headless Chromium's IndexedDB (Debian's `chromium`, driven by playwright-core).
 * The kit declares its tests with vitest's `describe`/`it`/`expect`: the page gets them from
 * `browser/vitest-shim.ts` (vitest's own `expect`, from `@vitest/expect`), bundled by esbuild with
 * the kit, core and the adapter from their sources. The kit runs in the page in `beforeAll`; the
 * tests below check what it reported: every kit test passed, or was skipped for a capability the
 * adapter does not declare.
 */
const here = dirname(fileURLToPath(import.meta.url));
const packages = resolve(here, '../..');
const executablePath = [process.env.PCCI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
const inCi = process.env.CI === 'true';
const KIT_TIMEOUT_MS = 540_000;

if (!executablePath && inCi) {
  throw new Error('CI=true but no Chromium at /usr/bin/chromium: .ci/run must `apt-get install -y --no-install-recommends chromium` (or set PCCI_CHROMIUM)');
}

/** Workspace packages by their public names → their `src/` (as `vitest.shared.ts` does for vitest), and `vitest` → the shim. */
const workspaceSources: Plugin = {
  name: 'workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^vitest$/ }, () => ({ path: join(here, 'browser', 'vitest-shim.ts') }));
    b.onResolve({ filter: /^@pccovid-inspect\/[^/]+(\/.+)?$/ }, (args) => {
      const [, dir, sub] = /^@pccovid-inspect\/([^/]+)(?:\/(.+))?$/.exec(args.path) ?? [];
      return { path: join(packages, dir ?? '', 'src', sub ?? '', 'index.ts') };
    });
  },
};

interface KitRun {
  results: KitTestResult[];
  capabilities: StorageCapabilities | null;
  userAgent: string;
}

describe.skipIf(!executablePath)(
  `the storage kit in a real headless Chromium${executablePath ? '' : ' — skipped: no chromium installed (apt-get install chromium); required under CI=true'}`,
  () => {
    let server: Server;
    let browser: Browser;
    let run: KitRun;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      const bundle = await build({
        entryPoints: [join(here, 'browser', 'kit-page.ts')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        plugins: [workspaceSources],
        logLevel: 'silent',
      });
      const script = bundle.outputFiles[0]?.text ?? '';
      server = createServer((request, response) => {
        if (request.url === '/kit.js') {
          response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
        } else {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/kit.js"></script>');
        }
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath, headless: true });
      const page = await browser.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(origin);
      await page.waitForFunction(() => 'kit' in globalThis, undefined, { timeout: 60_000 });
      // page.evaluate has no timeout of its own: the kit's per-test timeouts bound the run, and beforeAll's below.
      run = (await page.evaluate(() => (globalThis as unknown as { kit: { run(): Promise<unknown> } }).kit.run())) as KitRun;
    }, KIT_TIMEOUT_MS);

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    });

    const title = (r: KitTestResult) => r.path.join(' › ');

    it('ran the kit in Chromium, every suite of it', () => {
      const { results, userAgent } = run;
      const count = (state: KitTestResult['state']) => results.filter((r) => r.state === state).length;
      console.log(
        `storage kit in ${/HeadlessChrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent}: ${results.length} tests — ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`,
      );
      expect(pageErrors).toEqual([]);
      expect(results.length).toBeGreaterThan(0);
      // One describe per suite of the kit under its outer describe: none lost in the bundle.
      expect(new Set(results.map((r) => r.path[1])).size).toBe(STORAGE_SUITE_NAMES.length);
    });

    it('passed every kit test', () => {
      const failed = run.results.filter((r) => r.state === 'fail').map((r) => `${title(r)}\n${r.error ?? ''}`);
      expect(failed).toEqual([]);
      expect(run.results.filter((r) => r.state === 'pass').length).toBeGreaterThan(0);
    });

    it('skipped only what the adapter’s capabilities rule out, each with its reason', () => {
      const { capabilities, results } = run;
      expect(capabilities).not.toBeNull();
      const lacking = Object.entries(capabilities ?? {})
        .filter(([, value]) => value !== true)
        .map(([key]) => key);
      const skipped = results.filter((r) => r.state === 'skip');
      for (const r of skipped) {
        const reason = r.path.map((p) => /— skipped: (.+)$/.exec(p)?.[1]).find((x) => x !== undefined);
        console.log(`skipped: ${r.path.at(-1) ?? ''}  (${reason ?? 'no reason'})`);
        expect(reason, `${title(r)} was skipped without a reason`).toBeDefined();
        const capability = /capabilities\.(\w+)/.exec(reason ?? '')?.[1];
        expect(lacking, `${title(r)} was skipped for "${reason ?? ''}", not for a capability the adapter lacks`).toContain(capability);
      }
    });
  },
);
