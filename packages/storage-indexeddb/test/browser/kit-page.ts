/**
 * Bundled by `kit-in-chromium.test.ts` (esbuild, with `vitest` replaced by `vitest-shim.ts`) into a
 * page served from 127.0.0.1: the whole storage kit, by its public name, against the adapter on
 * Chromium's real IndexedDB — a fresh database per test, deleted after it. `kit.run()` runs it and
 * returns every test's result; `kit.progress` counts the tests ended so far.
 */
import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
import { createIndexedDbStorage } from '@pccovid-inspect/storage-indexeddb';
import type { StorageCapabilities } from '@pccovid-inspect/core';
import { inspectIndexedDb } from '../indexeddb-inspector.js';
import { runDeclared, type KitTestResult } from './vitest-shim.js';

const prefix = `pcci-kit-${Date.now()}`;
let n = 0;
let name = `${prefix}-${n}`;

/** Deletes a database (the adapter and the inspector of the test before are closed by then). */
const drop = (db: string): Promise<void> =>
  new Promise((done) => {
    const request = indexedDB.deleteDatabase(db);
    request.onsuccess = request.onerror = request.onblocked = () => done();
  });

let capabilities: StorageCapabilities | null = null;

describeStorageConformance({
  name: 'indexeddb (headless Chromium)',
  reset: async () => {
    await drop(name);
    name = `${prefix}-${++n}`;
  },
  createAdapter: () => {
    const adapter = createIndexedDbStorage({ name });
    capabilities ??= { ...adapter.capabilities };
    return adapter;
  },
  inspect: () => inspectIndexedDb(indexedDB, name),
});

const progress = { ended: 0, failed: 0 };
(globalThis as unknown as { kit: unknown }).kit = {
  progress,
  async run(): Promise<{ results: KitTestResult[]; capabilities: StorageCapabilities | null; userAgent: string }> {
    const results = await runDeclared((r) => {
      progress.ended++;
      if (r.state === 'fail') progress.failed++;
    });
    await drop(name);
    return { results, capabilities, userAgent: navigator.userAgent };
  },
};
