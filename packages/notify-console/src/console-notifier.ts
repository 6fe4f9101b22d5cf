import { NotificationError, type Notifier, type OutboundMessage, type SendOptions, type SendResult } from '@pccovid-inspect/core';

/**
 * Options of {@link createConsoleNotifier}.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const options: ConsoleNotifierOptions = { write: (line) => lines.push(line) };
 * ```
 */
export interface ConsoleNotifierOptions {
  /**
   * Receives the output, one line at a time (no trailing line break).
   * @default writes each line to `console.log`
   */
  write?: (line: string) => void;
  /**
   * The channels it takes. Leave it out to take every channel (a single notifier without
   * `channels` gets every message).
   * @default undefined (every channel)
   */
  channels?: readonly string[];
  /** The notifier's name in errors and the audit log. @default 'console' */
  name?: string;
}

const INDENT = '    ';

/**
 * The lines printed for one message: a rule, the channel and topic, the recipient's role and
 * pseudonymous id (never an address: a notifier is never given one), the subject, the body
 * indented, the refs and the attachments' names and sizes.
 *
 * @example
 * ```ts
 * formatConsoleMessage(message).join('\n');
 * ```
 */
export function formatConsoleMessage(message: OutboundMessage): string[] {
  const nfc = (s: string): string => s.normalize('NFC');
  const recipient = `${message.recipient.role} ${message.recipient.id}${message.recipient.organizationId ? ` (${message.recipient.organizationId})` : ''}`;
  const refs = Object.entries(message.refs)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const lines = [
    `──── ${message.channel} · ${message.topic} · key ${message.key} · lần gửi / attempt ${message.attempt}`,
    `Người nhận / To:     ${recipient}`,
    `Tiêu đề / Subject:   ${nfc(message.subject)}`,
    'Nội dung / Body:',
    ...nfc(message.body)
      .split(/\r?\n/)
      .map((l) => (l === '' ? '' : INDENT + l)),
  ];
  if (refs) lines.push(`Liên quan / Refs:    ${refs}`);
  for (const a of message.attachments) lines.push(`Tệp / Attachment:    ${nfc(a.filename)} (${a.contentType}, ${a.content.byteLength.toLocaleString('en')} bytes)`);
  return lines;
}

/**
 * A `Notifier` that prints each message as readable lines, for development, dry runs and the
 * examples. It prints the recipient's role and pseudonymous id, never an address, and resolves
 * with `providerMessageId` `console-<key>`.
 *
 * @example
 * ```ts
 * import { createConsoleNotifier } from '@pccovid-inspect/notify-console';
 *
 * const notifier = createConsoleNotifier();                       // every channel, to console.log
 * const quiet = createConsoleNotifier({ channels: ['manual'], write: (line) => log.push(line) });
 * ```
 */
export function createConsoleNotifier(options: ConsoleNotifierOptions = {}): Notifier {
  const write = options.write ?? ((line: string) => console.log(line));
  const name = options.name ?? 'console';
  return {
    name,
    ...(options.channels ? { channels: [...options.channels] } : {}),
    async send(message: OutboundMessage, { signal }: SendOptions): Promise<SendResult> {
      if (signal.aborted) throw new NotificationError({ notifierName: name, messageKey: message.key, reason: 'timeout' });
      for (const line of formatConsoleMessage(message)) write(line);
      return { providerMessageId: `console-${message.key}` };
    },
  };
}
