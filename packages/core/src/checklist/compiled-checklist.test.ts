import { describe, expect, it } from 'vitest';
import { ChecklistTemplateSchema } from '../entities/checklist-template.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { applyChecklistPlugins } from './apply-checklist-plugins.js';
import { checklistRegistryBuildCount } from './checklist-registry.js';
import { compiledChecklist } from './compiled-checklist.js';
import { defineChecklistPlugin } from './define-checklist-plugin.js';
import { evaluateChecklist } from './evaluate-checklist.js';
import { PC_COVID_CHECKLIST_V1 } from './pc-covid-checklist-v1.js';
import { compliantAnswers, notMet, responseInput, v1Response } from './test-support.js';
import { validateChecklistResponse } from './validate-checklist-response.js';

const photoHashed = (version: string) =>
  defineChecklistPlugin({
    id: 'photo-hashed',
    version,
    evidenceVerifiers: [
      {
        name: 'photoHashed',
        evidenceKind: 'photo',
        verify: (evidence) =>
          evidence.kind === 'photo' && evidence.sha256 !== undefined ? { ok: true } : { ok: false, messageVi: 'Ảnh thiếu SHA-256.', messageEn: 'The photo has no SHA-256.' },
      },
    ],
  });

describe('the compiled template cache', () => {
  it('builds the registry once per template, however many responses are evaluated or validated', () => {
    const template = ChecklistTemplateSchema.parse(PC_COVID_CHECKLIST_V1); // a template object not evaluated yet
    const before = checklistRegistryBuildCount();
    const first = evaluateChecklist(template, v1Response());
    const second = evaluateChecklist(template, v1Response({ b3: notMet('Không có người hướng dẫn') }));
    validateChecklistResponse(template, responseInput(compliantAnswers()));
    expect(() => validateChecklistResponse(template, responseInput({ ...compliantAnswers(), b3: { answer: 'not_met', fields: {}, evidence: [] } }))).toThrow();
    expect(checklistRegistryBuildCount() - before).toBe(1);
    expect(first.unit.verdict).toBe('compliant');
    expect(second.unit.verdict).toBe('non_compliant');
    expect(compiledChecklist(template, [])).toBe(compiledChecklist(template, []));
  });

  it('reuses it for the same plugins passed in a new array, and compiles again for other plugin objects', () => {
    const plugin = photoHashed('1');
    const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [plugin]);
    const response = v1Response({}, template.version);
    const before = checklistRegistryBuildCount();
    evaluateChecklist(template, response, { plugins: [plugin] });
    evaluateChecklist(template, response, { plugins: [photoHashed('2'), plugin].slice(1) });
    expect(checklistRegistryBuildCount() - before).toBe(1);
    evaluateChecklist(template, response, { plugins: [photoHashed('1')] }); // an equal but distinct plugin object
    expect(checklistRegistryBuildCount() - before).toBe(2);
  });

  it('still refuses a missing or wrong-version plugin on every call', () => {
    const plugin = photoHashed('1');
    const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [plugin]);
    const response = v1Response({}, template.version);
    evaluateChecklist(template, response, { plugins: [plugin] });
    for (let i = 0; i < 2; i++) {
      expect(() => evaluateChecklist(template, response)).toThrow(ConfigurationError);
      expect(() => evaluateChecklist(template, response, { plugins: [photoHashed('2')] })).toThrow(ConfigurationError);
    }
  });
});
