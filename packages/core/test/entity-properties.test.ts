import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as core from '@pccovid-inspect/core';
import * as schemas from '@pccovid-inspect/core/schemas';
import * as documents from '@pccovid-inspect/core/documents';
import * as lifecycle from '@pccovid-inspect/core/lifecycle';
import { ValidationError } from '@pccovid-inspect/core';
import { validate } from '@pccovid-inspect/core/schemas';
import { VALID_ENTITIES } from './arbitraries.js';

const NUM_RUNS = 200;

/** Every exported schema of every entry point, found by name so schemas added later are covered automatically. */
const SCHEMAS = [...new Map<string, unknown>([...Object.entries(core), ...Object.entries(schemas), ...Object.entries(documents), ...Object.entries(lifecycle)])]
  .filter(([name]) => name.endsWith('Schema'))
  .map(([name, schema]) => [name, schema as z.ZodType] as const)
  .sort(([a], [b]) => a.localeCompare(b));

/** Inputs a hostile or buggy caller may send: every kind of JS value fast-check can make. */
const hostile = fc.oneof(
  fc.anything(),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
    stringUnit: 'grapheme',
  }),
);

/** Paths of every value inside a JSON-like value (root excluded). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  const children: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [k, v] of children) {
    out.push([...prefix, k]);
    out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

/** A deep copy of `value` with the value at `path` replaced. */
function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path[path.length - 1]!] = replacement;
  return copy;
}

/** Validates; passes when it returns or throws a well-formed ValidationError, fails otherwise. */
function expectOnlyValidationError(schema: z.ZodType, input: unknown, subject: string): void {
  try {
    validate(schema, input, subject);
  } catch (e) {
    if (!ValidationError.isInstance(e)) throw new Error(`${subject}: threw ${String(e)} instead of a ValidationError`, { cause: e });
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.subject).toBe(subject);
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(Array.isArray(issue.path)).toBe(true);
      for (const p of issue.path) expect(['string', 'number']).toContain(typeof p);
      expect(typeof issue.message).toBe('string');
    }
  }
}

describe('the valid-entity arbitraries', () => {
  it('cover every entity the domain model names', () => {
    expect(Object.keys(VALID_ENTITIES)).toEqual(
      expect.arrayContaining([
        'Tenant',
        'AdminUnit',
        'Organization',
        'Person',
        'Campaign',
        'NominationRequest',
        'Nomination',
        'Team',
        'Target',
        'PortalStatistics',
        'Visit',
        'Finding',
        'Minutes',
        'Report',
        'ResultNotice',
        'RemediationAction',
        'Notification',
        'AuditEvent',
        'DocumentNumber',
        'DocumentReference',
        'Signer',
      ]),
    );
  });

  it('use schemas the package exports', () => {
    const exported = new Set(SCHEMAS.map(([, s]) => s));
    for (const [name, { schema }] of Object.entries(VALID_ENTITIES)) expect(exported.has(schema), name).toBe(true);
  });
});

describe.each(Object.entries(VALID_ENTITIES))('%s', (name, { schema, arb }) => {
  it('any valid value passes its schema and survives JSON.stringify → JSON.parse → parse unchanged', () => {
    fc.assert(
      fc.property(arb, (value) => {
        const first = validate(schema, value, name);
        const again = validate(schema, JSON.parse(JSON.stringify(first)), name);
        expect(again).toEqual(first);
        // Parsing is idempotent: the output is already in canonical form (NFC, trimmed).
        expect(validate(schema, first, name)).toEqual(first);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a valid value with one field (at any depth) replaced by anything is accepted or rejected with ValidationError only', () => {
    const mutated = arb.chain((value) => {
      const paths = pathsOf(value);
      if (paths.length === 0) return hostile;
      return fc.tuple(fc.constantFrom(...paths), hostile).map(([path, replacement]) => replaceAt(value, path, replacement));
    });
    fc.assert(
      fc.property(mutated, (input) => expectOnlyValidationError(schema, input, name)),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('every exported schema, given arbitrary input, throws nothing but ValidationError', () => {
  it('finds the exported schemas', () => {
    expect(SCHEMAS.length).toBeGreaterThanOrEqual(40);
    for (const [name, schema] of SCHEMAS) expect(typeof (schema as { safeParse?: unknown }).safeParse, name).toBe('function');
  });

  it.each(SCHEMAS)('%s', (name, schema) => {
    fc.assert(
      fc.property(hostile, (input) => expectOnlyValidationError(schema, input, name)),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('validate', () => {
  it('turns an exception thrown while parsing (a throwing getter) into a ValidationError', () => {
    const seedLike = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    let thrown: unknown;
    try {
      validate(schemas.TenantSchema, seedLike, 'Tenant');
    } catch (e) {
      thrown = e;
    }
    expect(ValidationError.isInstance(thrown)).toBe(true);
    expect((thrown as ValidationError).issues[0]?.path).toEqual([]);
    expect((thrown as ValidationError).cause).toBeInstanceOf(Error);
  });

  it('defaults the subject to "input"', () => {
    try {
      validate(schemas.TenantSchema, 1);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).subject).toBe('input');
    }
  });
});
