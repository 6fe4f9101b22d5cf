import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('CONFLICT');

/**
 * Thrown when a write carried a stale expected version (`CONFLICT`): someone else changed the
 * record first. Nothing was written; reload and retry the command.
 *
 * @example
 * ```ts
 * new ConflictError({ collection: 'visits', id: 'v-1', expectedVersion: 3, actualVersion: 4 })
 * ```
 */
export class ConflictError extends InspectError {
  readonly collection: string;
  readonly id: string;
  readonly expectedVersion: number;
  /** The version found in storage, or `null` when the record does not exist. */
  readonly actualVersion: number | null;
  private readonly [MARKER] = true;

  constructor(options: { collection: string; id: string; expectedVersion: number; actualVersion: number | null }) {
    super('CONFLICT', {
      messageVi: `Bản ghi "${options.id}" (${options.collection}) đã bị thay đổi bởi người khác (mong đợi phiên bản ${options.expectedVersion}, hiện là ${options.actualVersion ?? 'không tồn tại'}). Hãy tải lại rồi thử lại.`,
      messageEn: `Record "${options.id}" (${options.collection}) was changed by someone else (expected version ${options.expectedVersion}, found ${options.actualVersion ?? 'none'}). Reload and retry.`,
      hint: 'Reload the record and apply the command again.',
    });
    this.name = 'ConflictError';
    this.collection = options.collection;
    this.id = options.id;
    this.expectedVersion = options.expectedVersion;
    this.actualVersion = options.actualVersion;
  }

  static override isInstance(error: unknown): error is ConflictError {
    return hasMarker(error, MARKER);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), collection: this.collection, id: this.id, expectedVersion: this.expectedVersion, actualVersion: this.actualVersion };
  }
}
