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

/** One frozen header record per media type, for the answers that carry no other header. */
const plainHeaders = new Map<string, Readonly<Record<string, string>>>();

/** @internal A `Response` of an answer. */
export function toResponse(a: Answer | StoredAnswer, extra?: Record<string, string>): Response {
  // A plain header record and a string body: @hono/node-server writes such a Response directly.
  const own = 'headers' in a ? a.headers : undefined;
  if (extra === undefined && (own === undefined || isEmpty(own))) {
    let headers = plainHeaders.get(a.contentType);
    if (headers === undefined) {
      headers = Object.freeze({ 'content-type': a.contentType });
      if (plainHeaders.size < 16) plainHeaders.set(a.contentType, headers);
    }
    return new Response(a.body, { status: a.status, headers });
  }
  return new Response(a.body, { status: a.status, headers: { 'content-type': a.contentType, ...own, ...extra } });
}

function isEmpty(record: Record<string, string>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return false;
  return true;
}
