import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import { createPostgresStorage } from '../src/index.js';
import { exitOf, spawnFixture, waitForLine } from './child-process.js';
import { commitPuts, visitPut } from './commit-batch.js';
import { startOwnServer, type OwnServer } from './postgres-control.js';

const BATCH_PUTS = 20;

/**
 * The server is stopped with `pg_ctl stop -m immediate` (no checkpoint, no clean shutdown: the
 * next start replays the WAL, as after a crash) while a child process commits batches. This test
 * controls the server, so it starts one of its own (the shared test server keeps serving the
 * other files).
 */
describe('the server stopped with pg_ctl stop -m immediate during a run of commits', () => {
  let server: OwnServer | undefined;
  let url = '';
  beforeAll(async () => {
    server = await startOwnServer('crash');
    url = server.url;
  }, 120_000);
  afterAll(() => server?.remove());

  it('keeps every commit that resolved, nothing of a half-done one, and a chain that verifies; then takes new commits', async () => {
    const setup = await createPostgresStorage({ connectionString: url });
    await commitPuts(setup, '42', [visitPut('42', 'counter', 0, { data: { n: 0 }, indexes: {} })]);
    await setup.dispose();

    const child = spawnFixture('crash-writer.ts', [url]);
    const lines: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    await waitForLine(child, 'COMMITTED 5');
    // Stop the server while the writer's transaction is open (BEGIN sent, COMMIT not yet).
    const watcher = new pg.Client({ connectionString: url });
    watcher.on('error', () => undefined);
    await watcher.connect();
    let open = 0;
    for (let i = 0; i < 2000 && open === 0; i++) {
      const { rows } = await watcher.query<{ n: number }>(
        "SELECT COUNT(*)::integer AS n FROM pg_stat_activity WHERE application_name = 'pccovid-inspect' AND xact_start IS NOT NULL AND backend_xid IS NOT NULL",
      );
      open = rows[0]?.n ?? 0;
    }
    server?.ctl('kill');
    await watcher.end().catch(() => undefined);
    expect(open, 'expected to catch the writer inside a transaction that has written').toBeGreaterThan(0);
    expect(await exitOf(child)).toBe(0);
    const committed = lines.filter((l) => l.startsWith('COMMITTED ')).map((l) => Number(l.slice('COMMITTED '.length)));
    expect(lines.at(-1)).toMatch(/^FAILED STORAGE_FAILED$/);
    const lastResolved = Math.max(...committed);

    server?.ctl('start');
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    const storage = await createPostgresStorage({ connectionString: url });
    try {
      // Per batch: all of its puts or none (the one in flight may have committed without its answer arriving).
      const { rows } = await raw.query<{ batch: number; n: number }>(
        "SELECT (data->>'batch')::integer AS batch, COUNT(*)::integer AS n FROM pccovid.records WHERE tenant_id = '42' AND id <> 'counter' GROUP BY 1 ORDER BY 1",
      );
      for (const row of rows) expect(row.n, `batch ${row.batch}`).toBe(BATCH_PUTS);
      const present = rows.map((r) => r.batch);
      // Every batch whose commit resolved is there, in order, and at most the one in flight besides.
      expect(present.slice(0, lastResolved + 1)).toEqual(Array.from({ length: lastResolved + 1 }, (_, k) => k));
      expect(present.length === lastResolved + 1 || present.length === lastResolved + 2).toBe(true);
      // The counter, the audit log and the index rows agree with the batches present.
      expect(await storage.get('visits', '42', 'counter')).toMatchObject({ version: present.length + 1, data: { n: present.length } });
      const audit = await storage.readAudit('42');
      expect(audit).toHaveLength(present.length + 1);
      expect(await verifyAuditChain(audit)).toEqual({ ok: true, count: present.length + 1 });
      const indexed = await raw.query<{ n: number }>("SELECT COUNT(*)::integer AS n FROM pccovid.record_indexes WHERE tenant_id = '42' AND field = 'batch'");
      expect(indexed.rows[0]?.n).toBe(present.length * BATCH_PUTS);
      // The recovered database takes new commits where the chain left off.
      await commitPuts(storage, '42', [visitPut('42', 'after-restart')]);
      expect(await verifyAuditChain(await storage.readAudit('42'))).toEqual({ ok: true, count: present.length + 2 });
    } finally {
      await storage.dispose();
      await raw.end();
    }
  }, 120_000);
});
