import { HttpProblem, PROBLEM_MEDIA_TYPE, toProblemDetails } from './problem-details.js';
import type { StoredAnswer } from './idempotency-store.js';

/** @internal An answer to send: status, media type, body text and extra headers. */
export interface Answer extends StoredAnswer {
  headers: Record<string, string>;
}

/** @internal The problem answer of an error, with its headers (`WWW-Authenticate`, `Retry-After`). */
export function problemAnswer(error: unknown, instance: string): Answer {
  const p = toProblemDetails(error, instance);
  return { status: p.status, contentType: PROBLEM_MEDIA_TYPE, body: JSON.stringify(p), headers: error instanceof HttpProblem ? { ...error.headers } : {} };
}

/** @internal A `Response` of an answer. */
export function toResponse(a: Answer | StoredAnswer, extra: Record<string, string> = {}): Response {
  // A plain header record and a string body: @hono/node-server writes such a Response directly.
  return new Response(a.body, { status: a.status, headers: { 'content-type': a.contentType, ...('headers' in a ? a.headers : {}), ...extra } });
}
