import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { A, address, allMessages, deliverUntilIdle, delivererService, deliveryRound, testEmailNotifier, at } from './support/delivery-round.js';
import { startSmtpCollector, type SmtpCollector } from './support/delivery-smtp.js';
import { STAGES, VISITS } from './support/round.js';
import { runSeed } from './support/seed.js';
import { Tally } from './support/summary.js';

/**
 * Issue 10, "Done when" 4: a person who is both the Department of Health's nominee on the team
 * and the representative of the hospital being visited (unannounced campaign). Delivering after
 * every step of a whole round, what their mailbox receives is checked on the SMTP side: nothing
 * about the hospital's visit before it starts, and its schedule once it has.
 */
const DUAL = 'p-health';
const HOSPITAL = 'tg-bv-tinh';
const dir = mkdtempSync(join(tmpdir(), 'pcci-delivery-embargo-'));
const seed = runSeed();
let smtp: SmtpCollector;

beforeAll(async () => {
  smtp = await startSmtpCollector();
}, 30_000);
afterAll(async () => {
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dual-role embargo / người vừa là thành viên Tổ vừa là đại diện đơn vị', () => {
  it("nothing about the hospital's unannounced visit reaches its representative before it starts; it does after", async () => {
    const tally = new Tally('delivery: dual-role embargo');
    const storage = createSqliteStorage({ filename: join(dir, 'embargo.db') });
    const r = await deliveryRound(storage, 'campaign created', (round) => {
      round.targets.find((t) => t.id === HOSPITAL)!.representativePersonId = DUAL;
    });
    const hospital = r.targets.find((t) => t.id === HOSPITAL)!;
    const visit = VISITS.find((v) => v.targetId === HOSPITAL)!;
    const email = testEmailNotifier(smtp.port);
    // The deliverer runs on the round's own clock: "now" is where the round is.
    const service = delivererService(storage, r.clock, email, { embargoRecheckMs: 60_000 });
    let held = 0;
    const deliver = async () => {
      const rep = await deliverUntilIdle(service);
      held += rep.held;
      tally.runs++;
    };
    const startedStage = STAGES.findIndex((s) => s.name === 'visits started');
    let boundary = -1;
    for (const [i, stage] of STAGES.entries()) {
      if (i === 0) continue;
      if (i !== startedStage) {
        await stage.run(r);
        await deliver();
        continue;
      }
      // The visits start one by one, delivering on the morning of each before and after it starts.
      for (const v of VISITS) {
        r.clock.set(at(v.day, '08:00'));
        await deliver();
        if (v.visitId === visit.visitId) boundary = smtp.received.length;
        await r.service.startVisit(A.lead, { visitId: v.visitId });
        await deliver();
      }
    }
    await email.dispose();

    const mine = smtp.received.filter((m) => m.to.includes(address(DUAL)));
    const about = (m: (typeof mine)[number]) => m.key.startsWith(`${visit.visitId}.`) || m.text.normalize('NFC').includes(hospital.name.normalize('NFC'));
    for (const m of mine) {
      tally.rowsChecked++;
      if (m.seq < boundary && about(m)) tally.violation(`${m.key} ("${m.subject}") reached ${DUAL} before ${visit.visitId} started`);
    }
    const after = mine.filter((m) => m.seq >= boundary && about(m));
    if (!after.some((m) => m.key === `${visit.visitId}.schedule.${DUAL}`)) tally.violation(`the schedule of ${visit.visitId} never reached ${DUAL} after it started`);
    if (held === 0) tally.violation('nothing was ever held: the embargo was not exercised');
    const counts = smtp.countByKey();
    for (const m of await allMessages(storage)) {
      tally.rowsChecked++;
      if (m.status !== 'sent') tally.violation(`${m.id}: ${m.status} (${m.lastError ?? ''}) at the end of the round`);
      if ((counts.get(m.id) ?? 0) !== 1) tally.violation(`${m.id}: received ${counts.get(m.id) ?? 0} times`);
    }
    const audit = await service.verifyAudit(A.director);
    tally.rowsChecked += audit.count;
    if (!audit.ok) tally.violation('verifyAudit fails');
    await storage.dispose();
    tally.faults += held;
    tally.record(`${mine.length} mails to the dual-role person, ${after.length} about the visit after it started, ${held} holds`);
    expect(tally.violations, `PCCI_FC_SEED=${seed}`).toEqual([]);
  }, 60_000);
});
