/** A message handed to a notifier for delivery. */
export interface OutboundMessage {
  /** Idempotency key: sending the same key twice delivers once. */
  key: string;
  channel: string;
  recipient: { role: string; id: string; organizationId?: string };
  subject: string;
  body: string;
}

/**
 * A delivery channel (e-mail, webhook, console…). Idempotent per message key.
 *
 * @example
 * ```ts
 * const notifier: Notifier = { name: 'console', send: async (m) => { console.log(m.subject); return { providerMessageId: m.key }; } };
 * ```
 */
export interface Notifier {
  readonly name: string;
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
}
