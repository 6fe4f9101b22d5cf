import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('CONFIGURATION_INVALID');

/**
 * Thrown at start-up when options or an adapter do not fit (`CONFIGURATION_INVALID`), e.g. an
 * adapter of an unsupported contract version or missing a required capability.
 *
 * @example
 * ```ts
 * new ConfigurationError({ problemEn: 'storage contractVersion 2 is not supported', problemVi: '...' })
 * ```
 */
export class ConfigurationError extends InspectError {
  private readonly [MARKER] = true;

  constructor(options: { problemVi: string; problemEn: string; hint?: string; cause?: unknown }) {
    super('CONFIGURATION_INVALID', {
      messageVi: `Cấu hình không hợp lệ: ${options.problemVi}.`,
      messageEn: `Invalid configuration: ${options.problemEn}.`,
      hint: options.hint,
      cause: options.cause,
    });
    this.name = 'ConfigurationError';
  }

  static override isInstance(error: unknown): error is ConfigurationError {
    return hasMarker(error, MARKER);
  }
}
