import { InspectError, ValidationError, type ErrorCode, type ValidationIssue } from '@pccovid-inspect/core';

/**
 * Codes the HTTP layer itself answers with, beside the service's own `ErrorCode`s (from `@pccovid-inspect/core`):
 * `UNAUTHENTICATED` (no, forged, expired or foreign-audience token), `IDEMPOTENCY_KEY_REQUIRED`,
 * `IDEMPOTENCY_KEY_REUSED` (same key, different body), `IDEMPOTENCY_KEY_IN_FLIGHT` (same key while the
 * first request still runs), `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`, `RATE_LIMITED`,
 * `NOT_ACCEPTABLE`, `ROUTE_NOT_FOUND` and `INTERNAL` (an unexpected error; no detail leaks).
 */
export type ServerProblemCode =
  | 'UNAUTHENTICATED'
  | 'IDEMPOTENCY_KEY_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_FLIGHT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'NOT_ACCEPTABLE'
  | 'ROUTE_NOT_FOUND'
  | 'INTERNAL';

/** Every `code` a problem document may carry. */
export type ProblemCode = ErrorCode | ServerProblemCode;

/**
 * The HTTP status of every problem code. `EMBARGOED` is answered exactly as `NOT_FOUND` (status,
 * code and words), so a caller cannot tell an embargoed visit from one that does not exist.
 *
 * @example
 * ```ts
 * PROBLEM_STATUS.INVALID_TRANSITION // 409
 * ```
 */
export const PROBLEM_STATUS: Readonly<Record<ProblemCode, number>> = Object.freeze({
  VALIDATION_FAILED: 422,
  INVALID_TRANSITION: 409,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  EMBARGOED: 404,
  STORAGE_FAILED: 503,
  NOTIFICATION_FAILED: 502,
  RENDER_FAILED: 500,
  IMPORT_FAILED: 422,
  CONFIGURATION_INVALID: 500,
  UNAUTHENTICATED: 401,
  IDEMPOTENCY_KEY_REQUIRED: 428,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  NOT_ACCEPTABLE: 406,
  ROUTE_NOT_FOUND: 404,
  INTERNAL: 500,
});

const TITLES: Readonly<Record<ProblemCode, string>> = {
  VALIDATION_FAILED: 'Invalid input',
  INVALID_TRANSITION: 'Not allowed in the current state',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Changed by someone else',
  FORBIDDEN: 'Forbidden',
  EMBARGOED: 'Not found',
  STORAGE_FAILED: 'Storage unavailable',
  NOTIFICATION_FAILED: 'Notification failed',
  RENDER_FAILED: 'Rendering failed',
  IMPORT_FAILED: 'Import failed',
  CONFIGURATION_INVALID: 'Server misconfigured',
  UNAUTHENTICATED: 'Unauthenticated',
  IDEMPOTENCY_KEY_REQUIRED: 'Idempotency-Key required',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency-Key reused with another body',
  IDEMPOTENCY_KEY_IN_FLIGHT: 'Idempotency-Key in use',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  NOT_ACCEPTABLE: 'Not acceptable',
  ROUTE_NOT_FOUND: 'No such endpoint',
  INTERNAL: 'Internal error',
};

/**
 * An RFC 9457 problem document (`application/problem+json`) with the library's stable `code`, the
 * message in Vietnamese and English, a `hint`, and — for `VALIDATION_FAILED` — every issue with its path.
 */
export interface ProblemDetails {
  /** `urn:pccovid-inspect:problem:<code in kebab-case>`. */
  type: string;
  /** A short English title, the same for every problem of a code. */
  title: string;
  status: number;
  /** The English message. */
  detail: string;
  /** The request path. */
  instance: string;
  code: ProblemCode;
  messageVi: string;
  messageEn: string;
  hint?: string;
  issues?: ValidationIssue[];
}

/** The media type of a problem document. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * A refusal by the HTTP layer (not by the service): carries a {@link ServerProblemCode}, the
 * message in Vietnamese and English, and headers to send (`WWW-Authenticate`, `Retry-After`).
 *
 * @example
 * ```ts
 * throw new HttpProblem('RATE_LIMITED', { messageVi: 'Quá nhiều yêu cầu', messageEn: 'Too many requests', headers: { 'retry-after': '2' } });
 * ```
 */
export class HttpProblem extends Error {
  readonly code: ServerProblemCode;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly hint: string | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ServerProblemCode, options: { messageVi: string; messageEn: string; hint?: string; headers?: Record<string, string> }) {
    super(`${options.messageVi} / ${options.messageEn}`);
    this.name = 'HttpProblem';
    this.code = code;
    this.messageVi = options.messageVi;
    this.messageEn = options.messageEn;
    this.hint = options.hint;
    this.headers = Object.freeze({ ...(options.headers ?? {}) });
  }
}

const typeOf = (code: ProblemCode): string => `urn:pccovid-inspect:problem:${code.toLowerCase().replace(/_/g, '-')}`;

/**
 * The problem document of any error: an {@link HttpProblem}, an `InspectError` (by its `code`;
 * `EMBARGOED` answered as `NOT_FOUND`), or anything else (`INTERNAL`, without its message).
 *
 * @example
 * ```ts
 * const p = toProblemDetails(new ForbiddenError({ role: 'teamMember', action: 'plan.issue' }), '/v1/commands/plan.issue');
 * p.status // 403
 * ```
 */
export function toProblemDetails(error: unknown, instance: string): ProblemDetails {
  if (error instanceof HttpProblem) return build(error.code, instance, error.messageVi, error.messageEn, error.hint);
  if (InspectError.isInstance(error)) {
    if (error.code === 'EMBARGOED') {
      return build('NOT_FOUND', instance, 'Không tìm thấy bản ghi.', 'No such record.', 'Check the id and the tenant.');
    }
    const p = build(error.code, instance, error.messageVi, error.messageEn, error.hint);
    if (ValidationError.isInstance(error)) p.issues = error.issues;
    return p;
  }
  return build('INTERNAL', instance, 'Lỗi không mong đợi ở máy chủ; hãy thử lại hoặc báo quản trị.', 'Unexpected server error; retry or tell the administrator.', undefined);
}

function build(code: ProblemCode, instance: string, messageVi: string, messageEn: string, hint: string | undefined): ProblemDetails {
  const p: ProblemDetails = { type: typeOf(code), title: TITLES[code], status: PROBLEM_STATUS[code], detail: messageEn, instance, code, messageVi, messageEn };
  if (hint !== undefined) p.hint = hint;
  return p;
}
