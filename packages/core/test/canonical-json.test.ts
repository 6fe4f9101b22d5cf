import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../src/internal/canonical-json.js';

/** The first release's implementation: every audit hash ever written was computed over its output. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => reference(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('gives the pinned text: keys sorted by code unit at every level, undefined left out of objects and null in arrays', () => {
    expect(canonicalJson({ b: 1, a: [3, undefined, { d: 'Hà Tĩnh', c: null }], '10': true, '9': false, z: undefined, Đ: '"x"\n' })).toBe(
      '{"10":true,"9":false,"a":[3,null,{"c":null,"d":"Hà Tĩnh"}],"b":1,"Đ":"\\"x\\"\\n"}',
    );
    expect(canonicalJson('text')).toBe('"text"');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('equals the first release’s output for any JSON value (audit chains stay verifiable)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalJson(value) === reference(value)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined))), (value) => canonicalJson(value) === reference(value)),
    );
  });
});
