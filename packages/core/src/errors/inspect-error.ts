/**
 * Stable error codes. Callers branch on `code`, never on message text.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_TRANSITION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'EMBARGOED'
  | 'STORAGE_FAILED'
  | 'NOTIFICATION_FAILED'
  | 'RENDER_FAILED'
  | 'IMPORT_FAILED'
  | 'CONFIGURATION_INVALID';

/** Options every error of the library accepts. */
export interface InspectErrorOptions {
  /** What went wrong and what to do, in Vietnamese (first language of every message). */
  messageVi: string;
  /** The same in English. */
  messageEn: string;
  /** A short hint on how to fix it, if there is one. */
  hint?: string;
  /** The underlying error. */
  cause?: unknown;
}

const BASE_MARKER = Symbol.for('pccovid-inspect.error');

/**
 * Base class of every error thrown by `@pccovid-inspect/*`. It carries a stable UPPER_SNAKE
 * `code`, the message in Vietnamese and English, an optional `hint`, and `cause`.
 * `isInstance` works across copies of the package (it checks a `Symbol.for` marker, not the class).
 *
 * @example
 * ```ts
 * try { await service.startVisit(cmd) } catch (e) {
 *   if (InspectError.isInstance(e) && e.code === 'CONFLICT') retry();
 * }
 * ```
 */
export class InspectError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Message in Vietnamese. */
  readonly messageVi: string;
  /** Message in English. */
  readonly messageEn: string;
  /** How to fix it, if known. */
  readonly hint: string | undefined;
  private readonly [BASE_MARKER] = true;

  constructor(code: ErrorCode, options: InspectErrorOptions) {
    super(`${options.messageVi} / ${options.messageEn}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InspectError';
    this.code = code;
    this.messageVi = options.messageVi;
    this.messageEn = options.messageEn;
    this.hint = options.hint;
  }

  /** True for any error of this library, whichever copy of the package threw it. */
  static isInstance(error: unknown): error is InspectError {
    return hasMarker(error, BASE_MARKER);
  }

  /** A plain JSON view (no stack), safe to log: it never holds personal data by construction. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, messageVi: this.messageVi, messageEn: this.messageEn };
    if (this.hint !== undefined) out.hint = this.hint;
    return out;
  }
}

/** @internal */
export function hasMarker(error: unknown, marker: symbol): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
}

/** @internal The `Symbol.for` marker of one error code. */
export function markerFor(code: ErrorCode): symbol {
  return Symbol.for(`pccovid-inspect.error.${code}`);
}
