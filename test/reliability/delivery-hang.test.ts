import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock, type Notifier } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { A, AFTER_ROUND, allMessages, deliverUntilIdle, delivererService, deliveryRound, testEmailNotifier } from './support/delivery-round.js';
import { startSmtpCollector, type SmtpCollector } from './support/delivery-smtp.js';
import { prng, runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';

/**
 * Issue 10, "Done when" 3: a notifier that never settles for some recipients (and one that
 * answers only after the timeout) is cut off by the per-message timeout (its `signal` aborted),
 * and the rest of the batch is delivered. Once the provider is healthy again, the held-up
 * messages go out, each once.
 */
const dir = mkdtempSync(join(tmpdir(), 'pcci-delivery-hang-'));
const seed = runSeed();
/** Long enough for a real SMTP send on a busy machine: a send cut off after the server accepted would be sent again. */
const TIMEOUT_MS = 2_500;
let smtp: SmtpCollector;

beforeAll(async () => {
  smtp = await startSmtpCollector();
}, 30_000);
afterAll(async () => {
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a hanging notifier / nhà cung cấp treo', () => {
  it('times out, the rest of the batch is delivered, the held-up messages go later, each once', async () => {
    const tally = new Tally('delivery: hanging notifier');
    const storage = createSqliteStorage({ filename: join(dir, 'hang.db') });
    await deliveryRound(storage, 'closed');
    const ids = (await allMessages(storage)).map((m) => m.id);
    const random = prng(seed + 40);
    const hanging = new Set(ids.filter(() => random() < 0.2));
    const late = new Set(ids.filter((id) => !hanging.has(id) && random() < 0.1));
    const email = testEmailNotifier(smtp.port);
    let healthy = false;
    const aborted = new Set<string>();
    // Same channels as the e-mail notifier; for the chosen keys it never settles, or settles after the timeout.
    const flaky: Notifier = {
      name: 'flaky-email',
      channels: email.channels,
      send(message, options) {
        if (!healthy && hanging.has(message.key)) {
          options.signal.addEventListener('abort', () => aborted.add(message.key), { once: true });
          return new Promise<never>(() => undefined);
        }
        if (!healthy && late.has(message.key)) return new Promise((resolve) => setTimeout(() => resolve({ providerMessageId: 'late' }), TIMEOUT_MS + 500));
        return email.send(message, options);
      },
    };
    const clock = createFixedClock(AFTER_ROUND);
    const service = delivererService(storage, clock, flaky, { timeoutMs: TIMEOUT_MS, batchSize: 50, concurrency: 8 });
    const first = await service.deliverOutbox(A.lead, {});
    tally.runs++;
    tally.faults += hanging.size + late.size;
    const stuck = new Set([...hanging, ...late]);
    if (first.sent !== ids.length - stuck.size) tally.violation(`sent ${first.sent}, expected ${ids.length - stuck.size}`);
    if (first.retrying !== stuck.size) tally.violation(`retrying ${first.retrying}, expected ${stuck.size}`);
    for (const k of hanging) if (!aborted.has(k)) tally.violation(`${k}: the signal of a hanging send was not aborted`);
    await new Promise((r) => setTimeout(r, 600));
    for (const m of await allMessages(storage)) {
      tally.rowsChecked++;
      if (stuck.has(m.id) && (m.status !== 'pending' || m.lastError !== 'NOTIFICATION_FAILED: timeout'))
        tally.violation(`${m.id}: ${m.status} ${m.lastError ?? ''} after a timeout`);
      if (!stuck.has(m.id) && m.status !== 'sent') tally.violation(`${m.id}: ${m.status} while its provider answered`);
    }
    // The provider recovers; after the backoff the rest goes, once.
    healthy = true;
    tally.runs++;
    clock.advance(3 * 60 * 60_000);
    await deliverUntilIdle(service);
    const counts = smtp.countByKey();
    for (const m of await allMessages(storage)) {
      tally.rowsChecked++;
      if (m.status !== 'sent') tally.violation(`${m.id}: ${m.status} after recovery`);
      if ((counts.get(m.id) ?? 0) !== 1) tally.violation(`${m.id}: received ${counts.get(m.id) ?? 0} times`);
    }
    const audit = await service.verifyAudit(A.director);
    tally.rowsChecked += audit.count;
    if (!audit.ok) tally.violation('verifyAudit fails');
    await email.dispose();
    await storage.dispose();
    tally.record(`${hanging.size} hanging + ${late.size} late of ${ids.length}, timeout ${TIMEOUT_MS} ms`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 60_000);
});
