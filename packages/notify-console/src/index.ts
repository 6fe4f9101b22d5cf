/**
 * `@pccovid-inspect/notify-console` — a `Notifier` that prints readable messages (development, dry
 * runs, examples).
 *
 * @packageDocumentation
 */
export { createConsoleNotifier, formatConsoleMessage } from './console-notifier.js';
export type { ConsoleNotifierOptions } from './console-notifier.js';
