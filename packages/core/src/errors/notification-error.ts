import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('NOTIFICATION_FAILED');

/**
 * Thrown when a notifier could not deliver a message (`NOTIFICATION_FAILED`). The outbox keeps
 * the message, so it can be retried.
 *
 * @example
 * ```ts
 * new NotificationError({ notifierName: 'email', messageKey: 'm-1', cause: err })
 * ```
 */
export class NotificationError extends InspectError {
  readonly notifierName: string;
  readonly messageKey: string;
  private readonly [MARKER] = true;

  constructor(options: { notifierName: string; messageKey: string; cause?: unknown }) {
    super('NOTIFICATION_FAILED', {
      messageVi: `Không gửi được thông báo "${options.messageKey}" qua "${options.notifierName}"; thông báo vẫn nằm trong hàng đợi để gửi lại.`,
      messageEn: `Could not deliver message "${options.messageKey}" via "${options.notifierName}"; it stays in the outbox for retry.`,
      cause: options.cause,
    });
    this.name = 'NotificationError';
    this.notifierName = options.notifierName;
    this.messageKey = options.messageKey;
  }

  static override isInstance(error: unknown): error is NotificationError {
    return hasMarker(error, MARKER);
  }
}
