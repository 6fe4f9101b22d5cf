import nodemailer, { type SMTPConnectionOptions, type SMTPTransportOptions, type SendMailOptions, type Transporter } from 'nodemailer';
import { ConfigurationError, NotificationError, type Notifier, type OutboundMessage, type SendOptions, type SendResult } from '@pccovid-inspect/core';
import { emailMessageId } from './email-message-id.js';
import { classifySmtpError } from './internal/smtp-failure.js';

/**
 * How to reach the SMTP server (passed to nodemailer). Pooled by default: a few connections are
 * kept open and reused for many messages.
 *
 * @example
 * ```ts
 * const smtp: EmailSmtpOptions = { host: 'smtp.hatinh.gov.vn', port: 587, requireTLS: true, auth: { user: 'pcci', pass: process.env.SMTP_PASS! } };
 * ```
 */
export interface EmailSmtpOptions {
  host: string;
  /** @default 465 when `secure`, else 587 */
  port?: number;
  /** TLS from the first byte (port 465). Leave false for STARTTLS on 587/25. @default false */
  secure?: boolean;
  /** Refuse to send unless the server upgrades the connection with STARTTLS. @default false */
  requireTLS?: boolean;
  /** Login (AUTH PLAIN or LOGIN, whichever the server offers). */
  auth?: { user: string; pass: string };
  /** Keep connections open and reuse them. @default true */
  pool?: boolean;
  /** Connections the pool opens at most. @default 5 */
  maxConnections?: number;
  /** Messages sent over one pooled connection before it is replaced. @default 100 */
  maxMessages?: number;
  /** TLS options (e.g. `ca` for a province's own certificate authority, `servername`). */
  tls?: SMTPConnectionOptions['tls'];
  /** Time to connect, in ms. @default 30000 */
  connectionTimeout?: number;
  /** Time to wait for the server's greeting, in ms. @default 30000 */
  greetingTimeout?: number;
  /** Idle time on an open connection before it is dropped, in ms. @default 60000 */
  socketTimeout?: number;
  /** Host name announced in EHLO. @default the machine's host name */
  name?: string;
}

/**
 * Options of {@link createEmailNotifier}.
 *
 * @example
 * ```ts
 * const options: EmailNotifierOptions = {
 *   transport: { host: '127.0.0.1', port: 2525 },
 *   from: { name: 'Sở Thông tin và Truyền thông Hà Tĩnh', address: 'kiemtra@stttt.hatinh.gov.vn' },
 *   resolveAddress: (recipient) => directory.emailOf(recipient.id),
 * };
 * ```
 */
export interface EmailNotifierOptions {
  /** SMTP settings (the notifier opens and closes its own pool), or a nodemailer transporter you own and close. */
  transport: EmailSmtpOptions | Transporter;
  /** The sender, e.g. `'kiemtra@stttt.hatinh.gov.vn'` or `{ name, address }` (a Vietnamese name is encoded). */
  from: string | { name: string; address: string };
  /**
   * The recipient's e-mail address, from its role and pseudonymous id (your directory), or `null`
   * when there is none: the send is then refused permanently with reason `no address`. Addresses
   * stay in memory for the send: they are never written into an error.
   */
  resolveAddress: (recipient: OutboundMessage['recipient']) => Promise<string | null> | string | null;
  /** The channels it takes. @default ['email'] */
  channels?: readonly string[];
  /** `Reply-To` of every message, e.g. the inspection team's mailbox. */
  replyTo?: string;
  /** The right-hand side of every `Message-ID` (`<key@domain>`). @default 'pccovid-inspect' */
  messageIdDomain?: string;
  /** The notifier's name in errors and the audit log. @default 'email' */
  name?: string;
}

/**
 * An e-mail `Notifier`: the notifier contract plus `dispose()`, which closes the SMTP pool it opened.
 *
 * @example
 * ```ts
 * const notifier: EmailNotifier = createEmailNotifier(options);
 * await notifier.dispose();
 * ```
 */
export interface EmailNotifier extends Notifier {
  readonly channels: readonly string[];
  /** Closes the connections the notifier opened (a transporter passed in is left open: it is yours). */
  dispose(): Promise<void>;
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

function isTransporter(t: EmailNotifierOptions['transport']): t is Transporter {
  return typeof (t as Partial<Transporter>).sendMail === 'function';
}

const nfc = (s: string): string => s.normalize('NFC');

/**
 * nodemailer (≥ 10.5) stops an SMTP send when its signal aborts (`EABORT`). A transporter passed
 * in may use a transport that ignores the signal once called: for it, the send is also raced
 * against the signal, and a late result is dropped (the message is retried later, same key).
 */
function raceAbort<T>(sending: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(Object.assign(new Error('aborted'), { code: 'EABORT' }));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([sending, aborted]).finally(() => {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    aborted.catch(() => undefined);
  });
}

/**
 * A `Notifier` that sends each message as e-mail through SMTP (nodemailer, pooled by default).
 * Subjects and bodies go out as UTF-8 (Vietnamese headers as RFC 2047 encoded words, text NFC);
 * the `Message-ID` is `<key@pccovid-inspect>` and the `X-PCCI-Idempotency-Key` header holds the
 * key, so a re-send of the same outbox message can be deduplicated by the receiving side;
 * attachments (the official document as PDF) go along. No address: permanent, reason `no address`.
 * An SMTP 5xx refusal (but 503): permanent, reason `SMTP 550`. A refused or lost connection, a
 * 4xx, a timeout, a refused login: transient. An aborted `signal` stops the send (reason `timeout`).
 *
 * @example
 * ```ts
 * import { createEmailNotifier } from '@pccovid-inspect/notify-email';
 *
 * const email = createEmailNotifier({
 *   transport: { host: 'smtp.hatinh.gov.vn', port: 587, requireTLS: true, auth: { user: 'pcci', pass: process.env.SMTP_PASS! } },
 *   from: { name: 'Sở Thông tin và Truyền thông Hà Tĩnh', address: 'kiemtra@stttt.hatinh.gov.vn' },
 *   resolveAddress: (recipient) => directory.emailOf(recipient.id),
 * });
 * // … hand it to the inspection service; on shutdown:
 * await email.dispose();
 * ```
 */
export function createEmailNotifier(options: EmailNotifierOptions): EmailNotifier {
  const name = options.name ?? 'email';
  const domain = options.messageIdDomain ?? 'pccovid-inspect';
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(domain))
    throw new ConfigurationError({
      problemVi: `notify-email: messageIdDomain "${domain}" không hợp lệ`,
      problemEn: `notify-email: messageIdDomain "${domain}" is not a valid domain`,
      hint: 'e.g. stttt.hatinh.gov.vn',
    });
  if (typeof options.resolveAddress !== 'function')
    throw new ConfigurationError({
      problemVi: 'notify-email: thiếu resolveAddress',
      problemEn: 'notify-email: resolveAddress is missing',
      hint: 'Pass (recipient) => address | null.',
    });

  const owned = !isTransporter(options.transport);
  let transporter: Transporter;
  if (isTransporter(options.transport)) transporter = options.transport;
  else {
    const t = options.transport;
    if (typeof t.host !== 'string' || t.host === '')
      throw new ConfigurationError({
        problemVi: 'notify-email: thiếu transport.host',
        problemEn: 'notify-email: transport.host is missing',
        hint: 'e.g. { host: "smtp.example.org", port: 587 }',
      });
    const smtp: SMTPTransportOptions = {
      ...t,
      port: t.port ?? (t.secure ? 465 : 587),
      socketTimeout: t.socketTimeout ?? 60_000,
      connectionTimeout: t.connectionTimeout ?? 30_000,
      greetingTimeout: t.greetingTimeout ?? 30_000,
    };
    transporter =
      t.pool === false
        ? nodemailer.createTransport({ ...smtp, pool: false } as SMTPTransportOptions)
        : nodemailer.createTransport({ ...smtp, pool: true, maxConnections: t.maxConnections ?? 5, maxMessages: t.maxMessages ?? 100 });
  }

  return {
    name,
    channels: [...(options.channels ?? ['email'])],

    async send(message: OutboundMessage, { signal }: SendOptions): Promise<SendResult> {
      const fail = (reason: string, permanent: boolean, extra: { hint?: string; cause?: unknown } = {}) =>
        new NotificationError({ notifierName: name, messageKey: message.key, permanent, reason, ...extra });
      if (signal.aborted) throw fail('timeout', false);

      let address: string | null;
      try {
        address = await options.resolveAddress(message.recipient);
      } catch (error) {
        throw fail('address lookup failed', false, { cause: error, hint: 'resolveAddress đã ném lỗi. / resolveAddress threw.' });
      }
      if (address === null || address === undefined || address.trim() === '')
        throw fail('no address', true, { hint: 'resolveAddress không có địa chỉ cho người nhận này. / resolveAddress has no address for this recipient.' });
      if (!ADDRESS.test(address.trim())) throw fail('invalid address', true, { hint: 'resolveAddress trả về địa chỉ sai dạng. / resolveAddress returned a malformed address.' });
      if (signal.aborted) throw fail('timeout', false);

      const mail: SendMailOptions & { signal: AbortSignal } = {
        from: options.from,
        to: address.trim(),
        ...(options.replyTo ? { replyTo: options.replyTo } : {}),
        subject: nfc(message.subject),
        text: nfc(message.body),
        messageId: emailMessageId(message.key, domain),
        headers: { 'X-PCCI-Idempotency-Key': message.key, 'X-PCCI-Topic': message.topic },
        attachments: message.attachments.map((a) => ({
          filename: nfc(a.filename),
          contentType: a.contentType,
          content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
        })),
        signal,
      };

      try {
        const info = (await (owned ? transporter.sendMail(mail) : raceAbort(transporter.sendMail(mail), signal))) as { messageId?: unknown };
        return { providerMessageId: typeof info.messageId === 'string' ? info.messageId : null };
      } catch (error) {
        const failure = classifySmtpError(error);
        throw fail(failure.reason, failure.permanent, { cause: failure.cause, ...(failure.hint ? { hint: failure.hint } : {}) });
      }
    },

    async dispose(): Promise<void> {
      if (owned) transporter.close();
    },
  };
}
