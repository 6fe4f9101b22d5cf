import type { Notifier, OutboundMessage } from '@pccovid-inspect/core';

/**
 * A message as the receiving side got it (the SMTP server, the webhook endpoint, the captured
 * console output), read back by the harness.
 *
 * @example
 * ```ts
 * const received: ReceivedMessage = { key: 'm-1', subject: 'Lịch kiểm tra', body: 'Kính gửi…' };
 * ```
 */
export interface ReceivedMessage {
  /** The idempotency key as the receiver saw it (SMTP `X-PCCI-Idempotency-Key`, `Idempotency-Key` header…). */
  key: string;
  /** The subject as decoded by the receiver (RFC 2047 words decoded, JSON parsed…). */
  subject: string;
  /** The body as decoded by the receiver; trailing line breaks are ignored by the checks. */
  body: string;
  /** The recipient's role and id when the channel carries them (webhook, console). */
  recipient?: { role: string; id: string };
  /** The files that arrived with it, when the channel carries attachments. */
  attachments?: readonly { filename: string; contentType: string; content: Uint8Array }[];
}

/**
 * One notifier wired to a real receiver, made fresh for each check of
 * {@link describeNotifierConformance}. The optional hooks let the kit trigger what the receiver
 * can do: refuse a message for good, go down, stop answering.
 *
 * @example
 * ```ts
 * const harness: NotifierHarness = {
 *   notifier: createEmailNotifier({ transport: { host: '127.0.0.1', port }, from, resolveAddress }),
 *   received: async () => inbox.map(toReceived),
 *   cleanup: async () => { await notifier.dispose?.(); await server.close(); },
 * };
 * ```
 */
export interface NotifierHarness {
  notifier: Notifier;
  /** Every message the receiver has got so far, oldest first (the kit waits for the ones it sent). */
  received: () => Promise<ReceivedMessage[]>;
  /** Stops the receiver and disposes the notifier. Called after every check, also after a failure. */
  cleanup?: () => Promise<void> | void;
  /**
   * Strings the notifier knows that must never appear in an error (e-mail addresses, webhook URLs
   * with tokens…): every error the kit sees is searched for them, down its `cause` chain.
   */
  personalData?: readonly string[];
  /**
   * A recipient the notifier has no address for (its `resolveAddress` or URL function returns
   * null): sending to it must reject with a permanent `NOTIFICATION_FAILED`.
   */
  unknownRecipient?: OutboundMessage['recipient'];
  /** Makes the receiver refuse the next messages for good (SMTP 550, HTTP 404). */
  refuse?: () => Promise<void> | void;
  /** Takes the receiver down (server stopped, HTTP 503 on every request); `end` brings it back. */
  outage?: { start: () => Promise<void> | void; end: () => Promise<void> | void };
  /** Makes the receiver accept connections but never answer, so only the abort signal ends a send. */
  stall?: () => Promise<void> | void;
}

/**
 * Options of {@link describeNotifierConformance}.
 *
 * @example
 * ```ts
 * const options: NotifierConformanceOptions = { name: 'email (smtp-server)', create: startEmailHarness, attachments: true };
 * ```
 */
export interface NotifierConformanceOptions {
  /** Shown in the suite name. */
  name: string;
  /** Makes a fresh notifier and receiver (called once per check). */
  create: () => Promise<NotifierHarness> | NotifierHarness;
  /** The channel of the messages the kit sends. @default the notifier's first channel, else `'console'` */
  channel?: string;
  /** Whether the receiver gets attachments (then a PDF must arrive byte for byte). @default false */
  attachments?: boolean;
  /** How long to wait for a sent message to show up in `received()`, in ms. @default 15000 */
  receiveTimeoutMs?: number;
  /** Timeout of each check, in ms. @default 60000 */
  timeoutMs?: number;
}
