import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, writeChildTsconfig } from './support/children.js';
import { sleep } from './support/delivery-children.js';
import { postgresServer, type PostgresServer, type TestDatabase } from './support/postgres-server.js';
import { checkWriters, initialState, openPostgres, readWriterAcks, spawnPgWriter, startedRoundDatabase } from './support/postgres-writers.js';
import { Tally } from './support/summary.js';

/**
 * The concurrency attack on PostgreSQL: 8 writer processes (`children/pg-writer.ts`, each its own
 * `createPostgresStorage` on one database) × N commands, started together — half on one shared
 * visit (overlapping), half on each writer's own person (disjoint): every success visible, no
 * two successes on one version (no lost update), every loser CONFLICT, one audit event per
 * success, the chain verifies, nothing partial.
 */
const WRITERS = 8;
const COMMANDS = Number(process.env.PCCI_PG_CONCURRENCY_COMMANDS ?? '250');
const dir = mkdtempSync(join(tmpdir(), 'pcci-pg-concurrency-'));
const tsconfig = writeChildTsconfig(dir);
let server: PostgresServer | undefined;
let db: TestDatabase | undefined;

beforeAll(async () => {
  server = await postgresServer('concurrency');
  db = await startedRoundDatabase(server.adminUrl, 'concurrency');
}, 180_000);
afterAll(async () => {
  await db?.drop().catch(() => undefined);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe(`${WRITERS} writer processes × ${COMMANDS} commands on one PostgreSQL database / ghi đồng thời trên PostgreSQL`, () => {
  it('0 lost updates, every loser CONFLICT, audit verifies', async () => {
    const tally = new Tally('concurrency, 8 processes on PostgreSQL');
    const url = db!.url;
    const before = await openPostgres(url);
    const initial = await initialState(before);
    await before.dispose();
    const acks = Array.from({ length: WRITERS }, (_, w) => join(dir, `acks-${w}.jsonl`));
    for (const f of acks) writeFileSync(f, '');
    const go = join(dir, 'go');
    const children = acks.map((ack, w) => spawnPgWriter(tsconfig, url, w, COMMANDS, ack, go));
    const done = children.map((c) => exited(c));
    const deadline = Date.now() + 120_000;
    while (!acks.every((f) => readWriterAcks(f).ready) && Date.now() < deadline) await sleep(20);
    writeFileSync(go, '');
    const started = Date.now();
    const outcomes = await Promise.all(done);
    const seconds = (Date.now() - started) / 1000;
    for (const [w, o] of outcomes.entries()) expect(o.code, `writer ${w}: ${o.stderr}`).toBe(0);
    const results = acks.flatMap((f) => readWriterAcks(f).results);
    expect(results.length).toBe(WRITERS * COMMANDS);
    const storage = await openPostgres(url);
    try {
      await checkWriters(storage, results, WRITERS, initial, tally);
    } finally {
      await storage.dispose();
    }
    const committed = results.filter((r) => r.ok).length;
    const overlapWins = results.filter((r) => r.ok && r.op === 'overlap').length;
    tally.record(`${committed} committed (${overlapWins} on the shared visit) in ${seconds.toFixed(1)} s`);
    expect(tally.violations).toEqual([]);
  }, 600_000);
});
