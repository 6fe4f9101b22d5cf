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
