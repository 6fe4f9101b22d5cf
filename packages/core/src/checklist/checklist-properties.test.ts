import fc from 'fast-check';
import { match } from 'ts-pattern';
import { describe, expect, it } from 'vitest';
import { ChecklistValueTypeSchema } from '../entities/checklist-field.js';
import type { ChecklistFieldValue, ChecklistValueType } from '../entities/checklist-field.js';
import { ChecklistResponseSchema } from '../entities/checklist-response.js';
import type { ChecklistResponse } from '../entities/checklist-response.js';
import { ChecklistTemplateSchema } from '../entities/checklist-template.js';
import { forbiddenCharacterIn } from '../entities/primitives.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { ChecklistEvaluationSchema } from './checklist-evaluation.js';
import { evaluateChecklist } from './evaluate-checklist.js';
import { PC_COVID_CHECKLIST_V1 } from './pc-covid-checklist-v1.js';

const VIETNAMESE = ['Chưa niêm yết mã QR', 'Đạt', 'Không áp dụng', 'Bảo vệ nhắc quét mã', 'Kỳ Anh'];
const text = fc.oneof(
  // Any code points but those text may never hold (controls, unpaired surrogates, U+FFFE/U+FFFF).
  fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => forbiddenCharacterIn(s, { multiline: false }) === null),
  fc.constantFrom(...VIETNAMESE).map((s) => s.normalize('NFD')),
  fc.constantFrom(...VIETNAMESE),
);
const nonEmptyText = text.filter((s) => s.trim().length > 0);
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const fieldId = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,5}$/);
const date = fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2022-12-31T00:00:00Z'), noInvalidDate: true });
const instant = date.map((d) => d.toISOString());
const civilDate = date.map((d) => d.toISOString().slice(0, 10));
const bilingual = fc.record({ vi: nonEmptyText, en: nonEmptyText });
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 50 }), fc.constant(-0));
const fieldValue = fc.oneof(number, fc.boolean(), text, civilDate, fc.constant('https://quanly.pccovid.gov.vn'));

const evidence = fc.oneof(
  fc.record({
    kind: fc.constant('document'),
    id,
    numberSymbol: fc.constantFrom('125/UBND-VP', '7641/UBND-VX1', '05/KH-STTTT'),
    issuedOn: civilDate,
    issuer: nonEmptyText,
    summary: nonEmptyText,
  }),
  fc.record(
    { kind: fc.constant('photo'), id, uri: nonEmptyText, sha256: fc.stringMatching(/^[0-9a-f]{64}$/), caption: nonEmptyText, takenAt: instant },
    { requiredKeys: ['kind', 'id', 'uri', 'caption', 'takenAt'] },
  ),
  fc.record(
    { kind: fc.constant('screenshot'), id, uri: nonEmptyText, caption: nonEmptyText, takenAt: instant, sourceUrl: fc.constant('http://quanly.pccovid.gov.vn') },
    { requiredKeys: ['kind', 'id', 'uri', 'caption', 'takenAt'] },
  ),
  fc.record({ kind: fc.constant('count'), id, what: nonEmptyText, value: fc.nat(), asOf: civilDate }, { requiredKeys: ['kind', 'id', 'what', 'value'] }),
);

/** A value that fits a value type (most of the time the evaluator sees well-typed fields). */
const typedValue = (valueType: ChecklistValueType): fc.Arbitrary<ChecklistFieldValue> =>
  match(valueType)
    .with('count', () => fc.nat(10))
    .with('decimal', () => fc.double({ min: 0, max: 100, noNaN: true }))
    .with('boolean', () => fc.boolean())
    .with('text', () => text)
    .with('civilDate', () => civilDate)
    .with('url', () => fc.constant('http://quanly.pccovid.gov.vn/thong-ke'))
    .exhaustive();

/** Item responses: each field of the answer type well-typed, mistyped or absent, sometimes an unknown field. */
const itemResponse = (fields: readonly (readonly [string, ChecklistValueType])[]) =>
  fc.record(
    {
      answer: fc.oneof({ weight: 3, arbitrary: fc.constant('met' as const) }, fc.constantFrom('not_met' as const, 'not_applicable' as const, null)),
      note: text,
      fields: fc
        .tuple(
          fc.tuple(
            ...fields.map(([f, t]) =>
              fc.option(
                fc.oneof({ weight: 6, arbitrary: typedValue(t) }, fieldValue).map((v) => [f, v] as const),
                { nil: undefined },
              ),
            ),
          ),
          fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, fc.tuple(fieldId, fieldValue)),
        )
        .map(([known, extra]) => Object.fromEntries([...known, extra].filter((entry) => entry !== undefined))),
      evidence: fc.array(evidence, { maxLength: 3 }),
    },
    { requiredKeys: ['answer', 'fields', 'evidence'] },
  );

/** Responses that pass the schema, pinned to `template`, answering a random subset of its items (and maybe an unknown one). */
function responses(template: ChecklistTemplate): fc.Arbitrary<ChecklistResponse> {
  const items = template.sections.flatMap((s) => s.items);
  const perItem = Object.fromEntries(
    items.map((item) => [item.id, itemResponse(Object.entries(template.answerTypes[item.answerType]?.fields ?? {}).map(([f, d]) => [f, d.valueType] as const))]),
  );
  return fc
    .record({
      answers: fc.record(perItem, { requiredKeys: [] }),
      unknown: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, itemResponse([])),
      answeredAt: instant,
    })
    .map(({ answers, unknown, answeredAt }) =>
      ChecklistResponseSchema.safeParse({
        templateId: template.id,
        templateVersion: template.version,
        targetId: 'tg-1',
        visitId: 'v-1',
        answers: unknown === undefined ? answers : { ...answers, 'zz-unknown': unknown },
        answeredAt,
      }),
    )
    .filter((r) => r.success)
    .map((r) => r.data);
}

/** Valid random templates: answer types with typed fields, and rules that fit them. */
const templates: fc.Arbitrary<ChecklistTemplate> = fc
  .record({
    fields: fc.uniqueArray(fc.tuple(fieldId, fc.constantFrom(...ChecklistValueTypeSchema.options)), {
      selector: ([f]) => f,
      maxLength: 5,
    }),
    itemIds: fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
    ruleSeeds: fc.array(fc.tuple(fc.nat(20), fc.nat(20), fc.constantFrom('met', 'not_met', 'not_applicable', 'answered'), fc.integer({ min: -2, max: 10 })), { maxLength: 12 }),
    criticalMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    tolerance: fc.nat(3),
    title: bilingual,
  })
  .map(({ fields, itemIds, ruleSeeds, criticalMask, tolerance, title }) => {
    const numeric = fields.filter(([, t]) => t === 'count' || t === 'decimal').map(([f]) => f);
    const all = fields.map(([f]) => f);
    const message = { vi: 'Lỗi', en: 'Broken' };
    const items = itemIds.map((itemId, index) => ({
      id: itemId,
      label: { vi: `Nội dung ${itemId}`, en: `Item ${itemId}` },
      critical: criticalMask[index] ?? false,
      required: index % 3 !== 2,
      answerType: 'figures',
      rules: ruleSeeds
        .filter(([target]) => target % itemIds.length === index)
        .map(
          ([, pick, when, n]) =>
            [
              { kind: 'requireNote', when, message },
              { kind: 'requireEvidence', evidenceKind: (['document', 'photo', 'screenshot', 'count'] as const)[pick % 4], minCount: 1 + (pick % 2), when, message },
              all.length > 0 ? { kind: 'requireField', field: all[pick % all.length], when, message } : null,
              numeric.length > 0 ? { kind: 'minValue', field: numeric[pick % numeric.length], min: n, when, message } : null,
              numeric.length > 1 ? { kind: 'fieldAtMost', field: numeric[0], otherField: numeric[1], when, message } : null,
              { kind: 'notApplicableForbidden', message },
              numeric.length > 0 ? { kind: 'derivedNotMet', field: numeric[pick % numeric.length], greaterThan: n, message } : null,
            ][pick % 7],
        )
        .filter((rule) => rule !== null),
    }));
    const sections = [items.slice(0, 2), items.slice(2, 4), items.slice(4)].filter((s) => s.length > 0).map((s, i) => ({ id: `s${i}`, title, items: s }));
    return ChecklistTemplateSchema.parse({
      id: 'random',
      version: '3.1',
      title,
      answerTypes: { figures: { label: title, fields: Object.fromEntries(fields.map(([f, valueType]) => [f, { label: title, valueType }])) } },
      sections,
      compliance: { nonCriticalNotMetTolerance: tolerance },
      plugins: [],
    });
  });

const templateWithResponse = fc.oneof(
  responses(PC_COVID_CHECKLIST_V1).map((response) => ({ template: PC_COVID_CHECKLIST_V1, response })),
  templates.chain((template) => responses(template).map((response) => ({ template, response }))),
);

const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('checklist properties', () => {
  it('evaluates every schema-valid response without throwing, consistently with its own rules', () => {
    fc.assert(
      fc.property(templateWithResponse, ({ template, response }) => {
        const result = evaluateChecklist(template, response);
        expect(ChecklistEvaluationSchema.safeParse(result).success).toBe(true);
        for (const item of result.items) expect(item.verdict === 'invalid').toBe(item.violations.length > 0);
        if (result.items.some((i) => i.critical && i.verdict === 'not_met')) expect(result.unit.verdict).toBe('non_compliant');
        if (result.unit.verdict === 'compliant') {
          expect(result.requiredAnswered).toBe(true);
          expect(result.items.some((i) => i.verdict === 'invalid')).toBe(false);
        }
        expect(evaluateChecklist(template, response)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('keeps every valid template and response unchanged through a JSON round trip and a parse', () => {
    fc.assert(
      fc.property(templateWithResponse, ({ template, response }) => {
        expect(ChecklistTemplateSchema.parse(roundTrip(template))).toEqual(template);
        expect(ChecklistResponseSchema.parse(roundTrip(response))).toEqual(response);
        expect(ChecklistResponseSchema.parse(response)).toEqual(response);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
