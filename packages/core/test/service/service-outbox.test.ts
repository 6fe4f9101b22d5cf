import { describe, expect, it } from 'vitest';
import type { Notifier, OutboundMessage } from '@pccovid-inspect/core';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { A, createHarness } from './harness.js';

/** A notifier that keeps what it was given (a console-style channel). */
function collectingNotifier(failFor?: (m: OutboundMessage) => boolean): Notifier & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    name: 'collect',
    sent,
    async send(m) {
      if (failFor?.(m)) throw new Error('mailbox unavailable');
      sent.push(m);
      return { providerMessageId: `collect-${sent.length}` };
    },
  };
}

describe('delivering the outbox after commit', () => {
  it('sends every pending message once and marks it sent', async () => {
    const notifier = collectingNotifier();
    const h = createHarness({ notifier });
    await h.steps.scheduled();
    const first = await h.service.deliverOutbox(A.lead);
    const outbox = inspectMemoryStorage(h.storage).outbox('42');
    expect(first).toEqual({ sent: outbox.length, failed: 0 });
    expect(outbox.every((m) => m.status === 'sent' && m.attempts === 1 && m.providerMessageId?.startsWith('collect-'))).toBe(true);
    expect(notifier.sent.some((m) => m.recipient.role === 'targetRepresentative')).toBe(false);
    expect(await h.service.deliverOutbox(A.lead)).toEqual({ sent: 0, failed: 0 });
  });

  it('marks a failed delivery with its attempt and keeps the message, without stopping the others', async () => {
    const notifier = collectingNotifier((m) => m.recipient.id === 'org-syt');
    const h = createHarness({ notifier });
    await h.steps.scheduled();
    const r = await h.service.deliverOutbox(A.lead);
    expect(r.failed).toBe(1);
    const failed = inspectMemoryStorage(h.storage)
      .outbox('42')
      .filter((m) => m.status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ recipient: expect.objectContaining({ id: 'org-syt' }) as unknown, attempts: 1, lastError: 'NOTIFICATION_FAILED' })]);
    await expect(h.service.deliverOutbox(A.member)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses with CONFIGURATION_INVALID when the service has no notifier, and changes nothing', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const before = inspectMemoryStorage(h.storage).outbox('42');
    await expect(h.service.deliverOutbox(A.lead)).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
    expect(inspectMemoryStorage(h.storage).outbox('42')).toEqual(before);
  });
});
