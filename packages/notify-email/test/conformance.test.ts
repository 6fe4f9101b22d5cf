import { describeNotifierConformance } from '@pccovid-inspect/testkit/notifier';
import { createEmailNotifier } from '../src/index.js';
import { startSmtpSink } from './smtp-sink.js';

const headerText = (v: unknown): string => (typeof v === 'string' ? v : '');

describeNotifierConformance({
  name: 'email (nodemailer pool → smtp-server)',
  attachments: true,
  create: async () => {
    const sink = await startSmtpSink();
    const notifier = createEmailNotifier({
      transport: { host: sink.host, port: sink.port, maxConnections: 2 },
      from: { name: 'Sở Thông tin và Truyền thông Hà Tĩnh', address: 'kiemtra@stttt.example' },
      resolveAddress: (recipient) => (recipient.id === 'nobody' ? null : `${recipient.id}@so-y-te.example`),
    });
    return {
      notifier,
      received: async () =>
        sink.messages.map(({ parsed }) => ({
          key: headerText(parsed.headers.get('x-pcci-idempotency-key')),
          subject: parsed.subject ?? '',
          body: parsed.text ?? '',
          attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: new Uint8Array(a.content) })),
        })),
      cleanup: async () => {
        await notifier.dispose();
        await sink.stop();
      },
      personalData: ['rep-0001@so-y-te.example', '@so-y-te.example'],
      unknownRecipient: { role: 'target-representative', id: 'nobody' },
      refuse: () => void (sink.mode = 'refuse'),
      outage: { start: () => sink.stop(), end: () => sink.start() },
      stall: () => void (sink.mode = 'hang'),
    };
  },
});
