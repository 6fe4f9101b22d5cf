import { describe, expect, it } from 'vitest';
import { ValidationError } from '@pccovid-inspect/core';
import { decodeQueryCursor, encodeQueryCursor } from '@pccovid-inspect/core/adapter-kit';
import type { QueryCursorPosition } from '@pccovid-inspect/core/adapter-kit';

function issueOf(fn: () => unknown): { subject: string; path: (string | number)[]; message: string } {
  try {
    fn();
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return { subject: error.subject, path: error.issues[0]!.path, message: error.issues[0]!.message };
  }
  throw new Error('expected a ValidationError');
}

describe('query cursors', () => {
  it('round-trips a position, including non-ASCII text', () => {
    const positions: QueryCursorPosition[] = [
      { field: 'district', direction: 'asc', value: 'Hương Khê \u{1F600}', id: 'v-1' },
      { field: 'closed', direction: 'desc', value: false, id: 'v/2+3' },
      { field: null, direction: 'asc', value: null, id: 'x' },
      { field: 'n', direction: 'asc', value: -1.25, id: 'y' },
    ];
    for (const position of positions) {
      const cursor = encodeQueryCursor(position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeQueryCursor(cursor, position.field, position.direction)).toEqual(position);
    }
  });

  it('refuses a cursor of another order', () => {
    const cursor = encodeQueryCursor({ field: 'a', direction: 'asc', value: 1, id: 'r' });
    expect(issueOf(() => decodeQueryCursor(cursor, 'a', 'desc'))).toEqual({
      subject: 'QueryRequest',
      path: ['cursor'],
      message: 'belongs to a query with another orderBy; start again without a cursor',
    });
    expect(issueOf(() => decodeQueryCursor(cursor, null, 'asc')).path).toEqual(['cursor']);
  });

  it('refuses garbage', () => {
    for (const garbage of ['', 'not a cursor', '%%%', btoa('["c1"]'), btoa('{"a":1}')]) {
      expect(issueOf(() => decodeQueryCursor(garbage, null, 'asc'))).toEqual({
        subject: 'QueryRequest',
        path: ['cursor'],
        message: 'is not a cursor this adapter issued',
      });
    }
  });
});
