import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChecklistResponseSchema } from '../entities/checklist-response.js';
import { ChecklistTemplateSchema } from '../entities/checklist-template.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { applyChecklistPlugins } from './apply-checklist-plugins.js';
import type { ChecklistPluginDefinition } from './checklist-plugin.js';
import { defineChecklistPlugin, defineChecklistRuleType } from './define-checklist-plugin.js';
import { evaluateChecklist } from './evaluate-checklist.js';
import { PC_COVID_CHECKLIST_V1 } from './pc-covid-checklist-v1.js';
import { QR_PHOTO, compliantAnswers, responseInput } from './test-support.js';

const PREFIX = 'https://qr.pccovid.gov.vn/';

const payloadStartsWith = defineChecklistRuleType({
  name: 'payloadStartsWith',
  params: z.object({ prefix: z.string().min(1) }),
  evaluate: ({ response, params }) => {
    const payload = response.fields.payload;
    return typeof payload === 'string' && payload.startsWith(params.prefix) ? { satisfied: true } : { satisfied: false, path: ['fields', 'payload'] };
  },
});

const qrVerifyDefinition: ChecklistPluginDefinition = {
  id: 'qr-verify',
  version: '1',
  answerTypes: [
    {
      id: 'qrPayload',
      label: { vi: 'Nội dung mã QR', en: 'QR payload' },
      fields: { payload: { label: { vi: 'Chuỗi đọc từ mã QR', en: 'Decoded payload' }, valueType: 'text' } },
      schema: z.object({ payload: z.string().max(512, 'at most 512 characters') }).partial(),
    },
  ],
  rules: [payloadStartsWith],
  items: [
    {
      sectionId: 'b',
      item: {
        id: 'b5',
        label: { vi: 'Mã QR niêm yết đọc ra đúng mã địa điểm của PC-Covid', en: 'The posted code decodes to a PC-Covid location code' },
        critical: false,
        required: true,
        answerType: 'qrPayload',
        rules: [
          {
            kind: 'custom',
            type: 'qr-verify:payloadStartsWith',
            when: 'met',
            params: { prefix: PREFIX },
            message: { vi: 'Chuỗi mã QR không phải mã địa điểm PC-Covid.', en: 'The payload is not a PC-Covid location code.' },
          },
        ],
      },
    },
  ],
  itemRules: {
    b2: [
      {
        kind: 'requireEvidence',
        evidenceKind: 'photo',
        minCount: 2,
        when: 'met',
        message: { vi: 'Cần hai ảnh: toàn cảnh và cận cảnh.', en: 'Two photos needed: wide and close-up.' },
      },
    ],
  },
  evidenceVerifiers: [
    {
      name: 'photoHashed',
      evidenceKind: 'photo',
      verify: (evidence) =>
        evidence.kind === 'photo' && evidence.sha256 !== undefined
          ? { ok: true }
          : { ok: false, messageVi: 'Ảnh chưa có mã băm SHA-256.', messageEn: 'The photo has no SHA-256 digest.' },
    },
  ],
};
const qrVerify = defineChecklistPlugin(qrVerifyDefinition);

const staffSurvey = defineChecklistPlugin({
  id: 'staff-survey',
  version: '2',
  sections: [
    {
      id: 'd',
      title: { vi: 'Khảo sát cán bộ', en: 'Staff survey' },
      items: [{ id: 'd1', label: { vi: 'Cán bộ biết cách quét mã QR', en: 'Staff know how to scan' }, critical: false, required: true, answerType: 'none', rules: [] }],
    },
  ],
});

const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [qrVerify]);
const closeUp = { ...QR_PHOTO, id: 'ev-photo-2', caption: 'Cận cảnh mã QR' };
const pluginAnswers = (b5Payload: string) => ({
  ...compliantAnswers(),
  b2: { answer: 'met' as const, fields: { postedSizeCm: 20 }, evidence: [QR_PHOTO, closeUp] },
  b5: { answer: 'met' as const, fields: { payload: b5Payload }, evidence: [] },
});
const respond = (answers: Parameters<typeof responseInput>[0], version = template.version) => ChecklistResponseSchema.parse(responseInput(answers, version));
const itemOf = (result: ReturnType<typeof evaluateChecklist>, id: string) => result.items.find((i) => i.itemId === id)!;

describe('checklist plugins', () => {
  it('refuses an id that is not text with CONFIGURATION_INVALID, even one String() cannot print (found by the reliability fuzz)', () => {
    for (const id of [Object.create(null) as object, { toString: () => ({}) }, ['x'], null]) {
      expect(() => defineChecklistPlugin({ id, version: '1' } as never)).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
    }
  });

  it('adds an item, an answer type and rules, deriving a new version without touching the original', () => {
    expect(template.version).toBe('1+qr-verify@1');
    expect(template.plugins).toEqual([{ id: 'qr-verify', version: '1' }]);
    expect(template.sections[1]?.items.map((i) => i.id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expect(template.answerTypes.qrPayload?.providedBy).toBe('qr-verify');
    expect(template.sections[1]?.items[1]?.rules.at(-1)).toMatchObject({ kind: 'requireEvidence', minCount: 2 });
    expect(PC_COVID_CHECKLIST_V1.version).toBe('1');
    expect(PC_COVID_CHECKLIST_V1.sections[1]?.items).toHaveLength(4);
    expect(ChecklistTemplateSchema.parse(JSON.parse(JSON.stringify(template)))).toEqual(template);
  });

  it('adds a section, and chains plugins into one derived version', () => {
    const both = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [qrVerify, staffSurvey]);
    expect(both.version).toBe('1+qr-verify@1+staff-survey@2');
    expect(both.sections.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(applyChecklistPlugins(template, [staffSurvey]).version).toBe(both.version);
  });

  it('evaluates plugin rules, answer-type schemas and evidence verifiers', () => {
    const ok = evaluateChecklist(template, respond(pluginAnswers(`${PREFIX}abc123`)), { plugins: [qrVerify] });
    expect(ok.unit.verdict).toBe('compliant');

    const legacy = evaluateChecklist(template, respond(pluginAnswers('https://qr.tokhaiyte.vn/xyz')), { plugins: [qrVerify] });
    expect(itemOf(legacy, 'b5').violations).toEqual([
      {
        rule: 'qr-verify:payloadStartsWith',
        messageVi: 'Chuỗi mã QR không phải mã địa điểm PC-Covid.',
        messageEn: 'The payload is not a PC-Covid location code.',
        path: ['answers', 'b5', 'fields', 'payload'],
      },
    ]);

    const notMetAnswers = {
      ...pluginAnswers('https://qr.tokhaiyte.vn/xyz'),
      b5: { answer: 'not_met' as const, note: 'Mã tokhaiyte', fields: { payload: 'https://qr.tokhaiyte.vn/xyz' }, evidence: [] },
    };
    expect(itemOf(evaluateChecklist(template, respond(notMetAnswers), { plugins: [qrVerify] }), 'b5').verdict).toBe('not_met');

    const long = evaluateChecklist(template, respond(pluginAnswers(PREFIX + 'x'.repeat(600))), { plugins: [qrVerify] });
    expect(itemOf(long, 'b5').violations[0]).toMatchObject({ rule: 'answerType', path: ['answers', 'b5', 'fields', 'payload'] });

    const { sha256: _sha, ...unhashed } = closeUp;
    const answers = { ...pluginAnswers(`${PREFIX}abc`), b2: { answer: 'met' as const, fields: { postedSizeCm: 20 }, evidence: [QR_PHOTO, unhashed] } };
    const unverified = evaluateChecklist(template, respond(answers), { plugins: [qrVerify] });
    expect(itemOf(unverified, 'b2').violations).toEqual([
      { rule: 'qr-verify:photoHashed', messageVi: 'Ảnh chưa có mã băm SHA-256.', messageEn: 'The photo has no SHA-256 digest.', path: ['answers', 'b2', 'evidence', 1] },
    ]);
  });

  it('applies a rule added to an existing item', () => {
    const answers = { ...pluginAnswers(`${PREFIX}abc`), b2: { answer: 'met' as const, fields: { postedSizeCm: 20 }, evidence: [QR_PHOTO] } };
    expect(itemOf(evaluateChecklist(template, respond(answers), { plugins: [qrVerify] }), 'b2').violations[0]?.messageEn).toBe('Two photos needed: wide and close-up.');
  });

  it('needs the plugins a template was built with, in their versions', () => {
    const response = respond(pluginAnswers(`${PREFIX}abc`));
    expect(() => evaluateChecklist(template, response)).toThrow(ConfigurationError);
    const v2 = defineChecklistPlugin({ ...qrVerifyDefinition, version: '2' });
    expect(() => evaluateChecklist(template, response, { plugins: [v2] })).toThrow(/qr-verify@1.*got version 2/);
    expect(evaluateChecklist(template, response, { plugins: [qrVerify, staffSurvey] }).unit.verdict).toBe('compliant');
  });

  it('keeps a visit pinned: a V1 response is not evaluated against the derived version, nor the reverse', () => {
    expect(() => evaluateChecklist(template, ChecklistResponseSchema.parse(responseInput(compliantAnswers())), { plugins: [qrVerify] })).toThrow(ValidationError);
    expect(() => evaluateChecklist(PC_COVID_CHECKLIST_V1, respond(pluginAnswers(`${PREFIX}a`)))).toThrow(ValidationError);
  });

  describe('conflicts', () => {
    const conflictOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(ConfigurationError.isInstance(error)).toBe(true);
        return (error as ConfigurationError).messageEn;
      }
      throw new Error('expected a ConfigurationError');
    };

    it('rejects a plugin listed twice or applied again', () => {
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [qrVerify, qrVerify]))).toContain('already applied');
      expect(conflictOf(() => applyChecklistPlugins(template, [qrVerify]))).toContain('already applied');
    });

    it('rejects section, item and answer-type ids that already exist', () => {
      const section = defineChecklistPlugin({ id: 'dup-section', version: '1', sections: [{ ...staffSurvey.sections[0]!, id: 'b' }] });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [section]))).toContain('section "b" already exists');
      const item = defineChecklistPlugin({ id: 'dup-item', version: '1', items: [{ sectionId: 'c', item: { ...staffSurvey.sections[0]!.items[0]!, id: 'b2' } }] });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [item]))).toContain('item "b2" already exists');
      const answerType = defineChecklistPlugin({ id: 'dup-type', version: '1', answerTypes: [{ ...qrVerifyDefinition.answerTypes![0]!, id: 'none' }] });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [answerType]))).toContain('answer type "none" already exists');
      const across = defineChecklistPlugin({ id: 'dup-across', version: '1', sections: [{ ...staffSurvey.sections[0]!, id: 'e' }] });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [staffSurvey, across]))).toContain('item "d1" already exists');
    });

    it('rejects items and rules aimed at a section or item that does not exist', () => {
      const noSection = defineChecklistPlugin({ id: 'lost-item', version: '1', items: [{ sectionId: 'z', item: staffSurvey.sections[0]!.items[0]! }] });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [noSection]))).toContain('no section "z"');
      const noItem = defineChecklistPlugin({ id: 'lost-rule', version: '1', itemRules: { z9: qrVerifyDefinition.itemRules!.b2! } });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [noItem]))).toContain('no item "z9"');
    });

    it('rejects a custom rule of a plugin that is not applied, and rules on fields the item lacks', () => {
      const foreign = defineChecklistPlugin({ id: 'foreign', version: '1', itemRules: { b1: [{ ...qrVerifyDefinition.items![0]!.item.rules[0]! }] } });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [foreign]))).toContain('plugin "qr-verify", which is not applied');
      const badField = defineChecklistPlugin({
        id: 'bad-field',
        version: '1',
        itemRules: { b1: [{ kind: 'requireField', field: 'colour', when: 'met', message: { vi: 'x', en: 'x' } }] },
      });
      expect(conflictOf(() => applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [badField]))).toContain('invalid template');
    });

    it('rejects invalid or self-conflicting plugin definitions', () => {
      expect(conflictOf(() => defineChecklistPlugin({ id: 'QR Verify', version: '1' }))).toContain('invalid id');
      expect(conflictOf(() => defineChecklistPlugin({ id: 'x', version: 'one' }))).toContain('invalid version');
      expect(conflictOf(() => defineChecklistPlugin({ id: 'x', version: '1', rules: [payloadStartsWith, payloadStartsWith] }))).toContain('rule type "payloadStartsWith" twice');
      const withoutType = { ...qrVerifyDefinition, rules: [] };
      expect(conflictOf(() => defineChecklistPlugin(withoutType))).toContain('no rule type "qr-verify:payloadStartsWith"');
      const badParams = {
        ...qrVerifyDefinition,
        items: [{ sectionId: 'b', item: { ...qrVerifyDefinition.items![0]!.item, rules: [{ ...qrVerifyDefinition.items![0]!.item.rules[0]!, params: {} }] } }],
      };
      expect(conflictOf(() => defineChecklistPlugin(badParams as ChecklistPluginDefinition))).toContain('params of rule "qr-verify:payloadStartsWith" are invalid');
    });
  });

  it('turns a plugin rule that throws into a ConfigurationError, not a wrong verdict', () => {
    const broken = defineChecklistPlugin({
      ...qrVerifyDefinition,
      rules: [
        defineChecklistRuleType({
          name: 'payloadStartsWith',
          params: z.object({ prefix: z.string() }),
          evaluate: () => {
            throw new Error('boom');
          },
        }),
      ],
    });
    const brokenTemplate = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [broken]);
    expect(() => evaluateChecklist(brokenTemplate, respond(pluginAnswers('x')), { plugins: [broken] })).toThrow(ConfigurationError);
  });

  it('finds plugin items by own key even when named like Object.prototype members', () => {
    const odd = defineChecklistPlugin({ id: 'odd', version: '1', items: [{ sectionId: 'c', item: { ...staffSurvey.sections[0]!.items[0]!, id: 'constructor' } }] });
    const oddTemplate = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [odd]);
    const result = evaluateChecklist(oddTemplate, ChecklistResponseSchema.parse(responseInput(compliantAnswers(), oddTemplate.version)), { plugins: [odd] });
    expect(itemOf(result, 'constructor')).toMatchObject({ verdict: 'unanswered', answer: null });
    expect(result.unit.verdict).toBe('incomplete');
  });
});
