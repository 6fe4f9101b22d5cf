import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { exited, writeChildTsconfig } from './support/children.js';
import { readDelivererAcks, sleep, spawnDeliverer } from './support/delivery-children.js';
import { AFTER_ROUND, deliveryRound, finishAfterDelivererKill } from './support/delivery-round.js';
import { startSmtpCollector, type SmtpCollector } from './support/delivery-smtp.js';
import { prng, runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';

/**
 * Issue 10, "Done when" 2 (second half), and issue 16's "SIGKILL at random points of delivery":
 * a deliverer process sends a round's messages to an SMTP server that answers slowly, and is
 * SIGKILLed at a seeded random point. A fresh deliverer, its clock past the lease, finishes.
 * Nothing is lost; a message arrives twice only if the server had accepted it while the outbox
 * still said `sending` at the kill (accepted, result not committed) — those are counted and
 * printed; the audit chain verifies.
 */
const KILLS = Number(process.env.PCCI_DELIVERY_KILLS ?? '4');
const dir = mkdtempSync(join(tmpdir(), 'pcci-delivery-kill-'));
const template = join(dir, 'round.db');
const tsconfig = writeChildTsconfig(dir);
const seed = runSeed();
/** Past the child's lease (its default: at least 5 minutes). */
let smtp: SmtpCollector;

beforeAll(async () => {
  smtp = await startSmtpCollector();
  const storage = createSqliteStorage({ filename: template });
  await deliveryRound(storage, 'closed');
  await storage.dispose();
}, 120_000);
afterAll(async () => {
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a deliverer SIGKILLed mid-batch and restarted / tiến trình gửi bị SIGKILL rồi chạy lại', () => {
  it(`${KILLS} kills at seeded points: 0 lost, duplicates only where accepted but not recorded, the chain verifies`, async () => {
    const tally = new Tally('delivery: deliverer SIGKILLed');
    const random = prng(seed + 30);
    const figures: string[] = [];
    let duplicates = 0;
    for (let round = 0; round < KILLS; round++) {
      const db = join(dir, `kill-${round}.db`);
      copyFileSync(template, db);
      smtp.received.length = 0;
      smtp.delayMs = 20 + Math.floor(random() * 60);
      const total = 37;
      const ack = join(dir, `acks-${round}.jsonl`);
      writeFileSync(ack, '');
      const child = spawnDeliverer(tsconfig, db, smtp.port, AFTER_ROUND, ack);
      const done = exited(child);
      const target = 1 + Math.floor(random() * (total - 2));
      const deadline = Date.now() + 60_000;
      while (smtp.received.length < target && Date.now() < deadline) await sleep(2);
      await sleep(Math.floor(random() * smtp.delayMs * 2));
      child.kill('SIGKILL');
      const outcome = await done;
      if (outcome.signal !== 'SIGKILL') tally.violation(`kill ${round}: the deliverer ended by itself (${outcome.code}): ${outcome.stderr.slice(0, 300)}`);
      tally.faults++;
      tally.runs++;
      // Replies still held back by the slow server went to a dead connection: never accepted.
      smtp.delayMs = 0;
      await sleep(50);

      const storage = createSqliteStorage({ filename: db });
      const r = await finishAfterDelivererKill(storage, smtp, tally, round);
      duplicates += r.duplicates;
      const childRuns = readDelivererAcks(ack).reports.length;
      figures.push(`${r.receivedBefore}/${r.messages} before kill, ${r.sendingAtKill} sending, ${r.duplicates} dup${childRuns ? `, ${childRuns} runs done` : ''}`);
      await storage.dispose();
    }
    console.log(`delivery kill test (PCCI_FC_SEED=${seed}): ${duplicates} duplicate(s) in ${KILLS} kills — ${figures.join('; ')}`);
    tally.record(`${duplicates} duplicates (accepted, not recorded at the kill)`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 180_000);
});
