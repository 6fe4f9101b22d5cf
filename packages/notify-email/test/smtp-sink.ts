/**
 * A real SMTP server for the tests (smtp-server on 127.0.0.1, random port) that parses what
 * arrives with mailparser, as a mail system would. It can require AUTH and STARTTLS, refuse
 * recipients for good (550) or for now (451), stop answering, go down and come back on the same port.
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export type SinkMode = 'accept' | 'refuse' | 'defer' | 'hang';

export interface SinkMessage {
  parsed: ParsedMail;
  raw: Buffer;
  /** RCPT TO addresses of the envelope. */
  to: string[];
  /** The login used, if any. */
  user: string | undefined;
  secure: boolean;
}

export interface SmtpSinkOptions {
  auth?: { user: string; pass: string; methods?: ('PLAIN' | 'LOGIN')[] };
  /** Offer STARTTLS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export interface SmtpSink {
  port: number;
  host: '127.0.0.1';
  mode: SinkMode;
  messages: SinkMessage[];
  /** Logins tried, with the method and whether the session was encrypted. */
  logins: { method: string; user: string; secure: boolean }[];
  /** Sessions opened (connections), counted since the start. */
  connections: number;
  /** Connections open now. */
  open(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const smtpError = (code: number, text: string): Error => Object.assign(new Error(text), { responseCode: code });

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  let server: SMTPServer | null = null;
  const hung: (() => void)[] = [];
  const sink: SmtpSink = {
    port: 0,
    host: '127.0.0.1',
    mode: 'accept',
    messages: [],
    logins: [],
    connections: 0,
    open: () => (server as unknown as { connections?: Set<unknown> } | null)?.connections?.size ?? 0,
    stop: async () => {
      const s = server;
      server = null;
      for (const release of hung.splice(0)) release();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: async () => {
      const config: SMTPServerOptions = {
        logger: false,
        closeTimeout: 50,
        size: 25 * 1024 * 1024,
        authOptional: !options.auth,
        authMethods: options.auth?.methods ?? ['PLAIN', 'LOGIN'],
        allowInsecureAuth: !options.tls,
        ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { disabledCommands: ['STARTTLS'] }),
        onConnect(_session, callback) {
          sink.connections += 1;
          callback();
        },
        onAuth(auth, session, callback) {
          sink.logins.push({ method: auth.method, user: auth.username ?? '', secure: session.secure });
          if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
          callback(smtpError(535, 'Authentication failed'));
        },
        onRcptTo(address, _session, callback) {
          if (sink.mode === 'refuse') return callback(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`));
          if (sink.mode === 'defer') return callback(smtpError(451, `4.7.1 <${address.address}>: Try again later`));
          callback();
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks);
            if (sink.mode === 'hang') {
              hung.push(() => callback(smtpError(421, 'shutting down')));
              return;
            }
            simpleParser(raw).then(
              (parsed) => {
                sink.messages.push({
                  parsed,
                  raw,
                  to: session.envelope.rcptTo.map((r) => r.address),
                  user: typeof session.user === 'string' ? session.user : undefined,
                  secure: session.secure,
                });
                callback();
              },
              (error: unknown) => callback(error as Error),
            );
          });
        },
      };
      server = new SMTPServer(config);
      server.on('error', () => undefined);
      const s = server;
      await new Promise<void>((resolve, reject) => {
        s.server.once('error', reject);
        s.listen(sink.port, '127.0.0.1', () => resolve());
      });
      sink.port = (s.server.address() as AddressInfo).port;
    },
  };
  await sink.start();
  return sink;
}
