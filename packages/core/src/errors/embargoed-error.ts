import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('EMBARGOED');

/**
 * Thrown when something about an unannounced visit would reach its target before the visit
 * starts (`EMBARGOED`), e.g. a message addressed to the target that mentions the schedule.
 * The message deliberately names neither the date nor the target.
 *
 * @example
 * ```ts
 * new EmbargoedError({ what: 'notification' })
 * ```
 */
export class EmbargoedError extends InspectError {
  readonly what: string;
  private readonly [MARKER] = true;

  constructor(options: { what: string }) {
    super('EMBARGOED', {
      messageVi: `Không thể tiết lộ ${options.what}: lịch kiểm tra đột xuất chưa bắt đầu.`,
      messageEn: `Cannot disclose ${options.what}: the unannounced visit has not started.`,
      hint: 'Unannounced visits are visible to their target only once they start.',
    });
    this.name = 'EmbargoedError';
    this.what = options.what;
  }

  static override isInstance(error: unknown): error is EmbargoedError {
    return hasMarker(error, MARKER);
  }
}
