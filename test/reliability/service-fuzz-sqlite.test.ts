import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { describeServiceFuzz, recordFuzzTotals } from './support/fuzz-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'pcci-fuzz-sqlite-'));
let n = 0;
afterAll(() => {
  recordFuzzTotals();
  rmSync(dir, { recursive: true, force: true });
});
describeServiceFuzz('SQLite file', () => createSqliteStorage({ filename: join(dir, `stage-${++n}.db`) }), 24);
