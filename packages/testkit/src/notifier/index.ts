/**
 * `@pccovid-inspect/testkit/notifier` — the conformance suite for `Notifier` adapters (e-mail,
 * webhook, console…) and the messages it sends.
 *
 * @packageDocumentation
 */
export { describeNotifierConformance } from './describe-notifier-conformance.js';
export type { NotifierConformanceOptions, NotifierHarness, ReceivedMessage } from './notifier-harness.js';
export { NOTIFIER_VIETNAMESE_LETTERS, conformanceKey, conformanceMessage, conformancePdfAttachment } from './conformance-messages.js';
