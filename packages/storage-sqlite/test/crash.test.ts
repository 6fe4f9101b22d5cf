import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { exitOf, spawnFixture, waitForLine } from './child-process.js';
import { commitPuts, visitPut } from './commit-batch.js';

describe('a writer process killed with SIGKILL in the middle of a commit', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-crash-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('leaves every committed batch and nothing of the open one', async () => {
    const filename = join(directory, 'crash.db');
    const child = spawnFixture('crash-writer.ts', [filename]);
    await waitForLine(child, 'IN_TRANSACTION');
    // The open commit holds the write lock and has spilled uncommitted pages into the write-ahead log.
    expect(statSync(`${filename}-wal`).size).toBeGreaterThan(4 * 1024 * 1024);
    child.kill('SIGKILL');
    expect(await exitOf(child)).toBe('SIGKILL');
    expect(existsSync(filename)).toBe(true);

    const storage = createSqliteStorage({ filename });
    try {
      expect(await storage.get('visits', '42', 'committed-0')).toMatchObject({ version: 2, data: { i: 0, updated: true } });
      for (let i = 1; i < 5; i++) {
        expect(await storage.get('visits', '42', `committed-${i}`)).toMatchObject({ version: 1, data: { i } });
      }
      expect(await storage.get('visits', '42', 'uncommitted-0')).toBeNull();
      expect(await storage.get('visits', '42', 'uncommitted-bulk-0')).toBeNull();
      expect(await storage.get('visits', '42', 'uncommitted-last')).toBeNull();
      const page = await storage.query({ collection: 'visits', tenantId: '42', limit: 1000 });
      expect(page.items.map((r) => r.id)).toEqual(['committed-0', 'committed-1', 'committed-2', 'committed-3', 'committed-4']);
      expect((await storage.readAudit('42')).map((a) => a.seq)).toEqual([1, 2]);
      expect((await storage.readOutbox('42')).map((m) => [m.id, m.status])).toEqual([['m-1', 'pending']]);
      const summary = await storage.summarizePortalStatistics('42', { from: '2021-12-01', to: '2021-12-01' });
      expect(summary).toHaveLength(1000);
      // The reopened file takes new commits where the chain left off.
      expect(await commitPuts(storage, [visitPut('uncommitted-0'), visitPut('committed-1', 1)])).toMatchObject([{ version: 1 }, { version: 2 }]);
      expect(await verifyAuditChain(await storage.readAudit('42'))).toEqual({ ok: true, count: 3 });
    } finally {
      await storage.dispose();
    }
  }, 120_000); // spawns a tsx child that writes ~4000 rows before it is killed: seconds under load
});
