import {
  createFixedClock,
  createInspectionService,
  type DeliveryOptions,
  type DeliveryReport,
  type InspectionService,
  type Notifier,
  type OutboxRecord,
  type StorageAdapter,
} from '@pccovid-inspect/core';
import { createEmailNotifier, type EmailNotifier } from '@pccovid-inspect/notify-email';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { A, at, startRound, STAGES, type Round } from './round.js';
import type { SmtpCollector } from './delivery-smtp.js';
import type { Tally } from './summary.js';

/**
 * The delivery attacks' round: the reliability round with an e-mail address on every person,
 * so the people's messages route to `email`; coordinating bodies' letters route to `document`,
 * target representatives (not in the directory) to `manual`. The test notifier takes all three
 * channels to the local SMTP server, so every message is counted on the receiving side.
 */
export const address = (id: string): string => `${id}@example.test`;

/** When the deliverers run after a whole round: every visit started (or cancelled), nothing embargoed. */
export const AFTER_ROUND = at('2022-01-20', '08:00');

/** Drives the round up to and including the stage named (people with e-mail contacts; `mutate` edits the seed first). */
export async function deliveryRound(storage: StorageAdapter, lastStage: string, mutate?: (r: Round) => void): Promise<Round> {
  const r = startRound(storage);
  for (const p of r.seed.people) p.contact = { phone: null, email: address(p.id) };
  mutate?.(r);
  const last = STAGES.findIndex((s) => s.name === lastStage);
  if (last < 0) throw new Error(`no stage ${lastStage}`);
  for (const stage of STAGES.slice(0, last + 1)) {
    await stage.run(r);
    r.reached.push(stage.name);
  }
  return r;
}

/** The e-mail notifier of the tests: to the collector, every channel, one address per recipient id. */
export function testEmailNotifier(port: number): EmailNotifier {
  return createEmailNotifier({
    transport: { host: '127.0.0.1', port, pool: true, maxConnections: 2, connectionTimeout: 2_000, greetingTimeout: 2_000, socketTimeout: 10_000 },
    from: { name: 'Sở Thông tin và Truyền thông Hà Tĩnh', address: 'kiemtra@stttt.hatinh.gov.vn' },
    resolveAddress: (recipient) => address(recipient.id),
    channels: ['email', 'document', 'manual'],
  });
}

/** A deliverer: a service on `storage` with its own clock and the notifiers given. */
export function delivererService(
  storage: StorageAdapter,
  clock: ReturnType<typeof createFixedClock>,
  notifier: Notifier | readonly Notifier[],
  delivery?: DeliveryOptions,
): InspectionService {
  return createInspectionService({ storage, tenant: haTinh2021Seed().tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, notifier, ...(delivery ? { delivery } : {}) });
}

/** Nothing was done by a run: nothing due any more. */
export const idle = (r: DeliveryReport): boolean => r.sent + r.retrying + r.fellBack + r.dead + r.held + r.claimedElsewhere === 0;

/** Delivers until a run does nothing (at most `maxRuns`); returns the reports summed. */
export async function deliverUntilIdle(service: InspectionService, maxRuns = 50): Promise<DeliveryReport> {
  const sum: DeliveryReport = { sent: 0, retrying: 0, fellBack: 0, dead: 0, held: 0, claimedElsewhere: 0, possibleDuplicates: 0, timedOut: 0 };
  for (let i = 0; i < maxRuns; i++) {
    const r = await service.deliverOutbox(A.lead, {});
    for (const k of Object.keys(sum) as (keyof DeliveryReport)[]) sum[k] += r[k];
    if (idle(r)) break;
  }
  return sum;
}

/** Every outbox message of Hà Tĩnh. */
export const allMessages = (storage: StorageAdapter): Promise<OutboxRecord[]> => storage.readOutbox('42', { limit: 100_000 });

/** Past any lease a killed deliverer held (the default lease is 5 minutes). */
export const AFTER_LEASE_MS = 6 * 60_000;

/**
 * After a deliverer was killed mid-batch: notes each message's state at the kill, finishes the
 * delivery with a fresh deliverer whose clock is past the lease, and checks every message — sent,
 * received, and received twice only when it was `sending` at the kill (accepted by the server but
 * not yet recorded: counted as a duplicate) — and the audit chain. Violations go to `tally`.
 */
export async function finishAfterDelivererKill(
  storage: StorageAdapter,
  smtp: SmtpCollector,
  tally: Tally,
  round: number,
): Promise<{ duplicates: number; receivedBefore: number; sendingAtKill: number; messages: number }> {
  const atKill = new Map((await allMessages(storage)).map((m) => [m.id, m.status]));
  const receivedBefore = new Set(smtp.received.map((r) => r.key));
  const mayRepeat = new Set([...receivedBefore].filter((k) => atKill.get(k) === 'sending'));
  for (const k of receivedBefore) if (atKill.get(k) === 'pending') tally.violation(`kill ${round}: ${k} was received but is pending, not claimed`);

  const clock = createFixedClock(AFTER_ROUND);
  clock.advance(AFTER_LEASE_MS);
  const email = testEmailNotifier(smtp.port);
  const service = delivererService(storage, clock, email);
  await deliverUntilIdle(service);
  await email.dispose();

  const counts = smtp.countByKey();
  const outbox = await allMessages(storage);
  let duplicates = 0;
  for (const m of outbox) {
    tally.rowsChecked++;
    const n = counts.get(m.id) ?? 0;
    if (m.status !== 'sent') tally.violation(`kill ${round}: ${m.id} is ${m.status} (${m.lastError ?? ''})`);
    if (n === 0) tally.violation(`kill ${round}: ${m.id} lost (never received)`);
    if (n === 2 && mayRepeat.has(m.id)) duplicates++;
    else if (n > 1) tally.violation(`kill ${round}: ${m.id} received ${n} times (${atKill.get(m.id)} at the kill)`);
  }
  const audit = await service.verifyAudit(A.director);
  tally.rowsChecked += audit.count;
  if (!audit.ok) tally.violation(`kill ${round}: verifyAudit fails`);
  return { duplicates, receivedBefore: receivedBefore.size, sendingAtKill: [...atKill.values()].filter((st) => st === 'sending').length, messages: outbox.length };
}

export { A, at };
