import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, NotificationError } from '@pccovid-inspect/core';
import { conformanceMessage } from '@pccovid-inspect/testkit/notifier';
import { createWebhookNotifier, type WebhookPayload } from '../src/index.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const SECRET = 'test-secret-0123456789abcdef';
let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
});
afterEach(() => receiver.close());

const live = () => new AbortController().signal;
const notifier = () => createWebhookNotifier({ url: receiver.url, secret: SECRET, retries: { count: 2, baseMs: 10 } });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as NotificationError,
  );

describe('createWebhookNotifier against a real HTTP receiver', () => {
  it('POSTs the JSON payload with Idempotency-Key, timestamp and a signature the receiver verifies', async () => {
    const m = conformanceMessage({ channel: 'webhook', attempt: 3 });
    const result = await notifier().send(m, { signal: live() });
    expect(result).toEqual({ providerMessageId: 'rcv-1' });
    const [req] = receiver.requests;
    expect(req!.verified).toBe(true);
    expect(req!.headers['idempotency-key']).toBe(m.key);
    expect(req!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Math.abs(Number(req!.headers['x-pcci-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(req!.headers['x-pcci-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    const payload = req!.payload;
    expect(Object.keys(payload).sort()).toEqual(['attempt', 'body', 'key', 'recipient', 'refs', 'sentAt', 'subject', 'topic']);
    expect(payload).toMatchObject<Partial<WebhookPayload>>({
      key: m.key,
      topic: m.topic,
      subject: m.subject,
      body: m.body,
      refs: m.refs,
      recipient: { role: m.recipient.role, id: m.recipient.id },
      attempt: 3,
    });
    expect(new Date(payload.sentAt).toISOString()).toBe(payload.sentAt);
  });

  it('retries after 500 twice and delivers on the third attempt, each attempt signed, with the same key', async () => {
    receiver.script = [500, 500, 200];
    const m = conformanceMessage({ channel: 'webhook' });
    await notifier().send(m, { signal: live() });
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests.every((r) => r.verified && r.headers['idempotency-key'] === m.key)).toBe(true);
    expect(new Set(receiver.requests.map((r) => r.raw.toString())).size).toBe(1);
  });

  it('rejects a 404 as permanent at once, without retrying', async () => {
    receiver.fallback = 404;
    const error = await failure(notifier().send(conformanceMessage(), { signal: live() }));
    expect(NotificationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'NOTIFICATION_FAILED', permanent: true, reason: 'HTTP 404' });
    expect(receiver.requests).toHaveLength(1);
  });

  it('rejects as transient after the retries when the receiver keeps answering 503', async () => {
    receiver.fallback = 503;
    const error = await failure(notifier().send(conformanceMessage(), { signal: live() }));
    expect(error).toMatchObject({ code: 'NOTIFICATION_FAILED', permanent: false, reason: 'HTTP 503' });
    expect(receiver.requests).toHaveLength(3);
  });

  it('retries a 429 (too many requests) instead of refusing for good', async () => {
    receiver.script = [429, 200];
    await notifier().send(conformanceMessage(), { signal: live() });
    expect(receiver.requests).toHaveLength(2);
  });

  it('stops a hanging request when the signal aborts, transient with reason timeout', async () => {
    receiver.fallback = 'hang';
    const controller = new AbortController();
    const pending = failure(notifier().send(conformanceMessage(), { signal: controller.signal }));
    setTimeout(() => controller.abort(), 200);
    const error = await pending;
    expect(error).toMatchObject({ code: 'NOTIFICATION_FAILED', permanent: false, reason: 'timeout' });
    expect(receiver.requests).toHaveLength(1);
  });

  it('counts a hanging attempt as timed out after attemptTimeoutMs and retries it', async () => {
    receiver.script = ['hang', 200];
    const n = createWebhookNotifier({ url: receiver.url, secret: SECRET, retries: { count: 1, baseMs: 10 }, attemptTimeoutMs: 300 });
    await n.send(conformanceMessage(), { signal: live() });
    expect(receiver.requests).toHaveLength(2);
  });

  it('rejects as transient "connection refused" when nothing listens, without the URL in the error', async () => {
    const url = receiver.url;
    await receiver.close();
    const n = createWebhookNotifier({ url, secret: SECRET, retries: { count: 1, baseMs: 10 } });
    const error = await failure(n.send(conformanceMessage(), { signal: live() }));
    expect(error).toMatchObject({ code: 'NOTIFICATION_FAILED', permanent: false, reason: 'connection refused' });
    expect(JSON.stringify(error) + String(error?.message)).not.toContain('127.0.0.1');
    receiver = await startWebhookReceiver(SECRET);
  });

  it('refuses a recipient without a URL permanently (no address), sending nothing', async () => {
    const n = createWebhookNotifier({ url: () => null, secret: SECRET });
    const error = await failure(n.send(conformanceMessage(), { signal: live() }));
    expect(error).toMatchObject({ permanent: true, reason: 'no address' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('refuses bad options with CONFIGURATION_INVALID', () => {
    const bad = [
      () => createWebhookNotifier({ url: receiver.url, secret: '' }),
      () => createWebhookNotifier({ url: 'ftp://example.org/x', secret: SECRET }),
      () => createWebhookNotifier({ url: receiver.url, secret: SECRET, retries: { count: -1, baseMs: 10 } }),
      () => createWebhookNotifier({ url: receiver.url, secret: SECRET, attemptTimeoutMs: 0 }),
    ];
    for (const make of bad)
      expect(
        ConfigurationError.isInstance(
          (() => {
            try {
              make();
              return null;
            } catch (e) {
              return e;
            }
          })(),
        ),
      ).toBe(true);
  });

  it('takes the webhook channel by default', () => {
    expect(notifier().channels).toEqual(['webhook']);
    expect(notifier().name).toBe('webhook');
  });
});
