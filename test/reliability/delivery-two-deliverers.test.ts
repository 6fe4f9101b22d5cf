import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { exited, writeChildTsconfig } from './support/children.js';
import { readDelivererAcks, sleep, spawnDeliverer, sumReports } from './support/delivery-children.js';
import { A, AFTER_ROUND, allMessages, delivererService, deliveryRound, testEmailNotifier } from './support/delivery-round.js';
import { startSmtpCollector, type SmtpCollector } from './support/delivery-smtp.js';
import { runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';

/**
 * Issue 10, "Done when" 2: two deliverer processes run `deliverOutbox` on one SQLite file at the
 * same time, to one SMTP server that answers slowly enough for their batches to overlap. The
 * claims with a lease must keep every message to one sender: each key received exactly once.
 */
const RUNS = Number(process.env.PCCI_DELIVERY_RACES ?? '3');
const dir = mkdtempSync(join(tmpdir(), 'pcci-delivery-two-'));
const template = join(dir, 'round.db');
const tsconfig = writeChildTsconfig(dir);
const seed = runSeed();
let smtp: SmtpCollector;

beforeAll(async () => {
  smtp = await startSmtpCollector({ delayMs: 15 });
  const storage = createSqliteStorage({ filename: template });
  await deliveryRound(storage, 'closed');
  await storage.dispose();
}, 120_000);
afterAll(async () => {
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two deliverers on one SQLite file at once / hai tiến trình gửi cùng một tệp', () => {
  it(`${RUNS} races: 0 duplicate sends, every message delivered`, async () => {
    const tally = new Tally('delivery: two deliverer processes');
    let contended = 0;
    let total = 0;
    const splits: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const db = join(dir, `race-${run}.db`);
      copyFileSync(template, db);
      smtp.received.length = 0;
      const go = join(dir, `go-${run}`);
      const acks = [0, 1].map((i) => join(dir, `acks-${run}-${i}.jsonl`));
      for (const f of acks) writeFileSync(f, '');
      const children = acks.map((f) => spawnDeliverer(tsconfig, db, smtp.port, AFTER_ROUND, f, go));
      const done = children.map((c) => exited(c));
      const deadline = Date.now() + 60_000;
      while (!acks.every((f) => readDelivererAcks(f).ready) && Date.now() < deadline) await sleep(10);
      writeFileSync(go, '');
      tally.runs++;
      tally.faults++;
      const outcomes = await Promise.all(done);
      for (const o of outcomes) if (o.code !== 0) tally.violation(`run ${run}: a deliverer ended with ${o.code ?? o.signal}: ${o.stderr.slice(0, 300)}`);
      const reports = acks.map((f) => sumReports(readDelivererAcks(f).reports));
      contended += reports.reduce((n, r) => n + r.claimedElsewhere, 0);
      const storage = createSqliteStorage({ filename: db });
      const outbox = await allMessages(storage);
      total += outbox.length;
      const counts = smtp.countByKey();
      for (const m of outbox) {
        tally.rowsChecked++;
        const n = counts.get(m.id) ?? 0;
        if (n !== 1) tally.violation(`run ${run}: ${m.id} received ${n} times`);
        if (m.status !== 'sent') tally.violation(`run ${run}: ${m.id} is ${m.status}`);
      }
      const sent = reports.reduce((n, r) => n + r.sent, 0);
      if (sent !== outbox.length) tally.violation(`run ${run}: the two reports say ${sent} sent of ${outbox.length} (${JSON.stringify(reports)})`);
      splits.push(reports.map((r) => r.sent).join('/'));
      const email = testEmailNotifier(smtp.port);
      const audit = await delivererService(storage, createFixedClock(AFTER_ROUND), email).verifyAudit(A.director);
      tally.rowsChecked += audit.count;
      if (!audit.ok) tally.violation(`run ${run}: verifyAudit fails`);
      await email.dispose();
      await storage.dispose();
    }
    tally.record(`${total} msgs, sent split ${splits.join(' ')}; ${contended} claims lost to the other`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 180_000);
});
