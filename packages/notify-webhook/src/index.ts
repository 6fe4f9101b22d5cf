/**
 * `@pccovid-inspect/notify-webhook` — a `Notifier` that POSTs signed JSON, and the signature check
 * for receivers. Node 20+ only (`node:crypto`).
 *
 * @packageDocumentation
 */
export { createWebhookNotifier } from './webhook-notifier.js';
export type { WebhookNotifierOptions, WebhookPayload } from './webhook-notifier.js';
export { signWebhookPayload, verifyWebhookSignature } from './webhook-signature.js';
export type { VerifyWebhookSignatureInput } from './webhook-signature.js';
