import { describeNotifierConformance } from '@pccovid-inspect/testkit/notifier';
import { createWebhookNotifier } from '../src/index.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const SECRET = 'conformance-secret-7f3a9c1e2b4d6f80';
const TOKEN_PATH = '/hooks/tok_9d8c7b6a5f4e3d2c';

describeNotifierConformance({
  name: 'webhook (node:http receiver)',
  create: async () => {
    const receiver = await startWebhookReceiver(SECRET, TOKEN_PATH);
    const notifier = createWebhookNotifier({
      url: (recipient) => (recipient.id === 'nobody' ? null : receiver.url),
      secret: SECRET,
      retries: { count: 2, baseMs: 20 },
    });
    return {
      notifier,
      received: async () =>
        receiver.requests
          .filter((r) => r.verified)
          .map((r) => ({ key: String(r.headers['idempotency-key']), subject: r.payload.subject, body: r.payload.body, recipient: r.payload.recipient })),
      cleanup: () => receiver.close(),
      personalData: [receiver.url, TOKEN_PATH, SECRET],
      unknownRecipient: { role: 'target-representative', id: 'nobody' },
      refuse: () => void (receiver.fallback = 404),
      outage: { start: () => void (receiver.fallback = 503), end: () => void (receiver.fallback = 200) },
      stall: () => void (receiver.fallback = 'hang'),
    };
  },
});
