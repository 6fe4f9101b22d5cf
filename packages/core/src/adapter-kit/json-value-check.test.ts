import { describe, expect, it } from 'vitest';
import { checkJsonValue } from '@pccovid-inspect/core/adapter-kit';
import { issueOf } from './test-support.js';

const check = (value: unknown) => () => checkJsonValue('PutRequest', ['data'], value);

describe('checkJsonValue', () => {
  it('passes values that survive a JSON round trip', () => {
    const shared = { a: 1 }; // the same object twice is not a cycle
    for (const value of [null, true, 0, -1.5, '', 'Hà Tĩnh', [], [1, [2, [3]]], { a: { b: [null] } }, { gone: undefined }, [shared, shared]]) {
      expect(check(value)).not.toThrow();
    }
    expect(check(Object.assign(Object.create(null) as object, { a: 1 }))).not.toThrow();
  });

  it('refuses non-finite numbers at their path', () => {
    expect(issueOf(check({ list: [1, Number.NaN] }))).toMatchObject({
      subject: 'PutRequest',
      path: ['data', 'list', 1],
      message: 'numbers must be finite (NaN and Infinity are not JSON)',
    });
  });

  it('refuses class instances, functions, bigint, holes and cycles', () => {
    expect(issueOf(check({ when: new Date(0) }))).toMatchObject({ path: ['data', 'when'], message: 'must be plain JSON; found a Date' });
    expect(issueOf(check(new Map()))).toMatchObject({ path: ['data'], message: 'must be plain JSON; found a Map' });
    expect(issueOf(check({ f: () => 1 }))).toMatchObject({ path: ['data', 'f'], message: 'must be plain JSON; found a function' });
    expect(issueOf(check(1n))).toMatchObject({ path: ['data'], message: 'must be plain JSON; found a bigint' });
    // eslint-disable-next-line no-sparse-arrays -- the hole is what is checked
    expect(issueOf(check([1, , 3]))).toMatchObject({ path: ['data', 1], message: 'arrays must not hold undefined or holes' });
    const cyclic: Record<string, unknown> = { a: {} };
    (cyclic.a as Record<string, unknown>).back = cyclic;
    expect(issueOf(check(cyclic))).toMatchObject({ path: ['data', 'a', 'back'], message: 'must not contain a cycle' });
  });
});
