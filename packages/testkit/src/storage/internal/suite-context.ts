import type { StorageAdapter, StorageCapabilities } from '@pccovid-inspect/core';
import type { StorageInspector } from '../storage-inspector.js';

/**
 * @internal What every suite gets: the adapter and inspector of the running test (fresh per
 * test, so they are functions) and the capabilities read while collecting.
 */
export interface SuiteContext {
  adapter(): StorageAdapter;
  inspector(): StorageInspector;
  readonly capabilities: StorageCapabilities;
}

/** @internal Declares one suite's tests inside the current `describe`. */
export type SuiteDefinition = (context: SuiteContext) => void;

/**
 * @internal The timeout of every kit test, set by the kit itself (it runs in the adapter author's
 * vitest, whose default may be 5 s): generous, because the kit must pass on a loaded 2-core CI
 * machine where a test that takes 1 s alone can take 10.
 */
export const TEST_TIMEOUT_MS = 60_000;

/** @internal The timeout of the heavy tests (1,000-event logs, 10,000 statistics rows, many racing writers). */
export const HEAVY_TEST_TIMEOUT_MS = 180_000;

/** @internal The timeout of the kit's hooks (`reset`, `createAdapter`, `inspect`, `dispose`). */
export const HOOK_TIMEOUT_MS = 60_000;
