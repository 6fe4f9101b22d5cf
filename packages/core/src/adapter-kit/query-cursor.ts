import type { IndexValue } from '../contracts/storage-adapter.js';
import { throwValidationIssue } from './validation-issue.js';

/**
 * Where a page of a query ended: the sort value and id of its last item, and the order the query
 * used (`field` is `null` when it was ordered by id alone).
 *
 * @example
 * ```ts
 * const position: QueryCursorPosition = { field: 'closedOn', direction: 'asc', value: '2021-12-07', id: 'v-40' };
 * ```
 */
export interface QueryCursorPosition {
  /** The `orderBy.field` of the query, or `null` for the default order by id. */
  field: string | null;
  /** The `orderBy.direction` of the query. */
  direction: 'asc' | 'desc';
  /** The sort value of the last item (`null` when ordered by id, or the field is missing). */
  value: IndexValue;
  /** The id of the last item. */
  id: string;
}

function toBase64Url(textValue: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(textValue)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Encodes the `nextCursor` of a query page. Callers treat it as opaque (it is base64url of a small
 * JSON array); `decodeQueryCursor` reads it back. Runs anywhere (no `Buffer`).
 *
 * @example
 * ```ts
 * const nextCursor = hasMore ? encodeQueryCursor({ field, direction, value: last.indexes[field] ?? null, id: last.id }) : null;
 * ```
 */
export function encodeQueryCursor(position: QueryCursorPosition): string {
  return toBase64Url(JSON.stringify(['c1', position.field, position.direction, position.value, position.id]));
}

/**
 * Decodes a cursor made by `encodeQueryCursor` and checks that it belongs to a query with the
 * same order. Anything else — garbage, a cursor of another order — throws a `ValidationError`
 * (subject `QueryRequest`) at `['cursor']`.
 *
 * @example
 * ```ts
 * const after = request.cursor ? decodeQueryCursor(request.cursor, field, direction) : null;
 * // then keep the items strictly after (after.value, after.id) in that order
 * ```
 */
export function decodeQueryCursor(cursor: string, field: string | null, direction: 'asc' | 'desc'): QueryCursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throwValidationIssue('QueryRequest', ['cursor'], 'is not a cursor this adapter issued');
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || parsed[0] !== 'c1' || typeof parsed[4] !== 'string') {
    throwValidationIssue('QueryRequest', ['cursor'], 'is not a cursor this adapter issued');
  }
  const [, cursorField, cursorDirection, value] = parsed as [string, unknown, unknown, unknown, string];
  if (cursorField !== field || cursorDirection !== direction) {
    throwValidationIssue('QueryRequest', ['cursor'], 'belongs to a query with another orderBy; start again without a cursor');
  }
  if (!(value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
    throwValidationIssue('QueryRequest', ['cursor'], 'is not a cursor this adapter issued');
  }
  return { field, direction, value: value as IndexValue, id: parsed[4] };
}
