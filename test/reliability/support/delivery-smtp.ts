/**
 * A real SMTP server for the delivery attacks: `smtp-server` on 127.0.0.1, every message parsed
 * with `mailparser`, collected by its `X-PCCI-Idempotency-Key` (and `Message-ID`), so a test
 * counts on the receiving side how often each outbox message arrived. It can answer slowly
 * (`delayMs`: the 250 after DATA comes that much later; a message counts as received when the
 * 250 is given), stop and start again on the same port.
 *
 * test/reliability is no workspace package: `smtp-server` and `mailparser` are loaded from
 * `packages/notify-email`'s own dependencies (the exact pins there), with the few types used here.
 */
import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { REPO_ROOT } from './packages-root.js';

interface SmtpSession {
  envelope: { rcptTo: { address: string }[] };
}
interface SmtpServer {
  server: Server;
  listen(port: number, host: string, cb: () => void): void;
  close(cb: () => void): void;
  on(event: 'error', cb: (e: unknown) => void): void;
}
interface SmtpServerOptions {
  logger: boolean;
  closeTimeout: number;
  authOptional: boolean;
  disabledCommands: string[];
  onData(stream: Readable, session: SmtpSession, callback: (error?: Error | null) => void): void;
}
interface ParsedMail {
  messageId?: string;
  headers: Map<string, unknown>;
  text?: string;
  subject?: string;
}

const requireFromEmail = createRequire(join(REPO_ROOT, 'packages', 'notify-email', 'package.json'));
const { SMTPServer } = requireFromEmail('smtp-server') as { SMTPServer: new (options: SmtpServerOptions) => SmtpServer };
const { simpleParser } = requireFromEmail('mailparser') as { simpleParser: (raw: Buffer) => Promise<ParsedMail> };

/** One message as the server accepted it. */
export interface ReceivedMail {
  /** `X-PCCI-Idempotency-Key` (the outbox message id). */
  key: string;
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  /** Order of acceptance (0, 1, …). */
  seq: number;
}

export interface SmtpCollector {
  readonly host: '127.0.0.1';
  port: number;
  /** Delay before the 250 that accepts a message, in ms. */
  delayMs: number;
  readonly received: ReceivedMail[];
  /** How often each key arrived. */
  countByKey(): Map<string, number>;
  /** Messages whose data arrived and whose 250 is not given yet. */
  inFlight(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtpCollector(options: { delayMs?: number } = {}): Promise<SmtpCollector> {
  let server: SmtpServer | null = null;
  let pending = 0;
  /** Replies held back by `delayMs` when the server stops: refused (421), never counted. */
  const held = new Set<() => void>();
  const c: SmtpCollector = {
    host: '127.0.0.1',
    port: 0,
    delayMs: options.delayMs ?? 0,
    received: [],
    countByKey() {
      const m = new Map<string, number>();
      for (const r of c.received) m.set(r.key, (m.get(r.key) ?? 0) + 1);
      return m;
    },
    inFlight: () => pending,
    async stop() {
      const s = server;
      server = null;
      for (const refuse of [...held]) refuse();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async start() {
      const s = new SMTPServer({
        logger: false,
        closeTimeout: 50,
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            pending++;
            const raw = Buffer.concat(chunks);
            simpleParser(raw).then(
              (parsed) => {
                const accept = () => {
                  held.delete(refuse);
                  pending--;
                  const key = parsed.headers.get('x-pcci-idempotency-key');
                  c.received.push({
                    key: typeof key === 'string' ? key : '',
                    messageId: parsed.messageId ?? '',
                    to: session.envelope.rcptTo.map((r) => r.address),
                    subject: parsed.subject ?? '',
                    text: parsed.text ?? '',
                    seq: c.received.length,
                  });
                  callback();
                };
                const refuse = () => {
                  held.delete(refuse);
                  clearTimeout(timer);
                  pending--;
                  callback(Object.assign(new Error('4.3.2 shutting down'), { responseCode: 421 }));
                };
                held.add(refuse);
                const timer = setTimeout(accept, c.delayMs);
              },
              (error: unknown) => {
                pending--;
                callback(error as Error);
              },
            );
          });
        },
      });
      s.on('error', () => undefined);
      await new Promise<void>((resolve, reject) => {
        s.server.once('error', reject);
        s.listen(c.port, '127.0.0.1', () => resolve());
      });
      server = s;
      c.port = (s.server.address() as AddressInfo).port;
    },
  };
  await c.start();
  return c;
}
