/**
 * A real webhook receiver for the tests: node:http on 127.0.0.1 (random port) that checks every
 * request's signature with `verifyWebhookSignature`, as a province's endpoint would.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, type WebhookPayload } from '../src/index.js';

/** What the receiver answers: a status, or nothing at all (`hang`). */
export type ReceiverAnswer = number | 'hang';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  payload: WebhookPayload;
  verified: boolean;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Answers to give, in order; when empty, `fallback`. */
  script: ReceiverAnswer[];
  fallback: ReceiverAnswer;
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string, path = '/hooks/pcci'): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: '', requests: [], script: [], fallback: 200, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const verified = verifyWebhookSignature({ secret, timestamp: req.headers['x-pcci-timestamp'], signature: req.headers['x-pcci-signature'], body: raw });
      receiver.requests.push({ path: req.url ?? '', headers: req.headers, raw, payload: JSON.parse(raw.toString('utf8')) as WebhookPayload, verified });
      const answer = receiver.script.shift() ?? receiver.fallback;
      if (answer === 'hang') return;
      if (!verified) return res.writeHead(401).end();
      res.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `rcv-${receiver.requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
