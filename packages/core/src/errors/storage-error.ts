import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('STORAGE_FAILED');

/**
 * Thrown when a storage adapter failed or returned something malformed (`STORAGE_FAILED`).
 * Core wraps every unknown adapter error in it, naming the adapter and the operation; the
 * original error is the `cause`.
 *
 * @example
 * ```ts
 * new StorageError({ adapterName: 'sqlite', operation: 'put', cause: err })
 * new StorageError({ adapterName: 'indexeddb', operation: 'commit', cause: err, hint: 'The browser storage quota is full: free space or ask for persistent storage.' })
 * ```
 */
export class StorageError extends InspectError {
  readonly adapterName: string;
  readonly operation: string;
  private readonly [MARKER] = true;

  constructor(options: { adapterName: string; operation: string; cause?: unknown; detailEn?: string; hint?: string }) {
    super('STORAGE_FAILED', {
      messageVi: `Bộ lưu trữ "${options.adapterName}" lỗi khi thực hiện "${options.operation}". Dữ liệu đã ghi trước đó không bị ảnh hưởng; hãy thử lại.`,
      messageEn: `Storage adapter "${options.adapterName}" failed during "${options.operation}"${options.detailEn ? `: ${options.detailEn}` : ''}. Committed data is unaffected; retry.`,
      hint: options.hint ?? 'See `cause` for the adapter error.',
      cause: options.cause,
    });
    this.name = 'StorageError';
    this.adapterName = options.adapterName;
    this.operation = options.operation;
  }

  static override isInstance(error: unknown): error is StorageError {
    return hasMarker(error, MARKER);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), adapterName: this.adapterName, operation: this.operation };
  }
}
