import { describe, expect, it } from 'vitest';
import { checkPutRequest, checkQueryRequest, isIndexValue } from '@pccovid-inspect/core/adapter-kit';
import { PUT, issueOf } from './test-support.js';

const put = (patch: Record<string, unknown>) => () => checkPutRequest({ ...PUT, ...patch });
const query = (request: Record<string, unknown>) => () => checkQueryRequest({ collection: 'visits', tenantId: '42', ...request });

describe('isIndexValue', () => {
  it('accepts null, strings, booleans and finite numbers only', () => {
    expect([null, '', 'x', false, 0, -2.5].every(isIndexValue)).toBe(true);
    expect([undefined, Number.NaN, Infinity, {}, [], { in: [1] }, 1n].some(isIndexValue)).toBe(false);
  });
});

describe('checkPutRequest', () => {
  it('passes a valid request', () => {
    expect(put({})).not.toThrow();
    expect(put({ data: null, indexes: {}, expectedVersion: 3 })).not.toThrow();
  });

  it('refuses bad names, versions, data and indexes at their path', () => {
    expect(issueOf(put({ id: '' }))).toEqual({ subject: 'PutRequest', code: 'custom', path: ['id'], message: 'must be a non-empty string' });
    expect(issueOf(put({ expectedVersion: 1.5 }))).toMatchObject({ path: ['expectedVersion'], message: 'must be a whole number ≥ 0' });
    expect(issueOf(put({ data: undefined }))).toMatchObject({ path: ['data'], message: 'is required' });
    expect(issueOf(put({ data: { at: new Date(0) } }))).toMatchObject({ path: ['data', 'at'] });
    expect(issueOf(put({ indexes: { score: Number.NaN } }))).toMatchObject({
      path: ['indexes', 'score'],
      message: 'must be a string, a finite number, a boolean or null',
    });
    expect(issueOf(put({ indexes: { '': 1 } }))).toMatchObject({ path: ['indexes', ''], message: 'index field names must not be empty' });
    expect(issueOf(() => checkPutRequest(null as never))).toMatchObject({ path: [], message: 'must be an object' });
  });
});

describe('checkQueryRequest', () => {
  it('passes a valid request', () => {
    expect(query({})).not.toThrow();
    expect(query({ where: { closed: false, district: { in: ['a', null] } }, orderBy: { field: 'score', direction: 'desc' }, limit: 1000, cursor: null })).not.toThrow();
  });

  it('refuses bad limits, filters, orders and cursors at their path', () => {
    expect(issueOf(query({ limit: 0 }))).toEqual({
      subject: 'QueryRequest',
      code: 'custom',
      path: ['limit'],
      message: 'must be a whole number from 1 to 1000',
    });
    expect(issueOf(query({ limit: 1001 }))).toMatchObject({ path: ['limit'] });
    expect(issueOf(query({ cursor: 5 }))).toMatchObject({ path: ['cursor'], message: 'must be a cursor string or null' });
    expect(issueOf(query({ where: { a: { eq: 1 } } }))).toMatchObject({ path: ['where', 'a'], message: 'must be an index value or { in: [...] }' });
    expect(issueOf(query({ where: { a: { in: [1, {}] } } }))).toMatchObject({ path: ['where', 'a', 'in', 1] });
    expect(issueOf(query({ orderBy: { field: '' } }))).toMatchObject({ path: ['orderBy', 'field'] });
    expect(issueOf(query({ orderBy: { field: 'a', direction: 'up' } }))).toMatchObject({ path: ['orderBy', 'direction'], message: "must be 'asc' or 'desc'" });
    expect(issueOf(query({ tenantId: '' }))).toMatchObject({ path: ['tenantId'] });
  });
});
