import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The adapter in a real headless Chromium (Debian's `chromium`, driven by playwright-core — no
 * browser download): the scenario is bundled with esbuild into a page served from 127.0.0.1
 * (IndexedDB needs a real origin: not `file://`, not `about:blank`).
 */
const here = dirname(fileURLToPath(import.meta.url));
const packages = resolve(here, '../..');
const executablePath = [process.env.PCCI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
const inCi = process.env.CI === 'true';

if (!executablePath && inCi) {
  throw new Error('CI=true but no Chromium at /usr/bin/chromium: .ci/run must `apt-get install -y --no-install-recommends chromium` (or set PCCI_CHROMIUM)');
}

describe.skipIf(!executablePath)(
  `storage-indexeddb in a real headless Chromium${executablePath ? '' : ' — skipped: no chromium installed (apt-get install chromium); required under CI=true'}`,
  () => {
    let server: Server;
    let browser: Browser;
    let page: Page;
    let origin = '';

    beforeAll(async () => {
      const bundle = await build({
        entryPoints: [join(here, 'browser', 'scenario.ts')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        alias: {
          '@pccovid-inspect/core': join(packages, 'core', 'src'),
          '@pccovid-inspect/storage-indexeddb': join(packages, 'storage-indexeddb', 'src'),
        },
      });
      const script = bundle.outputFiles[0]?.text ?? '';
      server = createServer((request, response) => {
        if (request.url === '/scenario.js') {
          response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
        } else {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/scenario.js"></script>');
        }
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath, headless: true });
      page = await browser.newPage();
      await page.goto(origin);
      await page.waitForFunction(() => 'scenario' in globalThis);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    });

    const run = (step: string, name: string): Promise<unknown> =>
      page.evaluate(([s, n]) => (globalThis as unknown as { scenario: Record<string, (name: string) => Promise<unknown>> }).scenario[s as string]?.(n as string), [step, name]);

    it('commits, pages by code point, refuses a stale put and a taken audit seq writing nothing, and keeps the data across a reload', async () => {
      const name = `chromium-${Date.now()}`;
      expect(await run('writeAndConflict', name)).toEqual({
        // 'E' (U+0045) < 'Đ' (U+0110) < '😀' (U+1F600): code point order, not locale, not UTF-16.
        order: ['v-2', 'v-1', 'v-3'],
        lastPage: null,
        // v-1 is at version 2: the batch is refused, and its fresh put of v-2 is not written either.
        stale: { code: 'CONFLICT', collection: 'visits', id: 'v-1', actualVersion: 2 },
        taken: { code: 'CONFLICT', collection: 'audit' },
        v2: 1,
        v4: null,
        lastSeq: 2,
        capabilities: { multiProcess: true, durable: true, portalStatistics: false, maxRecordBytes: null, groupedCounts: true },
      });
      await page.reload();
      await page.waitForFunction(() => 'scenario' in globalThis);
      expect(await run('readBack', name)).toEqual({ v1: 2, count: 3, audit: [1, 2] });
    });

    it('lets exactly one of two adapters (two tabs) land a commit of the same record version', async () => {
      const name = `chromium-race-${Date.now()}`;
      await run('writeAndConflict', name);
      expect(await run('race', name)).toEqual(['CONFLICT', 'ok']);
    });
  },
);
