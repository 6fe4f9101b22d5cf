import { afterEach, describe, expect, it } from 'vitest';
import { InspectError, NotificationError, type OutboundMessage, type SendResult } from '@pccovid-inspect/core';
import { NOTIFIER_VIETNAMESE_LETTERS, conformanceMessage, conformancePdfAttachment } from './conformance-messages.js';
import type { NotifierConformanceOptions, NotifierHarness, ReceivedMessage } from './notifier-harness.js';

const trimEnd = (s: string): string => s.replace(/[\r\n]+$/, '');

/** Every string an error shows or carries: messages, hint, reason, JSON, down the cause chain. */
function errorTexts(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (typeof current !== 'object') {
      out.push(typeof current === 'string' ? current : (JSON.stringify(current) ?? ''));
      break;
    }
    const e = current as Record<string, unknown>;
    for (const field of ['message', 'messageVi', 'messageEn', 'hint', 'reason', 'stack']) if (typeof e[field] === 'string') out.push(e[field]);
    try {
      out.push(JSON.stringify(current));
    } catch {
      // a circular cause: its fields were read above
    }
    current = e.cause;
  }
  return out;
}

function leakedPersonalData(error: unknown, personalData: readonly string[]): string[] {
  const texts = errorTexts(error);
  return personalData.filter((p) => p !== '' && texts.some((t) => t.includes(p)));
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the send to reject, but it resolved / send phải bị từ chối nhưng đã thành công');
    },
    (e: unknown) => e,
  );
}

function expectNotificationError(error: unknown, permanent: boolean, harness: NotifierHarness): NotificationError {
  expect(InspectError.isInstance(error), `not an InspectError: ${String(error)}`).toBe(true);
  expect((error as InspectError).code).toBe('NOTIFICATION_FAILED');
  expect(NotificationError.isInstance(error)).toBe(true);
  const n = error as NotificationError;
  expect(n.permanent).toBe(permanent);
  expect(typeof n.reason === 'string' && n.reason.length > 0, 'reason is a short non-empty string').toBe(true);
  expect(leakedPersonalData(error, harness.personalData ?? [])).toEqual([]);
  return n;
}

/**
 * The conformance suite every `Notifier` must pass (vitest), against a real receiver the harness
 * starts: a Vietnamese subject and body arrive intact (every diacritic, NFC, also from decomposed
 * input); every received message carries its idempotency key, and the same key sent twice arrives
 * with the same key so the receiver can dedupe; distinct keys stay distinct; `send` resolves with
 * nothing or a `providerMessageId`; an already aborted signal rejects with a transient
 * `NOTIFICATION_FAILED`; and — where the harness gives the hooks — a stalled receiver is left when
 * the signal aborts, a refusal is permanent, an unknown recipient is permanent, an outage is
 * transient and the next send after it arrives, a PDF attachment arrives byte for byte. Every error
 * must be an `InspectError` with code `NOTIFICATION_FAILED`, a short reason, and none of the
 * harness's `personalData` anywhere in it. A fresh harness is made for every check. Call it at the
 * top level of a test file.
 *
 * @example
 * ```ts
 * import { describeNotifierConformance } from '@pccovid-inspect/testkit/notifier';
 *
 * describeNotifierConformance({ name: 'console', create: () => consoleHarness() });
 * ```
 */
export function describeNotifierConformance(options: NotifierConformanceOptions): void {
  const timeout = options.timeoutMs ?? 60_000;
  const receiveTimeout = options.receiveTimeoutMs ?? 15_000;
  let current: NotifierHarness | null = null;

  async function harness(): Promise<NotifierHarness> {
    current = await options.create();
    return current;
  }

  function message(h: NotifierHarness, overrides: Partial<OutboundMessage> = {}): OutboundMessage {
    return conformanceMessage({ channel: options.channel ?? h.notifier.channels?.[0] ?? 'console', ...overrides });
  }

  const send = (h: NotifierHarness, m: OutboundMessage, signal: AbortSignal = new AbortController().signal): Promise<SendResult | void> => h.notifier.send(m, { signal });

  /** Waits until `count` messages with `key` have arrived (the receiver may see them after `send` resolves). */
  async function arrived(h: NotifierHarness, key: string, count = 1): Promise<ReceivedMessage[]> {
    const deadline = Date.now() + receiveTimeout;
    for (;;) {
      const got = (await h.received()).filter((r) => r.key === key);
      if (got.length >= count || Date.now() > deadline) {
        expect(got.length, `messages with key ${key} received`).toBeGreaterThanOrEqual(count);
        return got;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  describe(`Notifier conformance: ${options.name}`, () => {
    afterEach(async () => {
      const h = current;
      current = null;
      await h?.cleanup?.();
    });

    it(
      'has a name and, if it lists channels, non-empty ones',
      async () => {
        const h = await harness();
        expect(typeof h.notifier.name).toBe('string');
        expect(h.notifier.name.length).toBeGreaterThan(0);
        for (const c of h.notifier.channels ?? []) expect(c.length).toBeGreaterThan(0);
      },
      timeout,
    );

    it(
      'delivers a Vietnamese subject and body intact, every diacritic NFC, and resolves with nothing or a provider id',
      async () => {
        const h = await harness();
        const m = message(h);
        const result = await send(h, m);
        if (result) expect(['string', 'undefined'].includes(typeof result.providerMessageId) || result.providerMessageId === null).toBe(true);
        const [got] = await arrived(h, m.key);
        expect(got!.subject).toBe(m.subject);
        expect(got!.subject.normalize('NFC')).toBe(got!.subject);
        expect([...NOTIFIER_VIETNAMESE_LETTERS].filter((ch) => !got!.subject.includes(ch))).toEqual([]);
        expect(trimEnd(got!.body).split(/\r?\n/)).toEqual(m.body.split('\n'));
        if (got!.recipient) expect(got!.recipient).toEqual({ role: m.recipient.role, id: m.recipient.id });
      },
      timeout,
    );

    it(
      'sends decomposed (NFD) input as NFC',
      async () => {
        const h = await harness();
        const m = message(h);
        await send(h, { ...m, subject: m.subject.normalize('NFD'), body: m.body.normalize('NFD') });
        const [got] = await arrived(h, m.key);
        expect(got!.subject).toBe(m.subject);
        expect(trimEnd(got!.body).split(/\r?\n/)).toEqual(m.body.split('\n'));
      },
      timeout,
    );

    it(
      'sends the same key twice so that the receiver can dedupe (both arrivals carry the key), and keeps other keys apart',
      async () => {
        const h = await harness();
        const first = message(h);
        await send(h, first);
        await send(h, { ...first, attempt: 2 });
        const other = message(h);
        await send(h, other);
        const same = await arrived(h, first.key, 1);
        await arrived(h, other.key);
        for (const r of same) expect(r.subject).toBe(first.subject);
        const keys = new Set((await h.received()).map((r) => r.key));
        expect(keys.has(first.key) && keys.has(other.key)).toBe(true);
        expect(first.key).not.toBe(other.key);
      },
      timeout,
    );

    it(
      'rejects at once with a transient NOTIFICATION_FAILED when the signal is already aborted',
      async () => {
        const h = await harness();
        const controller = new AbortController();
        controller.abort();
        const error = await rejectionOf(send(h, message(h), controller.signal));
        expectNotificationError(error, false, h);
      },
      timeout,
    );

    it.runIf(options.attachments === true)(
      'delivers a PDF attachment byte for byte, with its Vietnamese file name',
      async () => {
        const h = await harness();
        const pdf = conformancePdfAttachment();
        const m = message(h, { attachments: [pdf] });
        await send(h, m);
        const [got] = await arrived(h, m.key);
        const file = got!.attachments?.find((a) => a.filename === pdf.filename);
        expect(file, `attachment ${pdf.filename}`).toBeDefined();
        expect(file!.contentType).toBe(pdf.contentType);
        expect(Buffer.from(file!.content).equals(Buffer.from(pdf.content))).toBe(true);
      },
      timeout,
    );

    it(
      'leaves a receiver that never answers when the signal aborts, with a transient NOTIFICATION_FAILED (if the harness can stall it)',
      async (ctx) => {
        const h = await harness();
        if (!h.stall) return ctx.skip();
        await h.stall();
        const controller = new AbortController();
        const pending = send(h, message(h), controller.signal);
        setTimeout(() => controller.abort(), 300);
        const error = await rejectionOf(pending);
        expectNotificationError(error, false, h);
      },
      timeout,
    );

    it(
      'rejects an unknown recipient with a permanent NOTIFICATION_FAILED (if the harness names one)',
      async (ctx) => {
        const h = await harness();
        if (!h.unknownRecipient) return ctx.skip();
        const error = await rejectionOf(send(h, message(h, { recipient: h.unknownRecipient })));
        expectNotificationError(error, true, h);
      },
      timeout,
    );

    it(
      'rejects a message the receiver refuses with a permanent NOTIFICATION_FAILED (if the harness can make it refuse)',
      async (ctx) => {
        const h = await harness();
        if (!h.refuse) return ctx.skip();
        await h.refuse();
        const error = await rejectionOf(send(h, message(h)));
        expectNotificationError(error, true, h);
      },
      timeout,
    );

    it(
      'rejects with a transient NOTIFICATION_FAILED while the receiver is down, and delivers once it is back (if the harness can take it down)',
      async (ctx) => {
        const h = await harness();
        if (!h.outage) return ctx.skip();
        await h.outage.start();
        const error = await rejectionOf(send(h, message(h)));
        expectNotificationError(error, false, h);
        await h.outage.end();
        const m = message(h);
        await send(h, m);
        await arrived(h, m.key);
      },
      timeout,
    );
  });
}
