import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defineChecklistPlugin, type ChecklistPluginDefinition, type InspectError } from '@pccovid-inspect/core';
import * as schemas from '@pccovid-inspect/core/schemas';
import * as documents from '@pccovid-inspect/core/documents';
import * as text from '@pccovid-inspect/core/text';
import { decodeQueryCursor, encodeQueryCursor } from '@pccovid-inspect/core/adapter-kit';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
import { storageDigest } from './support/digest.js';
import { arbitraryBodyArb, mutationArb } from './support/mutations.js';
import { A, roundAt, STAGES } from './support/round.js';
import { runSeed } from './support/seed.js';
import { classifyThrown } from './support/service-fuzz.js';
import { SCALE } from './support/fuzz-suite.js';
import { Tally } from './support/summary.js';

/**
 * The public parsers, fuzzed alone. What each promises:
 * - a zod schema's `safeParse` never throws; its `parse` throws only a `ZodError`;
 * - `parseOfficialDocument`, `decodeQueryCursor` and the document builders throw only `ValidationError`
 *   (an `InspectError`); `defineChecklistPlugin` only `ConfigurationError`;
 * - `parseCivilDate`/`isCivilDate` never throw (null/false); `startOfCivilDate`, `addCivilDays`,
 *   `civilDateOf` and the Decree 30 date formatters throw only `RangeError` on what is not a date.
 */
const seed = runSeed();
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const tally = new Tally('public parsers alone');
afterAll(() => tally.record());

const inputArb = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: 'binary' }),
);

/** Runs `f` and checks what escaped against `allowed`. */
function probe(name: string, allowed: (e: unknown) => boolean, f: () => unknown): void {
  tally.runs++;
  try {
    f();
  } catch (e) {
    tally.faults++;
    if (!allowed(e)) tally.violation(`${name}: ${e instanceof Error ? `${e.constructor.name}: ${e.message.slice(0, 160)}` : String(e)}`);
  }
  tally.rowsChecked++;
}
const isInspect = (e: unknown) => classifyThrown(e) === null;
const isInspectCode = (code: string) => (e: unknown) => isInspect(e) && (e as InspectError).code === code;
const isRange = (e: unknown) => e instanceof RangeError;
/** A zod error, known by its shape (zod is core's dependency, not this project's). */
const isZod = (e: unknown) => e instanceof Error && e.name === 'ZodError' && Array.isArray((e as { issues?: unknown }).issues);
interface ZodLike {
  safeParse(input: unknown): unknown;
  parse(input: unknown): unknown;
}

const exportedSchemas = (mod: Record<string, unknown>) =>
  Object.entries(mod).filter(([k, v]) => k.endsWith('Schema') && v !== null && typeof v === 'object' && typeof (v as ZodLike).safeParse === 'function') as [string, ZodLike][];

describe('public parsers alone / bộ phân tích công khai', () => {
  it('every exported schema: safeParse never throws, parse throws only ZodError', () => {
    const all = [...exportedSchemas(schemas), ...exportedSchemas(documents), ...exportedSchemas({ RoleSchema: (schemas as Record<string, unknown>).RoleSchema })];
    expect(all.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.constantFrom(...all), inputArb, ([name, schema], input) => {
        probe(
          `${name}.safeParse`,
          () => false,
          () => schema.safeParse(input),
        );
        probe(`${name}.parse`, isZod, () => schema.parse(input));
      }),
      { numRuns: runs(3000), seed },
    );
    expect(tally.violations).toEqual([]);
  });

  it('dates and instants: parseCivilDate never throws; the others throw only RangeError', () => {
    const dateLike = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.integer({ min: -1, max: 10001 }), fc.integer({ min: -1, max: 13 }), fc.integer({ min: -1, max: 32 }))
        .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid' : d.toISOString())),
    );
    fc.assert(
      fc.property(dateLike, fc.integer({ min: -1e9, max: 1e9 }), (s, n) => {
        probe(
          'parseCivilDate',
          () => false,
          () => text.parseCivilDate(s),
        );
        probe(
          'isCivilDate',
          () => false,
          () => text.isCivilDate(s),
        );
        probe('startOfCivilDate', isRange, () => text.startOfCivilDate(s));
        probe('addCivilDays', isRange, () => text.addCivilDays(s, n));
        probe('civilDateOf', isRange, () => text.civilDateOf(s));
        probe('civilTimeOf', isRange, () => text.civilTimeOf(s));
        probe('decree30DayMonth', isRange, () => text.decree30DayMonth(s));
        probe('formatVietnameseDate', isRange, () => text.formatVietnameseDate(s));
        probe('formatShortDate', isRange, () => text.formatShortDate(s));
        probe('formatPlaceDateLine', isRange, () => text.formatPlaceDateLine('Hà Tĩnh', s));
        probe(
          'toNfc',
          () => false,
          () => text.toNfc(s),
        );
        probe(
          'searchKey',
          () => false,
          () => text.searchKey(s),
        );
      }),
      { numRuns: runs(3000), seed },
    );
    expect(tally.violations).toEqual([]);
  });

  it('query cursors: decodeQueryCursor throws only ValidationError; visitPage.get refuses any cursor with a typed error and writes nothing', async () => {
    const good = encodeQueryCursor({ field: 'scheduledOn', direction: 'asc', value: '2021-12-07', id: 'visit-02' });
    const cursorArb = fc.oneof(
      fc.string(),
      fc.base64String(),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
      fc.tuple(fc.anything(), fc.anything(), fc.anything(), fc.anything()).map((t) => Buffer.from(JSON.stringify(['c1', ...t])).toString('base64url')),
      fc.tuple(fc.nat({ max: good.length }), fc.string({ maxLength: 3 })).map(([i, s]) => good.slice(0, i) + s + good.slice(i)),
    );
    for (let i = 0; i < runs(1500); i++) {
      const c = fc.sample(cursorArb, { numRuns: 1, seed: seed + i })[0]!;
      probe('decodeQueryCursor', isInspectCode('VALIDATION_FAILED'), () => decodeQueryCursor(c, 'scheduledOn', i % 2 ? 'asc' : 'desc'));
    }
    const r = await roundAt(
      createMemoryStorage(),
      STAGES.findIndex((s) => s.name === 'visits closed'),
    );
    const before = await storageDigest(r.storage, '42');
    await fc.assert(
      fc.asyncProperty(cursorArb, fc.constantFrom(A.director, A.district, A.targetRep, A.viewer), async (cursor, actor) => {
        tally.runs++;
        try {
          await r.service.getVisitPage(actor, { campaignId: r.campaignId, limit: 2, cursor });
        } catch (e) {
          tally.faults++;
          const bad = classifyThrown(e);
          if (bad) tally.violation(`visitPage.get cursor ${JSON.stringify(cursor).slice(0, 80)}: ${bad}`);
        }
        tally.rowsChecked++;
        if ((await storageDigest(r.storage, '42')) !== before) tally.violation('visitPage.get changed storage');
      }),
      { numRuns: runs(400), seed },
    );
    // The real cursors of a real walk still work.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof r.service.getVisitPage>> = await r.service.getVisitPage(A.director, { campaignId: r.campaignId, limit: 1, cursor });
      seen.push(...page.items.map((v) => v.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.length).toBe(4);
    await r.storage.dispose();
    expect(tally.violations).toEqual([]);
  });

  it('parseOfficialDocument and every document builder throw only ValidationError, on arbitrary and mutated inputs', () => {
    const builders: [string, (input: never) => unknown][] = Object.entries(documents).filter(([k, v]) => /^build[A-Z]\w*Document$/.test(k) && typeof v === 'function') as never;
    expect(builders.length).toBeGreaterThanOrEqual(7);
    const planDoc = documents.buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
    const validation = isInspectCode('VALIDATION_FAILED');
    fc.assert(
      fc.property(fc.constantFrom(...builders), arbitraryBodyArb(HA_TINH_2021_PLAN_INPUT), ([name, build], { body }) => {
        probe(name, validation, () => build(body as never));
      }),
      { numRuns: runs(800), seed },
    );
    fc.assert(
      fc.property(mutationArb(HA_TINH_2021_PLAN_INPUT), ({ body }) => probe('buildPlanDocument (mutated)', validation, () => documents.buildPlanDocument(body as never))),
      { numRuns: runs(800), seed },
    );
    fc.assert(
      fc.property(fc.oneof(mutationArb(planDoc), arbitraryBodyArb(planDoc)), ({ body }) => probe('parseOfficialDocument', validation, () => documents.parseOfficialDocument(body))),
      { numRuns: runs(800), seed },
    );
    expect(tally.violations).toEqual([]);
  });

  it('checklist plugin definitions: defineChecklistPlugin throws only ConfigurationError', () => {
    const valid: ChecklistPluginDefinition = {
      id: 'market-guide',
      version: '1',
      sections: [],
      items: [],
      itemRules: { b3: [{ kind: 'required', when: 'met', message: { vi: 'Cần ghi chú', en: 'A note is needed' } }] },
    } as unknown as ChecklistPluginDefinition;
    const config = isInspectCode('CONFIGURATION_INVALID');
    fc.assert(
      // null and undefined are left to the known-defect test below.
      fc.property(
        fc
          .oneof(
            mutationArb(valid),
            arbitraryBodyArb(valid),
            fc.anything({ maxDepth: 3 }).map((body) => ({ kind: 'anything', body })),
          )
          .filter(({ body }) => body != null),
        ({ body }) => probe('defineChecklistPlugin', config, () => defineChecklistPlugin(body as ChecklistPluginDefinition)),
      ),
      { numRuns: runs(1500), seed },
    );
    expect(tally.violations).toEqual([]);
  });

  // Known defect (reported, core is not ours to edit): a JavaScript caller passing no definition
  // gets a raw TypeError ("Cannot read properties of null (reading 'id')"), not a ConfigurationError.
  // This test fails once core fixes it: then fold null/undefined back into the property above.
  it('defineChecklistPlugin(null | undefined) throws ConfigurationError (it threw a raw TypeError)', () => {
    for (const body of [null, undefined]) {
      let thrown: unknown = null;
      try {
        defineChecklistPlugin(body as unknown as ChecklistPluginDefinition);
      } catch (e) {
        thrown = e;
      }
      expect(isInspectCode('CONFIGURATION_INVALID')(thrown)).toBe(true);
    }
  });
});
