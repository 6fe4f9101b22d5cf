import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '@pccovid-inspect/core';
import { createPostgresStorage } from '@pccovid-inspect/storage-postgres';
import { exited, spawnTsx, writeChildTsconfig } from './support/children.js';
import { readDelivererAcks, sleep, sumReports } from './support/delivery-children.js';
import { A, AFTER_ROUND, allMessages, delivererService, deliveryRound, finishAfterDelivererKill, testEmailNotifier } from './support/delivery-round.js';
import { startSmtpCollector, type SmtpCollector } from './support/delivery-smtp.js';
import { createDatabase, postgresServer, sessionsGone, type PostgresServer, type TestDatabase } from './support/postgres-server.js';
import { openPostgres } from './support/postgres-writers.js';
import { prng, runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';

/**
 * Two deliverer processes (`children/pg-deliverer.ts`) run `deliverOutbox` on one PostgreSQL
 * database at the same time, to one SMTP server that answers slowly enough for their batches to
 * overlap. The claims with a lease must keep every message to one sender: each key received
 * exactly once on the SMTP side, every message `sent`, the reports add up, the chain verifies.
 * Then a deliverer SIGKILLed at seeded points while the server answers slowly, and a fresh one
 * (its clock past the lease) finishing: nothing lost, a message twice only if the SMTP server had
 * accepted it while the outbox said `sending` at the kill. Each race and kill runs on a fresh copy
 * (`CREATE DATABASE … TEMPLATE`) of a round driven to "closed".
 */
const RUNS = Number(process.env.PCCI_PG_DELIVERY_RACES ?? '3');
const KILLS = Number(process.env.PCCI_PG_DELIVERY_KILLS ?? '3');
/** Past the child's lease (its default: at least 5 minutes). */
const DELIVERER = join(__dirname, 'children', 'pg-deliverer.ts');
const dir = mkdtempSync(join(tmpdir(), 'pcci-pg-delivery-'));
const tsconfig = writeChildTsconfig(dir);
const seed = runSeed();
let smtp: SmtpCollector | undefined;
let server: PostgresServer | undefined;
let template: TestDatabase | undefined;

beforeAll(async () => {
  smtp = await startSmtpCollector({ delayMs: 15 });
  server = await postgresServer('delivery');
  template = await createDatabase(server.adminUrl, 'delivery_round');
  const storage = await createPostgresStorage({ connectionString: template.url, poolSize: 2 });
  try {
    await deliveryRound(storage, 'closed');
  } finally {
    await storage.dispose();
  }
}, 180_000);
afterAll(async () => {
  await smtp?.stop();
  await template?.drop().catch(() => undefined);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('two deliverers on one PostgreSQL database at once / hai tiến trình gửi cùng một cơ sở dữ liệu PostgreSQL', () => {
  it(`${RUNS} races: 0 duplicate sends, every message delivered`, async () => {
    const tally = new Tally('delivery: two deliverer processes on PostgreSQL');
    const collector = smtp!;
    let contended = 0;
    let total = 0;
    const splits: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const db = await createDatabase(server!.adminUrl, `delivery_${run}`, template!.name);
      try {
        collector.received.length = 0;
        const go = join(dir, `go-${run}`);
        const acks = [0, 1].map((i) => join(dir, `acks-${run}-${i}.jsonl`));
        for (const f of acks) writeFileSync(f, '');
        const children = acks.map((f) => spawnTsx(DELIVERER, [db.url, String(collector.port), AFTER_ROUND, f, go], tsconfig));
        const done = children.map((c) => exited(c));
        const deadline = Date.now() + 120_000;
        while (!acks.every((f) => readDelivererAcks(f).ready) && Date.now() < deadline) await sleep(10);
        writeFileSync(go, '');
        tally.runs++;
        tally.faults++;
        const outcomes = await Promise.all(done);
        for (const o of outcomes) if (o.code !== 0) tally.violation(`run ${run}: a deliverer ended with ${o.code ?? o.signal}: ${o.stderr.slice(0, 300)}`);
        const reports = acks.map((f) => sumReports(readDelivererAcks(f).reports));
        contended += reports.reduce((n, r) => n + r.claimedElsewhere, 0);
        const storage = await openPostgres(db.url);
        try {
          const outbox = await allMessages(storage);
          total += outbox.length;
          const counts = collector.countByKey();
          for (const m of outbox) {
            tally.rowsChecked++;
            const n = counts.get(m.id) ?? 0;
            if (n !== 1) tally.violation(`run ${run}: ${m.id} received ${n} times`);
            if (m.status !== 'sent') tally.violation(`run ${run}: ${m.id} is ${m.status}`);
          }
          for (const key of counts.keys()) if (!outbox.some((m) => m.id === key)) tally.violation(`run ${run}: received ${key}, not in the outbox`);
          const sent = reports.reduce((n, r) => n + r.sent, 0);
          if (sent !== outbox.length) tally.violation(`run ${run}: the two reports say ${sent} sent of ${outbox.length} (${JSON.stringify(reports)})`);
          splits.push(reports.map((r) => r.sent).join('/'));
          const email = testEmailNotifier(collector.port);
          const audit = await delivererService(storage, createFixedClock(AFTER_ROUND), email).verifyAudit(A.director);
          tally.rowsChecked += audit.count;
          if (!audit.ok) tally.violation(`run ${run}: verifyAudit fails`);
          await email.dispose();
        } finally {
          await storage.dispose();
        }
      } finally {
        await db.drop();
      }
    }
    tally.record(`${total} msgs, sent split ${splits.join(' ')}; ${contended} claims lost to the other`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 600_000);

  it(`${KILLS} deliverers SIGKILLed at seeded points: 0 lost, duplicates only where accepted but not recorded, the chain verifies`, async () => {
    const tally = new Tally('delivery: deliverer SIGKILLed on PostgreSQL');
    const collector = smtp!;
    const random = prng(seed + 31);
    const figures: string[] = [];
    let duplicates = 0;
    for (let round = 0; round < KILLS; round++) {
      const db = await createDatabase(server!.adminUrl, `delivery_kill_${round}`, template!.name);
      try {
        collector.received.length = 0;
        collector.delayMs = 20 + Math.floor(random() * 60);
        const ack = join(dir, `kill-acks-${round}.jsonl`);
        writeFileSync(ack, '');
        const child = spawnTsx(DELIVERER, [db.url, String(collector.port), AFTER_ROUND, ack], tsconfig);
        const done = exited(child);
        const ready = Date.now() + 120_000;
        while (!readDelivererAcks(ack).ready && Date.now() < ready) await sleep(10);
        const target = 1 + Math.floor(random() * 40);
        const deadline = Date.now() + 60_000;
        while (collector.received.length < target && Date.now() < deadline) await sleep(2);
        await sleep(Math.floor(random() * collector.delayMs * 2));
        child.kill('SIGKILL');
        const outcome = await done;
        if (outcome.signal !== 'SIGKILL') tally.violation(`kill ${round}: the deliverer ended by itself (${outcome.code}): ${outcome.stderr.slice(0, 300)}`);
        tally.faults++;
        tally.runs++;
        // Replies still held back by the slow server went to a dead connection: never accepted.
        collector.delayMs = 0;
        await sleep(50);
        const left = await sessionsGone(server!.adminUrl, db.name);
        if (left !== 0) tally.violation(`kill ${round}: ${left} sessions of the killed deliverer still open after 60 s`);

        const storage = await openPostgres(db.url);
        try {
          const r = await finishAfterDelivererKill(storage, collector, tally, round);
          duplicates += r.duplicates;
          figures.push(`${r.receivedBefore}/${r.messages} before kill, ${r.sendingAtKill} sending, ${r.duplicates} dup`);
        } finally {
          await storage.dispose();
        }
      } finally {
        await db.drop();
      }
    }
    console.log(`PostgreSQL delivery kill test (PCCI_FC_SEED=${seed}): ${duplicates} duplicate(s) in ${KILLS} kills — ${figures.join('; ')}`);
    tally.record(`${duplicates} duplicates (accepted, not recorded at the kill)`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 600_000);
});
