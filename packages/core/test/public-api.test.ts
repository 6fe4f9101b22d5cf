import { describe, expect, it } from 'vitest';
import * as core from '@pccovid-inspect/core';
import * as adapterKit from '@pccovid-inspect/core/adapter-kit';
import * as documents from '@pccovid-inspect/core/documents';
import * as lifecycle from '@pccovid-inspect/core/lifecycle';
import * as schemas from '@pccovid-inspect/core/schemas';
import * as text from '@pccovid-inspect/core/text';
import pkg from '../package.json' with { type: 'json' };
import { EXPECTED } from './public-api-surface.js';

/** The root stays small: an app's needs, ≤ 60 runtime names. */
const ROOT_BUDGET = 60;

const ENTRY_POINTS: Readonly<Record<string, Record<string, unknown>>> = {
  '.': core,
  './schemas': schemas,
  './documents': documents,
  './lifecycle': lifecycle,
  './adapter-kit': adapterKit,
  './text': text,
};

const exported = [...new Map(Object.values(ENTRY_POINTS).flatMap((m) => Object.entries(m)))];

/** A zod schema: its methods are zod's, not ours. */
const isSchema = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function';

const STUB = /not implemented|\bTODO\b|\bFIXME\b|\bXXX\b/i;

describe('public API of @pccovid-inspect/core', () => {
  it.each(Object.keys(EXPECTED))('entry point %s exports exactly the pinned names', (entry) => {
    expect(Object.keys(ENTRY_POINTS[entry]!).sort()).toEqual([...EXPECTED[entry]!].sort());
  });

  it('keeps the root within its budget of runtime names', () => {
    expect(EXPECTED['.']!.length).toBeLessThanOrEqual(ROOT_BUDGET);
  });

  it('publishes exactly these entry points in package.json', () => {
    expect(
      Object.keys(pkg.exports)
        .filter((k) => k !== './package.json')
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it("keeps one province's data out of core", () => {
    for (const [name] of exported) expect(name, name).not.toMatch(/HA_TINH|HaTinh/);
  });

  it('the pinned lists are sorted and free of duplicates', () => {
    for (const list of Object.values(EXPECTED)) {
      expect([...list]).toEqual([...list].sort());
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('has no undefined export', () => {
    for (const [name, value] of exported) expect(value, name).not.toBeUndefined();
  });

  it('re-exports no internal helper (markers, parsing, guard tables, record schemas, numbering)', () => {
    const internals = [
      'hasMarker',
      'markerFor',
      'parseOrThrow',
      'campaignGuardReasons',
      'visitGuardReasons',
      'remediationGuardReasons',
      'CampaignRecordSchema',
      'VisitRecordSchema',
      'RemediationRecordSchema',
      'allocateDocumentNumber',
      'runCommand',
    ];
    for (const [entry, names] of Object.entries(EXPECTED)) for (const internal of internals) expect(names, entry).not.toContain(internal);
    // guardStorage is published for adapter authors only (the checks core runs before a request reaches an adapter).
    for (const [entry, names] of Object.entries(EXPECTED)) if (entry !== './adapter-kit') expect(names, entry).not.toContain('guardStorage');
  });

  it('no exported function or class is a stub', () => {
    const functions = exported.filter(([, v]) => typeof v === 'function');
    expect(functions.length).toBeGreaterThan(0);
    for (const [name, fn] of functions) expect(String(fn), name).not.toMatch(STUB);
  });

  it('no method of an exported plain object is a stub', () => {
    for (const [name, value] of exported) {
      if (typeof value !== 'object' || value === null || isSchema(value)) continue;
      for (const [key, member] of Object.entries(value)) {
        if (typeof member === 'function') expect(String(member), `${name}.${key}`).not.toMatch(STUB);
      }
    }
  });

  it('every exported schema is a zod schema, and nothing else ends in Schema', () => {
    for (const [name, value] of exported) expect(isSchema(value), name).toBe(name.endsWith('Schema'));
  });

  it('every error class is recognised by InspectError.isInstance', () => {
    const errorClasses = exported.filter(([name]) => name.endsWith('Error'));
    expect(errorClasses.length).toBeGreaterThanOrEqual(12);
    for (const [name, cls] of errorClasses) {
      expect(typeof cls, name).toBe('function');
      expect(typeof (cls as { isInstance?: unknown }).isInstance, name).toBe('function');
      expect((cls as { prototype: unknown }).prototype instanceof core.InspectError || cls === core.InspectError, name).toBe(true);
    }
  });
});
