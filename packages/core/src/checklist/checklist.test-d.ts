import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ChecklistAnswer } from '../entities/checklist-answer.js';
import type { ChecklistRule, ChecklistRuleKind } from '../entities/checklist-rule.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import type { Evidence } from '../entities/evidence.js';
import { PC_COVID_CHECKLIST_V1, applyChecklistPlugins, defineChecklistPlugin, defineChecklistRuleType, evaluateChecklist, validateChecklistResponse } from './index.js';
import type { ChecklistEvaluation, ChecklistItemVerdict, ChecklistPlugin, ChecklistRuleType, ChecklistVerdict } from './index.js';

describe('checklist types', () => {
  it('exposes answers, verdicts and rule kinds as closed unions', () => {
    expectTypeOf<ChecklistAnswer>().toEqualTypeOf<'met' | 'not_met' | 'not_applicable'>();
    expectTypeOf<ChecklistVerdict>().toEqualTypeOf<'compliant' | 'non_compliant' | 'incomplete'>();
    expectTypeOf<ChecklistItemVerdict>().toEqualTypeOf<ChecklistAnswer | 'unanswered' | 'invalid'>();
    expectTypeOf<ChecklistRuleKind>().toEqualTypeOf<
      'requireNote' | 'requireEvidence' | 'requireField' | 'minValue' | 'fieldAtMost' | 'notApplicableForbidden' | 'derivedNotMet' | 'custom'
    >();
    expectTypeOf<Evidence['kind']>().toEqualTypeOf<'document' | 'photo' | 'screenshot' | 'count'>();
    expectTypeOf<Extract<ChecklistRule, { kind: 'minValue' }>['min']>().toEqualTypeOf<number>();
  });

  it('types the public functions', () => {
    expectTypeOf(PC_COVID_CHECKLIST_V1).toEqualTypeOf<ChecklistTemplate>();
    expectTypeOf(evaluateChecklist).returns.toEqualTypeOf<ChecklistEvaluation>();
    expectTypeOf(applyChecklistPlugins).returns.toEqualTypeOf<ChecklistTemplate>();
    expectTypeOf(validateChecklistResponse).parameter(1).toEqualTypeOf<unknown>();
    expectTypeOf(defineChecklistPlugin).returns.toEqualTypeOf<ChecklistPlugin>();
  });

  it('infers plugin rule params from their zod schema', () => {
    const rule = defineChecklistRuleType({
      name: 'maxEvidence',
      params: z.object({ max: z.number().int() }),
      evaluate: ({ response, params }) => {
        expectTypeOf(params).toEqualTypeOf<{ max: number }>();
        return response.evidence.length <= params.max ? { satisfied: true } : { satisfied: false, path: ['evidence'] };
      },
    });
    expectTypeOf(rule).toEqualTypeOf<ChecklistRuleType<{ max: number }>>();
    expectTypeOf(rule).toExtend<ChecklistRuleType>();
  });
});
