import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { exitOf, spawnFixture, waitForLine } from './child-process.js';

describe('a writer process killed with SIGKILL in the middle of a transaction', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-crash-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('leaves every committed change and nothing of the open transaction', async () => {
    const filename = join(directory, 'crash.db');
    const child = spawnFixture('crash-writer.ts', [filename]);
    await waitForLine(child, 'IN_TRANSACTION');
    // The open transaction has spilled uncommitted pages into the write-ahead log.
    expect(statSync(`${filename}-wal`).size).toBeGreaterThan(0);
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
      const page = await storage.query({ collection: 'visits', tenantId: '42', limit: 1000 });
      expect(page.items.map((r) => r.id)).toEqual(['committed-0', 'committed-1', 'committed-2', 'committed-3', 'committed-4']);
      expect((await storage.readAudit('42')).map((a) => a.seq)).toEqual([1]);
      expect((await storage.readOutbox('42')).map((m) => [m.id, m.status])).toEqual([['m-1', 'pending']]);
      const summary = await storage.summarizePortalStatistics('42', { from: '2021-12-01', to: '2021-12-01' });
      expect(summary).toHaveLength(1000);
      // The reopened file takes new writes where the chain left off.
      await storage.appendAudit({ ...(await storage.lastAudit('42'))!, seq: 2, id: 'a-2' });
      await storage.put({ collection: 'visits', tenantId: '42', id: 'uncommitted-0', data: {}, indexes: {}, updatedAt: 'x', expectedVersion: 0 });
    } finally {
      await storage.dispose();
    }
  }, 120_000); // spawns a tsx child that writes ~1000 rows before it is killed: seconds under load
});
