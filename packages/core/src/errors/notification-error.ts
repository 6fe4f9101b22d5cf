import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('NOTIFICATION_FAILED');

/**
 * Thrown when a notifier could not deliver a message (`NOTIFICATION_FAILED`). The outbox keeps
 * the message: a transient failure is retried with backoff; a `permanent` one (unknown
 * recipient, HTTP 4xx) moves it to its fallback channel or to dead letters at once.
 *
 * @example
 * ```ts
 * new NotificationError({ notifierName: 'email', messageKey: 'm-1', cause: err })
 * new NotificationError({ notifierName: 'webhook', messageKey: 'm-1', permanent: true, reason: 'HTTP 404' })
 * ```
 */
export class NotificationError extends InspectError {
  readonly notifierName: string;
  readonly messageKey: string;
  /** Retrying cannot help (the provider refused the message itself). */
  readonly permanent: boolean;
  /** A short, non-personal reason (`HTTP 503`, `timeout`, `no address`), stored as the message's `lastError`. */
  readonly reason: string | undefined;
  private readonly [MARKER] = true;

  constructor(options: { notifierName: string; messageKey: string; permanent?: boolean; reason?: string; hint?: string; cause?: unknown }) {
    const why = options.reason ? ` (${options.reason})` : '';
    super('NOTIFICATION_FAILED', {
      messageVi: options.permanent
        ? `"${options.notifierName}" từ chối thông báo "${options.messageKey}"${why}; gửi lại cũng không được, thông báo chuyển sang kênh dự phòng hoặc danh sách không gửi được.`
        : `Không gửi được thông báo "${options.messageKey}" qua "${options.notifierName}"${why}; thông báo vẫn nằm trong hàng đợi để gửi lại.`,
      messageEn: options.permanent
        ? `"${options.notifierName}" refused message "${options.messageKey}"${why}; retrying cannot help, so it moves to its fallback channel or to dead letters.`
        : `Could not deliver message "${options.messageKey}" via "${options.notifierName}"${why}; it stays in the outbox for retry.`,
      hint: options.hint,
      cause: options.cause,
    });
    this.permanent = options.permanent ?? false;
    this.reason = options.reason;
    this.name = 'NotificationError';
    this.notifierName = options.notifierName;
    this.messageKey = options.messageKey;
  }

  static override isInstance(error: unknown): error is NotificationError {
    return hasMarker(error, MARKER);
  }
}
