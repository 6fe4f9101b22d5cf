import { describe, expect, it } from 'vitest';
import { NotificationError, createInspectionService, createFixedClock, messageDocumentRef, type Notifier, type OutboundMessage, type OutboxRecord } from '@pccovid-inspect/core';
import { officialDocumentPlainText } from '@pccovid-inspect/core/documents';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { A, createHarness, snapshotStorage } from './harness.js';

type Behaviour = (m: OutboundMessage, signal: AbortSignal) => Promise<{ providerMessageId?: string | null } | void> | 'send';

/** A notifier that keeps what it delivered; `behave` may throw, hang, or return nothing instead. */
function collectingNotifier(behave?: Behaviour, options: { name?: string; channels?: string[] } = {}): Notifier & { sent: OutboundMessage[]; calls: number } {
  const sent: OutboundMessage[] = [];
  const notifier = {
    name: options.name ?? 'collect',
    channels: options.channels,
    sent,
    calls: 0,
    async send(m: OutboundMessage, { signal }: { signal: AbortSignal }) {
      notifier.calls++;
      const b = behave?.(m, signal) ?? 'send';
      if (b !== 'send') {
        const r = await b;
        sent.push(m);
        return r;
      }
      sent.push(m);
      return { providerMessageId: `collect-${sent.length}` };
    },
  };
  return notifier;
}

const outboxOf = (h: ReturnType<typeof createHarness>): OutboxRecord[] => inspectMemoryStorage(h.storage).outbox('42');
const auditActions = (h: ReturnType<typeof createHarness>) =>
  inspectMemoryStorage(h.storage)
    .audit('42')
    .map((a) => a.action);
const HOUR = 3_600_000;

describe('delivering the outbox after commit', () => {
  it('sends every due message once, marks it sent, and audits the claim and the result', async () => {
    const notifier = collectingNotifier();
    const h = createHarness({ notifier });
    await h.steps.scheduled();
    const first = await h.service.deliverOutbox(A.lead);
    const outbox = outboxOf(h);
    expect(outbox.length).toBeGreaterThan(0);
    expect(first).toMatchObject({ sent: outbox.length, retrying: 0, dead: 0, held: 0, claimedElsewhere: 0, possibleDuplicates: 0 });
    expect(outbox.every((m) => m.status === 'sent' && m.attempts === 1 && m.providerMessageId?.startsWith('collect-') && m.leaseOwner === null && m.dueAt === null)).toBe(true);
    expect(new Set(notifier.sent.map((m) => m.key)).size).toBe(notifier.sent.length);
    expect(notifier.sent.some((m) => m.recipient.role === 'targetRepresentative')).toBe(false);
    expect(auditActions(h)).toEqual(expect.arrayContaining(['outbox.claim', 'outbox.deliver']));
    expect(await h.service.deliverOutbox(A.lead)).toMatchObject({ sent: 0 });
    expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
  });

  it('loses nothing to an outage: every message is retried with backoff and delivered once the notifier is back', async () => {
    let down = true;
    const notifier = collectingNotifier(() => {
      if (down) throw new Error('ECONNREFUSED 127.0.0.1:25');
      return 'send';
    });
    const h = createHarness({ notifier, delivery: { retryBaseMs: 60_000 } });
    await h.steps.scheduled();
    const total = outboxOf(h).length;
    const r1 = await h.service.deliverOutbox(A.lead);
    expect(r1).toMatchObject({ sent: 0, retrying: total, dead: 0 });
    expect(outboxOf(h).every((m) => m.status === 'pending' && m.attempts === 1 && m.lastError === 'NOTIFICATION_FAILED' && m.dueAt! > '2021-11-26T02:00:00.000Z')).toBe(true);
    // Not due yet: nothing is tried again before the backoff.
    expect(await h.service.deliverOutbox(A.lead)).toMatchObject({ sent: 0, retrying: 0 });
    down = false;
    h.clock.advance(HOUR);
    expect(await h.service.deliverOutbox(A.lead)).toMatchObject({ sent: total, retrying: 0 });
    expect(new Set(notifier.sent.map((m) => m.key)).size).toBe(total);
    expect(notifier.sent.length).toBe(total);
  });

  it('moves a message to its fallback channel after its attempts, then to dead letters; requeue brings it back', async () => {
    let manualUp = false;
    const document = collectingNotifier(
      () => {
        throw new Error('e-office down');
      },
      { name: 'document', channels: ['document'] },
    );
    const manual = collectingNotifier(
      () => {
        if (!manualUp) throw new Error('call sheet printer jammed');
        return 'send';
      },
      { name: 'manual', channels: ['manual'] },
    );
    const h = createHarness({ notifier: [document, manual], delivery: { maxAttempts: 2, retryBaseMs: 1000, retryMaxMs: 1000 } });
    await h.steps.nominating();
    const requests = outboxOf(h);
    expect(requests.length).toBeGreaterThan(0);
    const runs = [];
    for (let i = 0; i < 4; i++) {
      runs.push(await h.service.deliverOutbox(A.lead));
      h.clock.advance(HOUR);
    }
    const n = requests.length;
    expect(runs.map((r) => [r.retrying, r.fellBack, r.dead])).toEqual([
      [n, 0, 0],
      [0, n, 0],
      [n, 0, 0],
      [0, 0, n],
    ]);
    const dead = await h.service.listMessages(A.lead, { status: 'dead' });
    expect(dead.map((m) => m.id).sort()).toEqual(requests.map((m) => m.id).sort());
    expect(dead.every((m) => m.attempts === 4 && m.channel === 'manual' && m.lastError === 'NOTIFICATION_FAILED')).toBe(true);
    // An unknown id is reported, not invented; the others go back in the queue.
    manualUp = true;
    const back = await h.service.requeueMessages(A.lead, { messageIds: [...dead.map((m) => m.id), 'no-such-message'], channel: 'manual' });
    expect(back).toEqual({ requeued: n, skipped: ['no-such-message'] });
    expect(await h.service.deliverOutbox(A.lead)).toMatchObject({ sent: n });
    expect(manual.sent.map((m) => m.key).sort()).toEqual(dead.map((m) => m.id).sort());
    expect(auditActions(h)).toContain('outbox.requeue');
    await expect(h.service.requeueMessages(A.member, { messageIds: ['x'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
  });

  it('sends a permanent refusal to the fallback channel at once, without retrying the refusing one', async () => {
    const refusing = collectingNotifier(
      (m) => {
        throw new NotificationError({ notifierName: 'email', messageKey: m.key, permanent: true, reason: 'no address' });
      },
      { name: 'document', channels: ['document'] },
    );
    const manual = collectingNotifier(undefined, { name: 'manual', channels: ['manual'] });
    const h = createHarness({ notifier: [refusing, manual] });
    await h.steps.created();
    await h.service.issuePlan(A.director, { campaignId: h.campaignId, issuedOn: '2021-11-26' });
    await h.service.requestNominations(A.lead, { campaignId: h.campaignId, sentOn: '2021-11-26' });
    const requests = outboxOf(h);
    expect(requests.length).toBeGreaterThan(0);
    // To a body: as an official document first, then by hand.
    expect(requests.every((m) => m.channel === 'document' && m.fallbackChannels.join() === 'manual')).toBe(true);
    const r = await h.service.deliverOutbox(A.lead);
    expect(r).toMatchObject({ fellBack: requests.length, retrying: 0 });
    expect(refusing.calls).toBe(requests.length);
    // The manual channel gets its own share of attempts: the refusing channel's unused ones count as spent.
    expect(outboxOf(h).every((m) => m.channel === 'manual' && m.status === 'pending' && m.attempts === 5 && m.lastError === 'NOTIFICATION_FAILED: no address')).toBe(true);
    expect(await h.service.deliverOutbox(A.lead)).toMatchObject({ sent: requests.length });
    expect(refusing.calls).toBe(requests.length);
  });

  it('times out a notifier that never settles and delivers the rest of the batch', async () => {
    let hung = 0;
    const notifier = collectingNotifier((m, signal) => {
      if (m.recipient.id !== 'p-health') return 'send';
      hung++;
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    });
    const h = createHarness({ notifier, delivery: { timeoutMs: 50, leaseMs: 120_000 } });
    await h.steps.scheduled();
    const total = outboxOf(h).length;
    const r = await h.service.deliverOutbox(A.lead);
    expect(hung).toBeGreaterThan(0);
    expect(r).toMatchObject({ sent: total - hung, retrying: hung, timedOut: hung });
    expect(
      outboxOf(h)
        .filter((m) => m.status === 'pending')
        .every((m) => m.lastError === 'NOTIFICATION_FAILED: timeout'),
    ).toBe(true);
  });

  it('counts a send that returns nothing as delivered', async () => {
    const notifier = collectingNotifier(() => Promise.resolve());
    const h = createHarness({ notifier });
    await h.steps.scheduled();
    const r = await h.service.deliverOutbox(A.lead);
    expect(r.sent).toBe(outboxOf(h).length);
    expect(outboxOf(h).every((m) => m.status === 'sent' && m.providerMessageId === null)).toBe(true);
  });

  it('two deliverers at once never send one message twice', async () => {
    const keys: string[] = [];
    const slow: Notifier = {
      name: 'slow',
      async send(m) {
        keys.push(m.key);
        await new Promise((r) => setTimeout(r, 2));
      },
    };
    const h = createHarness({ notifier: slow, delivery: { batchSize: 2, concurrency: 1 } });
    await h.steps.scheduled();
    const other = createInspectionService({ storage: h.storage, tenant: h.seed.tenant, clock: h.clock, notifier: slow, delivery: { batchSize: 2, concurrency: 1 } });
    const [a, b] = await Promise.all([h.service.deliverOutbox(A.lead), other.deliverOutbox(A.lead)]);
    const total = outboxOf(h).length;
    expect(a.sent + b.sent).toBe(total);
    expect(keys.length).toBe(total);
    expect(new Set(keys).size).toBe(total);
    expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
  });

  it('a deliverer that stalls past its lease: another sends the message, and the stalled one counts a possible duplicate', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const stalled: Notifier = { name: 'stalled', send: () => gate };
    const h = createHarness({ notifier: stalled, delivery: { timeoutMs: 600_000, batchSize: 1, leaseMs: 700_000 } });
    await h.steps.nominating();
    const [first] = outboxOf(h);
    const late = h.service.deliverOutbox(A.lead, { limit: 1 });
    await new Promise((r) => setTimeout(r, 20));
    const laterClock = createFixedClock(new Date(Date.parse('2021-11-26T02:00:00.000Z') + 800_000));
    const fresh = collectingNotifier();
    const other = createInspectionService({ storage: h.storage, tenant: h.seed.tenant, clock: laterClock, notifier: fresh, delivery: { batchSize: 1 } });
    const total = outboxOf(h).length;
    expect(await other.deliverOutbox(A.lead)).toMatchObject({ sent: total });
    expect(fresh.sent.find((m) => m.key === first?.id)?.attempt).toBe(2);
    release();
    expect(await late).toMatchObject({ sent: 0, possibleDuplicates: 1 });
    expect(outboxOf(h).find((m) => m.id === first?.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('holds a schedule notice from a partner who also represents the visited unit until the visit starts', async () => {
    // The Health Department's representative is also the hospital's representative person.
    const notifier = collectingNotifier();
    const h = createHarness({ notifier, representatives: { 'tg-bv-tinh': 'p-health' } });
    await h.steps.scheduled();
    const r = await h.service.deliverOutbox(A.lead);
    expect(r.held).toBeGreaterThan(0);
    const toHealth = notifier.sent.filter((m) => m.recipient.id === 'p-health');
    expect(toHealth.some((m) => m.refs.visitId === 'v-hospital')).toBe(false);
    expect(toHealth.some((m) => m.refs.visitId === 'v-market')).toBe(true); // another unit's visit: theirs to know as a partner
    const held = outboxOf(h).filter((m) => m.lastError === 'EMBARGOED');
    expect(held.every((m) => m.refs.visitId === 'v-hospital' && m.recipient.id === 'p-health' && m.status === 'pending')).toBe(true);
    // Nor does the person find it by listing their own messages.
    expect((await h.service.listMessages(A.health, {})).some((m) => m.refs.visitId === 'v-hospital')).toBe(false);
    // The visit day comes and the visit starts: the notice may go.
    h.clock.set('2021-12-08T01:00:00.000Z');
    expect(await h.service.deliverOutbox(A.lead)).toMatchObject({ sent: 0, held: held.length });
    await h.service.startVisit(A.lead, { visitId: 'v-hospital' });
    h.clock.advance(HOUR);
    const after = await h.service.deliverOutbox(A.lead);
    expect(after.sent).toBeGreaterThanOrEqual(held.length);
    expect(notifier.sent.filter((m) => m.refs.visitId === 'v-hospital' && m.recipient.id === 'p-health').length).toBe(held.length);
  });

  it('refuses with CONFIGURATION_INVALID when the service has no notifier, and changes nothing', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const before = await snapshotStorage(h.storage);
    await expect(h.service.deliverOutbox(A.lead)).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
    await expect(h.service.deliverOutbox(A.member)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotStorage(h.storage)).toEqual(before);
  });

  it('refuses bad delivery options and bad notifiers at start-up with CONFIGURATION_INVALID', () => {
    const h = createHarness();
    const make = (extra: Record<string, unknown>) => () => createInspectionService({ storage: h.storage, tenant: h.seed.tenant, ...extra });
    expect(make({ delivery: { timeoutMs: 0 } })).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
    expect(make({ delivery: { timeoutMs: 60_000, leaseMs: 1000 } })).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
    expect(make({ notifier: [{ name: '' }] })).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
    expect(make({ notifier: { name: 'x', channels: 'email', send: async () => undefined } })).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
  });
});

describe('the manual channel: the call sheet and acknowledgements', () => {
  async function roundOnTheCallSheet() {
    const refusing = collectingNotifier(
      (m) => {
        throw new NotificationError({ notifierName: 'document', messageKey: m.key, permanent: true, reason: 'no e-office address' });
      },
      { name: 'document', channels: ['document'] },
    );
    const h = createHarness({ notifier: [refusing] });
    await h.steps.nominating();
    await h.service.deliverOutbox(A.lead); // refused → manual
    const second = await h.service.deliverOutbox(A.lead); // manual → the built-in call sheet
    return { h, second, requests: outboxOf(h) };
  }

  it('hands messages nobody can deliver electronically to the call sheet, which leadership prints', async () => {
    const { h, second, requests } = await roundOnTheCallSheet();
    expect(second.sent).toBe(requests.length);
    expect(requests.every((m) => m.status === 'sent' && m.channel === 'manual' && m.providerMessageId === 'call-sheet')).toBe(true);
    const listed = await h.service.listDocuments(A.lead, { campaignId: h.campaignId });
    expect(listed.map((d) => d.ref.kind)).toContain('callSheet');
    const sheet = await h.service.getDocument(A.lead, { kind: 'callSheet', campaignId: h.campaignId, date: '2021-11-26' });
    expect(sheet.kind).toBe('DS');
    expect(sheet.title?.type).toBe('DANH SÁCH');
    const rows = sheet.body.flatMap((b) => (b.type === 'table' ? b.rows : []));
    expect(rows).toHaveLength(requests.length);
    // The plan to the bodies it concerns, and the request to nominate members.
    expect(rows.filter((r) => JSON.stringify(r).includes('Đề nghị cử cán bộ')).length).toBe(requests.filter((m) => m.topic === 'nomination.requested').length);
    expect(rows.filter((r) => JSON.stringify(r).includes('Kế hoạch số 01/KH-STTTT')).length).toBeGreaterThan(0);
    // Phone numbers are on it: nobody outside leadership and the secretary gets it.
    for (const actor of [A.member, A.health, A.viewer, A.market]) {
      await expect(h.service.getDocument(actor, { kind: 'callSheet', campaignId: h.campaignId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await h.service.listDocuments(actor, { campaignId: h.campaignId }).catch(() => [])).some((d) => d.ref.kind === 'callSheet')).toBe(false);
    }
  });

  it('records who took a message and when; the audit names the message, never the person', async () => {
    const { h, requests } = await roundOnTheCallSheet();
    const [first] = requests;
    h.clock.advance(HOUR);
    const ack = { messageId: first!.id, answeredBy: 'Bà Nguyễn Thị Hương, Văn phòng Sở Y tế', answeredAt: '2021-11-26T03:30:00.000Z', means: 'phone' as const };
    await expect(h.service.acknowledgeMessage(A.secretary, ack)).resolves.toMatchObject({ state: 'acknowledged' });
    const sheet = await h.service.getDocument(A.secretary, { kind: 'callSheet', campaignId: h.campaignId });
    const text = JSON.stringify(sheet.body);
    expect(text).toContain('Bà Nguyễn Thị Hương, Văn phòng Sở Y tế, 10:30 26/11/2021 (điện thoại)');
    expect(JSON.stringify(inspectMemoryStorage(h.storage).audit('42').at(-1))).not.toContain('Hương');
    // Twice, unknown, too early, or by someone else: refused, and nothing changes.
    const before = await snapshotStorage(h.storage);
    await expect(h.service.acknowledgeMessage(A.secretary, ack)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(h.service.acknowledgeMessage(A.secretary, { ...ack, messageId: 'no-such-message' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.service.acknowledgeMessage(A.secretary, { ...ack, messageId: requests[1]!.id, answeredAt: '2021-11-25T00:00:00.000Z' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(h.service.acknowledgeMessage(A.member, { ...ack, messageId: requests[1]!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotStorage(h.storage)).toEqual(before);
    expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
  });
});

describe('messages that carry an official document', () => {
  it('attach it through delivery.attachments, from the message refs (messageDocumentRef)', async () => {
    const received: OutboundMessage[] = [];
    const notifier: Notifier = {
      name: 'document',
      async send(m) {
        received.push(m);
      },
    };
    const director = { role: 'director', id: 'p-dau-tung-lam' } as const;
    const h = createHarness({
      notifier,
      delivery: {
        attachments: async (m) => {
          const ref = messageDocumentRef(m);
          if (!ref) return [];
          const doc = await h.service.getDocument(director, ref);
          return [{ filename: `${ref.kind}.txt`, contentType: 'text/plain; charset=utf-8', content: new TextEncoder().encode(officialDocumentPlainText(doc).join('\n')) }];
        },
      },
    });
    await h.steps.teamFormed();
    await h.service.deliverOutbox(A.lead);
    const plan = received.filter((m) => m.topic === 'plan.issued');
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((m) => m.recipient.id !== 'org-stttt')).toBe(true); // never the issuer itself
    expect(new TextDecoder().decode(plan[0]!.attachments[0]!.content)).toContain('KẾ HOẠCH');
    const decision = received.filter((m) => m.topic === 'team.decided');
    expect(decision).toHaveLength(h.team.length);
    expect(new TextDecoder().decode(decision[0]!.attachments[0]!.content)).toContain('QUYẾT ĐỊNH');
    expect(received.filter((m) => m.topic === 'nomination.requested').every((m) => m.attachments[0]?.filename === 'plan.txt')).toBe(true);
    expect(messageDocumentRef({ refs: { documentKind: 'reminder', remediationId: 'r-1', documentIndex: 'x' } })).toBeNull();
    expect(messageDocumentRef({ refs: { documentKind: 'notice', visitId: 'v-1' } })).toEqual({ kind: 'notice', visitId: 'v-1' });
  });
});
