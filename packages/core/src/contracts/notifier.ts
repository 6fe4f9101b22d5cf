/** A file sent with a message, e.g. the official document as PDF. */
export interface MessageAttachment {
  /** File name shown to the recipient, e.g. `TB-12-STTTT.pdf` (NFC, may hold Vietnamese letters). */
  filename: string;
  /** MIME type, e.g. `application/pdf`. */
  contentType: string;
  content: Uint8Array;
}

/**
 * A message handed to a notifier for delivery. The recipient is a role and a pseudonymous id:
 * the notifier resolves the address (e-mail, phone, URL) itself, so no address or phone number is
 * ever stored in the outbox or written to a log.
 */
export interface OutboundMessage {
  /**
   * Idempotency key: the outbox message id. The same key is passed on every attempt (a retry, or
   * a second delivery after a crash between sending and recording), so a provider that dedupes by
   * it (`Idempotency-Key` header, SMTP `Message-ID`) delivers once.
   */
  key: string;
  /** The channel this attempt uses (`email`, `webhook`, `console`, `manual`, …). */
  channel: string;
  recipient: { role: string; id: string; organizationId?: string };
  /** Domain event that caused it, e.g. `visit.scheduled`. */
  topic: string;
  /** Vietnamese first, English beside it. */
  subject: string;
  body: string;
  /** Ids it refers to (campaign, visit, document…). */
  refs: Readonly<Record<string, string>>;
  /** 1 on the first attempt, then 2, 3… (the message's `attempts` + 1: counted across channels, see `OutboxRecord.attempts`). */
  attempt: number;
  /** Files to send with it (the official document when the message carries one). */
  attachments: readonly MessageAttachment[];
}

/** What a notifier may report after sending. Returning nothing counts as delivered. */
export interface SendResult {
  /** The provider's id for the message (SMTP message id, webhook response id…), or null. */
  providerMessageId?: string | null;
}

/** Passed to every `send`. */
export interface SendOptions {
  /**
   * Aborted when the delivery's per-message timeout passes: stop and reject. A send that settles
   * after the abort is ignored and the message is retried later (with the same `key`).
   */
  signal: AbortSignal;
}

/**
 * A delivery channel (e-mail, webhook, console, manual call sheet…).
 *
 * `send` resolves when the provider has accepted the message, and rejects when it has not:
 * - with a `NotificationError` whose `permanent` is true when retrying cannot help (unknown
 *   recipient, HTTP 4xx): the message goes to its fallback channel, or to dead letters;
 * - with anything else (outage, timeout, 5xx): the message is retried later with backoff.
 *
 * It is called with the same `key` again after a timeout or a crash, so make it idempotent per key
 * where the provider allows.
 *
 * @example
 * ```ts
 * const notifier: Notifier = {
 *   name: 'console',
 *   channels: ['console'],
 *   send: async (m) => { console.log(m.subject); return { providerMessageId: m.key }; },
 * };
 * ```
 */
export interface Notifier {
  /** A short name for errors and the audit log, e.g. `email`. */
  readonly name: string;
  /**
   * The channels it delivers. A service given several notifiers routes each message to the one
   * that lists its channel; a single notifier without `channels` takes every channel.
   */
  readonly channels?: readonly string[];
  send(message: OutboundMessage, options: SendOptions): Promise<SendResult | void>;
  /** Closes connections (SMTP pool, sockets). */
  dispose?(): Promise<void>;
}
