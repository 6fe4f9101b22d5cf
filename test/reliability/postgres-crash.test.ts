import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, writeChildTsconfig } from './support/children.js';
import { sleep } from './support/delivery-children.js';
import { postgresServer, sessionsGone, type PostgresServer, type TestDatabase } from './support/postgres-server.js';
import { checkNothingPartial, openPostgres, readWriterAcks, spawnPgWriter, startedRoundDatabase } from './support/postgres-writers.js';
import { A } from './support/round.js';
import { prng, runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';
import { SHARED_VISIT, writerPersonId, writerService } from './support/writer.js';

/**
 * Crash consistency on PostgreSQL: writer processes (`children/pg-writer.ts`) run commands on one
 * database and are SIGKILLed at seeded random points (after a drawn number of acknowledged
 * commands, plus a drawn delay, so the kill often lands inside a transaction or between COMMIT
 * and its answer), several rounds on the same database. After each kill, once the server has
 * ended the dead sessions: every acknowledged command is there, nothing is partial (the audit
 * names exactly the stored versions), the audit chain verifies.
 */
const KILLS = Number(process.env.PCCI_PG_CRASH_KILLS ?? '6');
const PER_ROUND = 3;
const dir = mkdtempSync(join(tmpdir(), 'pcci-pg-crash-'));
const tsconfig = writeChildTsconfig(dir);
const seed = runSeed();
let server: PostgresServer | undefined;
let db: TestDatabase | undefined;

beforeAll(async () => {
  server = await postgresServer('crash');
  db = await startedRoundDatabase(server.adminUrl, 'crash');
}, 180_000);
afterAll(async () => {
  await db?.drop().catch(() => undefined);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('SIGKILLed writers on PostgreSQL / tiến trình ghi bị SIGKILL trên PostgreSQL', () => {
  it(`${KILLS} rounds of ${PER_ROUND} writers killed at random points: nothing acknowledged lost, nothing partial, the chain verifies`, async () => {
    const tally = new Tally('crash consistency, SIGKILL on PostgreSQL');
    const random = prng(seed);
    let acknowledged = 0;
    let unanswered = 0;
    for (let round = 0; round < KILLS; round++) {
      const writers = Array.from({ length: PER_ROUND }, (_, i) => round * PER_ROUND + i);
      const ackFiles = writers.map((w) => join(dir, `acks-${w}.jsonl`));
      for (const f of ackFiles) writeFileSync(f, '');
      const go = join(dir, `go-${round}`);
      const children = writers.map((w, i) => spawnPgWriter(tsconfig, db!.url, w, 100_000, ackFiles[i]!, go));
      const done = children.map((c) => exited(c));
      const ready = Date.now() + 120_000;
      while (!ackFiles.every((f) => readWriterAcks(f).ready) && Date.now() < ready) await sleep(20);
      writeFileSync(go, '');
      const target = 5 + Math.floor(random() * 80);
      const deadline = Date.now() + 120_000;
      while (ackFiles.reduce((n, f) => n + readWriterAcks(f).results.length, 0) < target && Date.now() < deadline) await sleep(5);
      await sleep(Math.floor(random() * 15));
      for (const c of children) c.kill('SIGKILL');
      const outcomes = await Promise.all(done);
      for (const o of outcomes) if (o.signal !== 'SIGKILL') tally.violation(`a writer ended by itself (${o.code}): ${o.stderr.slice(0, 300)}`);
      tally.faults += children.length;
      tally.runs++;
      const left = await sessionsGone(server!.adminUrl, db!.name);
      if (left !== 0) tally.violation(`after kill ${round + 1}: ${left} sessions of the killed writers still open after 60 s`);

      const storage = await openPostgres(db!.url);
      try {
        const visit = await storage.get('visits', '42', SHARED_VISIT);
        for (const [i, w] of writers.entries()) {
          const acks = readWriterAcks(ackFiles[i]!).results;
          acknowledged += acks.filter((a) => a.ok).length;
          for (const a of acks) if (!a.ok && a.code !== 'CONFLICT') tally.violation(`writer ${w} command ${a.k}: ${a.code ?? a.raw}`);
          for (const a of acks.filter((x) => x.ok && x.op === 'overlap')) {
            tally.rowsChecked++;
            if (visit!.version < a.version!) tally.violation(`writer ${w} acknowledged visit v${a.version}, stored v${visit!.version}`);
          }
          const disjoint = acks.filter((x) => x.ok && x.op === 'disjoint').length;
          const person = await storage.get('people', '42', writerPersonId(w));
          tally.rowsChecked++;
          const stored = person?.version ?? 0;
          // The kill may land between COMMIT and its answer: one update more than acknowledged, never fewer.
          if (stored === disjoint + 1) unanswered++;
          if (stored !== disjoint && stored !== disjoint + 1) tally.violation(`writer ${w}: ${disjoint} acknowledged updates of its person, stored v${stored}`);
        }
        await checkNothingPartial(storage, tally, `after kill ${round + 1}: `);
        const audit = await writerService(storage).verifyAudit(A.director);
        tally.rowsChecked += audit.count;
        if (!audit.ok) tally.violation(`after kill ${round + 1}: verifyAudit fails ${JSON.stringify(audit).slice(0, 300)}`);
      } finally {
        await storage.dispose();
      }
    }
    tally.record(`seed ${seed}; ${acknowledged} acknowledged before the kills, ${unanswered} committed but unanswered at a kill`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 600_000);
});
