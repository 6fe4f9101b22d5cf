/**
 * `@pccovid-inspect/core/schemas` — the zod schema of every entity, and the checklist's
 * evaluation schemas, for apps that build forms or validate data of their own. Each schema has
 * its inferred type beside it (the types are also exported from the root).
 *
 * @example
 * ```ts
 * import { TargetSchema } from '@pccovid-inspect/core/schemas';
 * const target = TargetSchema.parse(row);
 * ```
 *
 * @packageDocumentation
 */
export * from '../entities/index.js';
export {
  ChecklistViolationSchema,
  ChecklistReasonCodeSchema,
  ChecklistReasonSchema,
  ChecklistVerdictSchema,
  ChecklistItemVerdictSchema,
  ChecklistItemEvaluationSchema,
  ChecklistSectionEvaluationSchema,
  ChecklistEvaluationSchema,
} from '../checklist/checklist-evaluation.js';
export { DocumentRefSchema } from '../service/commands/document-queries.js';
