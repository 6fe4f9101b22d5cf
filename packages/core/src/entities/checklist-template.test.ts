import { describe, expect, it } from 'vitest';
import { PC_COVID_CHECKLIST_V1 } from '../checklist/pc-covid-checklist-v1.js';
import { ChecklistTemplateSchema, ChecklistVersionSchema } from './checklist-template.js';
import type { ChecklistTemplate } from './checklist-template.js';

/** A mutable deep copy of V1 to break on purpose. */
const copy = (): ChecklistTemplate => JSON.parse(JSON.stringify(PC_COVID_CHECKLIST_V1)) as ChecklistTemplate;
const issuesOf = (template: unknown) => {
  const result = ChecklistTemplateSchema.safeParse(template);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('ChecklistTemplateSchema', () => {
  it('accepts versions with a numeric base and one +plugin@version per plugin', () => {
    for (const ok of ['1', '1.2', '2.0.1', '1+qr-verify@1', '1+qr-verify@1.0+staff-survey@2']) expect(ChecklistVersionSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['', 'v1', '1+', '1+QR@1', '1+qr-verify', '1.2.3.4']) expect(ChecklistVersionSchema.safeParse(bad).success).toBe(false);
  });

  it('requires the version suffix to match the applied plugins, in order', () => {
    const template = { ...copy(), version: '1+qr-verify@1' };
    expect(issuesOf(template)).toEqual([{ path: ['version'], message: 'the version must end with "" (one +id@version per applied plugin, in order)' }]);
    expect(ChecklistTemplateSchema.safeParse({ ...template, plugins: [{ id: 'qr-verify', version: '1' }] }).success).toBe(true);
  });

  it('rejects section and item ids used twice, and the reserved id __proto__', () => {
    const template = copy();
    template.sections[1]!.id = 'a';
    template.sections[2]!.items[0]!.id = 'a1';
    template.sections[2]!.items[1]!.id = '__proto__';
    expect(issuesOf(template).map((i) => i.path)).toEqual([
      ['sections', 1, 'id'],
      ['sections', 2, 'items', 0, 'id'],
      ['sections', 2, 'items', 1, 'id'],
    ]);
  });

  it('rejects an item whose answer type is not defined', () => {
    const template = copy();
    template.sections[0]!.items[0]!.answerType = 'missing';
    expect(issuesOf(template)).toEqual([{ path: ['sections', 0, 'items', 0, 'answerType'], message: 'answer type "missing" is not defined in answerTypes' }]);
  });

  it('rejects rules on fields the answer type lacks, or numeric rules on non-numeric fields', () => {
    const template = copy();
    const b2 = template.sections[1]!.items[1]!;
    b2.rules.push(
      { kind: 'minValue', field: 'legacyCodePosted', min: 1, when: 'met', message: { vi: 'x', en: 'x' } },
      { kind: 'requireField', field: 'pointsCount', when: 'met', message: { vi: 'x', en: 'x' } },
      { kind: 'fieldAtMost', field: 'postedSizeCm', otherField: 'postedSizeCm', when: 'met', message: { vi: 'x', en: 'x' } },
    );
    expect(issuesOf(template).map((i) => [i.path.slice(-1)[0], i.message])).toEqual([
      ['field', 'field "legacyCodePosted" must be a count or decimal field for a minValue rule'],
      ['field', `field "pointsCount" is not a field of this item's answer type`],
      ['otherField', 'a field cannot be compared with itself'],
    ]);
  });

  it('rejects custom rules and answer types of plugins that are not applied', () => {
    const template = copy();
    template.sections[0]!.items[0]!.rules.push({ kind: 'custom', type: 'qr-verify:payload', when: 'met', params: {}, message: { vi: 'x', en: 'x' } });
    template.answerTypes.none!.providedBy = 'qr-verify';
    expect(issuesOf(template).map((i) => i.path)).toEqual([
      ['answerTypes', 'none', 'providedBy'],
      ['sections', 0, 'items', 0, 'rules', 3, 'type'],
    ]);
  });

  it('rejects a plugin listed twice', () => {
    const template = {
      ...copy(),
      version: '1+x@1+x@1',
      plugins: [
        { id: 'x', version: '1' },
        { id: 'x', version: '1' },
      ],
    };
    expect(issuesOf(template).map((i) => i.path)).toEqual([['plugins', 1, 'id']]);
  });

  it('normalises -0 thresholds to 0 so a template survives JSON unchanged', () => {
    const template = copy();
    template.sections[1]!.items[0]!.rules[1] = { kind: 'minValue', field: 'pointsCount', min: -0, when: 'met', message: { vi: 'x', en: 'x' } };
    const parsed = ChecklistTemplateSchema.parse(template);
    expect(Object.is((parsed.sections[1]!.items[0]!.rules[1] as { min: number }).min, 0)).toBe(true);
  });
});
