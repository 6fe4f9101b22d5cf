import { describe, expect, it } from 'vitest';
import { NotificationError, type OutboundMessage } from '@pccovid-inspect/core';
import { createConsoleNotifier } from './console-notifier.js';

const message: OutboundMessage = {
  key: 'm-1',
  channel: 'email',
  recipient: { role: 'inspector', id: 'u-12', organizationId: 'stttt' },
  topic: 'visit.scheduled',
  subject: 'Lịch kiểm tra / Inspection schedule',
  body: 'Kính gửi Đoàn kiểm tra,\n\nLịch làm việc: 29/11/2021.',
  refs: { visitId: 'visit-1' },
  attempt: 2,
  attachments: [{ filename: 'TB-12.pdf', contentType: 'application/pdf', content: new Uint8Array(1234) }],
};

describe('createConsoleNotifier', () => {
  it('prints channel, topic, recipient role and id, subject and the body indented, and returns console-<key>', async () => {
    const lines: string[] = [];
    const notifier = createConsoleNotifier({ write: (l) => lines.push(l) });
    const result = await notifier.send(message, { signal: new AbortController().signal });
    expect(result).toEqual({ providerMessageId: 'console-m-1' });
    expect(lines).toEqual([
      '──── email · visit.scheduled · key m-1 · lần gửi / attempt 2',
      'Người nhận / To:     inspector u-12 (stttt)',
      'Tiêu đề / Subject:   Lịch kiểm tra / Inspection schedule',
      'Nội dung / Body:',
      '    Kính gửi Đoàn kiểm tra,',
      '',
      '    Lịch làm việc: 29/11/2021.',
      'Liên quan / Refs:    visitId=visit-1',
      'Tệp / Attachment:    TB-12.pdf (application/pdf, 1,234 bytes)',
    ]);
  });

  it('takes every channel unless told otherwise', () => {
    expect(createConsoleNotifier().channels).toBeUndefined();
    expect(createConsoleNotifier({ channels: ['manual'] }).channels).toEqual(['manual']);
  });

  it('prints nothing and rejects with a transient NotificationError when the signal is aborted', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    controller.abort();
    const error = await createConsoleNotifier({ write: (l) => lines.push(l) })
      .send(message, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(NotificationError.isInstance(error) && !error.permanent && error.reason === 'timeout').toBe(true);
    expect(lines).toEqual([]);
  });
});
