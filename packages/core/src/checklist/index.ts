export { PC_COVID_CHECKLIST_V1 } from './pc-covid-checklist-v1.js';
export { evaluateChecklist, assertChecklistPinned } from './evaluate-checklist.js';
export type { EvaluateChecklistOptions } from './evaluate-checklist.js';
export { validateChecklistResponse } from './validate-checklist-response.js';
export type { ValidateChecklistResponseOptions } from './validate-checklist-response.js';
export { defineChecklistPlugin, defineChecklistRuleType } from './define-checklist-plugin.js';
export { applyChecklistPlugins } from './apply-checklist-plugins.js';
export type {
  ChecklistPlugin,
  ChecklistPluginDefinition,
  ChecklistPluginAnswerType,
  ChecklistRuleType,
  ChecklistRuleContext,
  ChecklistRuleOutcome,
  ChecklistEvidenceVerifier,
  ChecklistVerifierOutcome,
  ChecklistVerifierRecord,
} from './checklist-plugin.js';
export {
  ChecklistViolationSchema,
  ChecklistReasonCodeSchema,
  ChecklistReasonSchema,
  ChecklistVerdictSchema,
  ChecklistItemVerdictSchema,
  ChecklistItemEvaluationSchema,
  ChecklistSectionEvaluationSchema,
  ChecklistEvaluationSchema,
} from './checklist-evaluation.js';
export type {
  ChecklistViolation,
  ChecklistReasonCode,
  ChecklistReason,
  ChecklistVerdict,
  ChecklistItemVerdict,
  ChecklistItemEvaluation,
  ChecklistSectionEvaluation,
  ChecklistEvaluation,
} from './checklist-evaluation.js';
