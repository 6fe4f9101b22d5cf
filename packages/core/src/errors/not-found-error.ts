import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('NOT_FOUND');

/**
 * Thrown when a record a command needs does not exist (`NOT_FOUND`).
 *
 * @example
 * ```ts
 * new NotFoundError({ collection: 'visits', id: 'v-1' })
 * ```
 */
export class NotFoundError extends InspectError {
  readonly collection: string;
  readonly id: string;
  private readonly [MARKER] = true;

  constructor(options: { collection: string; id: string }) {
    super('NOT_FOUND', {
      messageVi: `Không tìm thấy bản ghi "${options.id}" trong ${options.collection}.`,
      messageEn: `No record "${options.id}" in ${options.collection}.`,
      hint: 'Check the id and the tenant.',
    });
    this.name = 'NotFoundError';
    this.collection = options.collection;
    this.id = options.id;
  }

  static override isInstance(error: unknown): error is NotFoundError {
    return hasMarker(error, MARKER);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), collection: this.collection, id: this.id };
  }
}
