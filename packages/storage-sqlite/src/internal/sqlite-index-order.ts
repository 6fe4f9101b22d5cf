import type { IndexValue } from '@pccovid-inspect/core';
import { invalid } from './sqlite-validation.js';

/**
 * @internal The total order of index values shared by every built-in adapter: a missing field
 * counts as null; null < booleans (false < true) < numbers < strings; strings compare by Unicode
 * code point (the order of their UTF-8 bytes, as SQLite's BINARY collation and PostgreSQL's "C").
 */
export function rankOf(value: IndexValue | undefined): 0 | 1 | 2 | 3 {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return 1;
  return typeof value === 'number' ? 2 : 3;
}

/** @internal Compares two strings by code point (not by UTF-16 code unit). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** @internal Compares two index values in the shared total order. */
export function compareIndexValues(a: IndexValue | undefined, b: IndexValue | undefined): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 3) return compareText(a as string, b as string);
  const na = Number(a);
  const nb = Number(b);
  return na === nb ? 0 : na < nb ? -1 : 1;
}

/** @internal Where a page ended: the sort value and id of its last item, and the order it used. */
export interface CursorPosition {
  field: string | null;
  direction: 'asc' | 'desc';
  value: IndexValue;
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

/** @internal Encodes a cursor (opaque to callers: base64url of a small JSON array). */
export function encodeCursor(position: CursorPosition): string {
  return toBase64Url(JSON.stringify(['c1', position.field, position.direction, position.value, position.id]));
}

/**
 * @internal Decodes a cursor and checks it belongs to a query with the same order; anything else
 * is a `ValidationError` on `cursor`.
 */
export function decodeCursor(cursor: string, field: string | null, direction: 'asc' | 'desc'): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    invalid('QueryRequest', ['cursor'], 'is not a cursor this adapter issued');
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || parsed[0] !== 'c1' || typeof parsed[4] !== 'string') {
    invalid('QueryRequest', ['cursor'], 'is not a cursor this adapter issued');
  }
  const [, cursorField, cursorDirection, value] = parsed as [string, unknown, unknown, unknown, string];
  if (cursorField !== field || cursorDirection !== direction) {
    invalid('QueryRequest', ['cursor'], 'belongs to a query with another orderBy; start again without a cursor');
  }
  if (!(value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
    invalid('QueryRequest', ['cursor'], 'is not a cursor this adapter issued');
  }
  return { field, direction, value: value as IndexValue, id: parsed[4] as string };
}

/**
 * @internal How an index value is bound in SQL: booleans as 0/1 (their rank keeps them apart
 * from numbers), null as 0 (only ever compared within rank 0, where every value is 0).
 */
export function toSqlValue(value: IndexValue): number | string {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
