import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
import { createJsonFilesStorage } from '../src/json-files-storage.js';
import { inspectJsonFiles } from './json-files-inspector.js';

const base = mkdtempSync(join(tmpdir(), 'pccovid-json-files-'));
let run = 0;
let directory = '';

afterAll(() => rmSync(base, { recursive: true, force: true }));

describeStorageConformance({
  name: 'json-files (a province’s own adapter)',
  reset: () => {
    directory = join(base, `run-${++run}`); // a fresh, empty directory per test
  },
  createAdapter: () => createJsonFilesStorage({ directory }),
  inspect: () => inspectJsonFiles(directory),
});
