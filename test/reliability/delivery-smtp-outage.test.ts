import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { A, AFTER_ROUND, allMessages, deliverUntilIdle, delivererService, deliveryRound, testEmailNotifier } from './support/delivery-round.js';
import { startSmtpCollector, type SmtpCollector } from './support/delivery-smtp.js';
import { prng, runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';

/**
 * Issue 10, "Done when" 1: the SMTP server goes down in the middle of a campaign's delivery and
 * comes back on the same port. Every message of a whole round arrives exactly once (counted on
 * the receiving side by its idempotency key), none is lost, none is dead.
 */
const RUNS = 2;
const dir = mkdtempSync(join(tmpdir(), 'pcci-delivery-outage-'));
const seed = runSeed();
let smtp: SmtpCollector;

beforeAll(async () => {
  smtp = await startSmtpCollector();
}, 30_000);
afterAll(async () => {
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('SMTP stopped mid-campaign and restarted / máy chủ thư dừng giữa chừng rồi chạy lại', () => {
  it('every message of a round received exactly once, none lost, none dead', async () => {
    const tally = new Tally('delivery: SMTP outage and restart');
    const random = prng(seed + 10);
    const notes: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const storage = createSqliteStorage({ filename: join(dir, `outage-${run}.db`) });
      await deliveryRound(storage, 'closed');
      const total = (await allMessages(storage)).length;
      const clock = createFixedClock(AFTER_ROUND);
      const email = testEmailNotifier(smtp.port);
      const service = delivererService(storage, clock, email, { batchSize: 5, concurrency: 2, timeoutMs: 5_000, maxAttempts: 4, retryBaseMs: 60_000, retryMaxMs: 600_000 });
      smtp.received.length = 0;
      tally.runs++;

      // Part of the campaign goes out, then the server stops.
      const first = 1 + Math.floor(random() * (total - 2));
      const part = await service.deliverOutbox(A.lead, { limit: first });
      await smtp.stop();
      tally.faults++;
      // Delivery goes on against a stopped server: everything left fails for now and waits.
      const down = await deliverUntilIdle(service);
      if (down.sent !== 0) tally.violation(`run ${run}: ${down.sent} sent while the server was down`);
      if (down.dead !== 0) tally.violation(`run ${run}: ${down.dead} dead while the server was down`);
      // Back on the same port; the clock passes the backoff until nothing is due.
      await smtp.start();
      let sent = part.sent;
      for (let i = 0; i < 30; i++) {
        clock.advance(11 * 60_000);
        const r = await deliverUntilIdle(service);
        sent += r.sent;
        if (r.dead !== 0) tally.violation(`run ${run}: ${r.dead} dead after the restart`);
        if ((await allMessages(storage)).every((m) => m.status === 'sent')) break;
      }
      await email.dispose();

      const counts = smtp.countByKey();
      const outbox = await allMessages(storage);
      for (const m of outbox) {
        tally.rowsChecked++;
        const n = counts.get(m.id) ?? 0;
        if (n !== 1) tally.violation(`run ${run}: ${m.id} received ${n} times`);
        if (m.status !== 'sent') tally.violation(`run ${run}: ${m.id} is ${m.status} (${m.lastError ?? ''})`);
      }
      for (const key of counts.keys()) if (!outbox.some((m) => m.id === key)) tally.violation(`run ${run}: received ${key}, not in the outbox`);
      const dead = await service.listMessages(A.lead, { status: 'dead' });
      if (dead.length !== 0) tally.violation(`run ${run}: ${dead.length} dead letters`);
      const audit = await service.verifyAudit(A.director);
      tally.rowsChecked += audit.count;
      if (!audit.ok) tally.violation(`run ${run}: verifyAudit fails`);
      if (sent !== total) tally.violation(`run ${run}: reports say ${sent} sent of ${total}`);
      notes.push(`${total} msgs, stop after ${part.sent}, ${down.retrying} retried`);
      await storage.dispose();
    }
    tally.record(notes.join('; '));
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 120_000);
});
