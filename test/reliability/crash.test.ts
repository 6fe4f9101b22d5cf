import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { auditNamesStoredVersions } from './support/checks.js';
import { exited, spawnTsx, writeChildTsconfig } from './support/children.js';
import { A, roundAt, STAGES } from './support/round.js';
import { prng, runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';
import { SHARED_VISIT, writerPersonId, writerService, type WriterResult } from './support/writer.js';

/**
 * Crash consistency on SQLite: two writer processes run commands on one file and are SIGKILLed at
 * seeded random points (after a drawn number of acknowledged commands, plus a drawn delay, so the
 * kill often lands inside a commit), N times on the same file. After each kill: every command a
 * writer acknowledged is there, nothing is partial (the audit names exactly the stored versions),
 * and the audit chain verifies.
 */
const KILLS = Number(process.env.PCCI_CRASH_KILLS ?? '8');
const PER_ROUND = 2;
const dir = mkdtempSync(join(tmpdir(), 'pcci-crash-'));
const db = join(dir, 'crash.db');
const tsconfig = writeChildTsconfig(dir);
const seed = runSeed();

beforeAll(async () => {
  const storage = createSqliteStorage({ filename: db });
  await roundAt(
    storage,
    STAGES.findIndex((s) => s.name === 'visits started'),
  );
  await storage.dispose();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readAcks = (file: string): WriterResult[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.endsWith('}'))
        .map((l) => JSON.parse(l) as WriterResult & { ready?: boolean })
        .filter((r) => !r.ready)
    : [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGKILLed writers on SQLite / tiến trình ghi bị SIGKILL', () => {
  it(`${KILLS} rounds of ${PER_ROUND} writers killed at random points: nothing acknowledged lost, nothing partial, the chain verifies`, async () => {
    const tally = new Tally('crash consistency, SIGKILL on SQLite');
    const random = prng(seed);
    for (let round = 0; round < KILLS; round++) {
      const writers = Array.from({ length: PER_ROUND }, (_, i) => round * PER_ROUND + i);
      const ackFiles = writers.map((w) => join(dir, `acks-${w}.jsonl`));
      for (const f of ackFiles) writeFileSync(f, '');
      const children = writers.map((w, i) => spawnTsx(join(__dirname, 'children', 'writer.ts'), [db, String(w), '100000', ackFiles[i]!], tsconfig));
      const done = children.map((c) => exited(c));
      const target = 5 + Math.floor(random() * 120);
      const deadline = Date.now() + 120_000;
      while (ackFiles.reduce((n, f) => n + readAcks(f).length, 0) < target && Date.now() < deadline) await sleep(5);
      await sleep(Math.floor(random() * 15));
      for (const c of children) c.kill('SIGKILL');
      const outcomes = await Promise.all(done);
      for (const o of outcomes) if (o.signal !== 'SIGKILL') tally.violation(`a writer ended by itself (${o.code}): ${o.stderr.slice(0, 300)}`);
      tally.faults += children.length;
      tally.runs++;

      const storage = createSqliteStorage({ filename: db });
      const visit = await storage.get('visits', '42', SHARED_VISIT);
      for (const [i, w] of writers.entries()) {
        const acks = readAcks(ackFiles[i]!);
        for (const a of acks) if (!a.ok && a.code !== 'CONFLICT') tally.violation(`writer ${w} command ${a.k}: ${a.code ?? a.raw}`);
        for (const a of acks.filter((x) => x.ok && x.op === 'overlap')) {
          tally.rowsChecked++;
          if (visit!.version < a.version!) tally.violation(`writer ${w} acknowledged visit v${a.version}, stored v${visit!.version}`);
        }
        const disjoint = acks.filter((x) => x.ok && x.op === 'disjoint').length;
        const person = await storage.get('people', '42', writerPersonId(w));
        tally.rowsChecked++;
        const stored = person?.version ?? 0;
        if (stored !== disjoint && stored !== disjoint + 1) tally.violation(`writer ${w}: ${disjoint} acknowledged updates of its person, stored v${stored}`);
      }
      const partial = await auditNamesStoredVersions(storage, '42', Object.values(COLLECTIONS));
      tally.rowsChecked += partial.checked;
      for (const p of partial.problems) tally.violation(`after kill ${round + 1}: ${p}`);
      const audit = await writerService(storage).verifyAudit(A.director);
      tally.rowsChecked += audit.count;
      if (!audit.ok) tally.violation(`after kill ${round + 1}: verifyAudit fails ${JSON.stringify(audit).slice(0, 300)}`);
      await storage.dispose();
    }
    tally.record(`seed ${seed}`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 600_000);
});
