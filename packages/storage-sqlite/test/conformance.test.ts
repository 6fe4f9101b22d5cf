import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { inspectSqliteFile } from './sqlite-inspector.js';

const directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-conformance-'));
let run = 0;
let filename = '';

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeStorageConformance({
  name: 'sqlite (a real file, WAL)',
  // A fresh database file per test; the previous test's adapter is already disposed.
  reset: () => {
    for (const file of readdirSync(directory)) rmSync(join(directory, file), { force: true });
    filename = join(directory, `conformance-${++run}.db`);
  },
  createAdapter: () => createSqliteStorage({ filename }),
  inspect: () => inspectSqliteFile(filename),
});
