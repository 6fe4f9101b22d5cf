import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { exitOf, spawnFixture, waitForLine } from './child-process.js';
import { commitPuts } from './commit-batch.js';
import { countsOfFile } from './record-counts.js';

const PER_WRITER = 150;

describe('two processes writing the same file at once', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-race-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('lose no increment, keep the trigger-kept counts exact and leave a gap-free, verifiable audit chain when both commit batches and retry on CONFLICT', async () => {
    const filename = join(directory, 'race.db');
    const setup = createSqliteStorage({ filename });
    await commitPuts(setup, [{ collection: 'counters', tenantId: '42', id: 'shared', data: { count: 0 }, indexes: {}, updatedAt: 'start', expectedVersion: 0 }], {
      actorId: 'setup',
    });
    await setup.dispose();

    const writers = ['a', 'b'].map((name) => spawnFixture('race-writer.ts', [filename, name, String(PER_WRITER)]));
    await Promise.all(writers.map((child) => waitForLine(child, 'READY')));
    const done = writers.map(
      (child) =>
        new Promise<number>((resolve, reject) => {
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          child.once('exit', (code) => {
            const match = /DONE (\d+)/.exec(out);
            if (code === 0 && match) resolve(Number(match[1]));
            else reject(new Error(`writer exited ${code}: ${err}`));
          });
        }),
    );
    for (const child of writers) child.stdin.write('GO\n');
    const conflicts = await Promise.all(done);
    // The writers really raced: some of their commits were refused as stale (counter or audit seq).
    expect(conflicts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await Promise.all(writers.map(exitOf));

    const storage = createSqliteStorage({ filename });
    try {
      expect(await storage.get('counters', '42', 'shared')).toMatchObject({ version: 1 + 2 * PER_WRITER, data: { count: 2 * PER_WRITER } });
      const chain = await storage.readAudit('42');
      // One event per committed batch: the setup's, then one per increment, each chained on the one before.
      expect(chain.map((a) => a.seq)).toEqual(Array.from({ length: 1 + 2 * PER_WRITER }, (_, i) => i + 1));
      expect(await verifyAuditChain(chain)).toEqual({ ok: true, count: 1 + 2 * PER_WRITER });
      expect(chain.filter((a) => a.actor.id === 'a')).toHaveLength(PER_WRITER);
      expect(chain.filter((a) => a.actor.id === 'b')).toHaveLength(PER_WRITER);
      // Each audit event names the counter version its batch wrote: versions and events moved together.
      expect(chain.map((a) => (a.details.versions as Record<string, number>)['counters/shared'])).toEqual(Array.from({ length: 1 + 2 * PER_WRITER }, (_, i) => i + 1));
      // The counts both processes' triggers kept equal a recount, and a sorted read over the
      // visits they created (a third with a date, the rest null or missing) is in contract order.
      const counts = countsOfFile(filename);
      expect(counts.kept).toEqual(counts.recounted);
      expect(counts.kept.records).toEqual([
        { tenant_id: '42', collection: 'counters', n: 1 },
        { tenant_id: '42', collection: 'visits', n: 2 * PER_WRITER },
      ]);
      // The counter ends at an even count: no `parity` row.
      expect(counts.kept.indexRows).toEqual([{ tenant_id: '42', collection: 'visits', field: 'scheduledOn', n: 2 * Math.ceil(PER_WRITER / 3) }]);
      const ids = Array.from({ length: PER_WRITER }, (_, i) => i).flatMap((i) => ['a', 'b'].map((w) => ({ id: `${w}-${String(i).padStart(4, '0')}`, i })));
      const day = (i: number) => `2021-12-${String(1 + (i % 28)).padStart(2, '0')}`;
      const expected = [
        ...ids.filter((v) => v.i % 3 !== 0).sort((x, y) => (x.id < y.id ? -1 : 1)),
        ...ids.filter((v) => v.i % 3 === 0).sort((x, y) => day(x.i).localeCompare(day(y.i)) || (x.id < y.id ? -1 : 1)),
      ].map((v) => v.id);
      const read: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof storage.query>> = await storage.query({ collection: 'visits', tenantId: '42', orderBy: { field: 'scheduledOn' }, limit: 37, cursor });
        read.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(read).toEqual(expected);
    } finally {
      await storage.dispose();
    }
  }, 120_000);
});
