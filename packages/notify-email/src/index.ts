/**
 * `@pccovid-inspect/notify-email` — an e-mail `Notifier` over SMTP (nodemailer, pooled).
 *
 * @packageDocumentation
 */
export { createEmailNotifier } from './email-notifier.js';
export type { EmailNotifier, EmailNotifierOptions, EmailSmtpOptions } from './email-notifier.js';
export { emailMessageId } from './email-message-id.js';
