import { z } from 'zod';
import { DocumentReferenceSchema } from './document-reference.js';
import { boundedList, CivilDateRangeSchema, CivilDateSchema, IdSchema, INPUT_LIMITS, ShortTextSchema, TenantIdSchema, TextSchema } from './primitives.js';
import { SignerSchema } from './signer.js';
import { TargetTypeSchema } from './target-type.js';
import { PlanDocumentInputSchema } from '../documents/builders/plan-document-input.js';

/** Unannounced (đột xuất) or announced (theo kế hoạch, notified in advance). */
export const InspectionFormSchema = z.enum(['unannounced', 'announced']);
export type InspectionForm = z.infer<typeof InspectionFormSchema>;

/** One entry of the "Nơi nhận" block, e.g. `{ name: 'UBND tỉnh', note: 'b/c' }` → "- UBND tỉnh (b/c);". */
export const RecipientSchema = z.strictObject({
  name: ShortTextSchema,
  note: ShortTextSchema.nullable(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/**
 * The running text of a plan that is not structured data elsewhere: what is inspected (II.1),
 * time, places and form (II.2), the team (II.3), the tasks of each party (III) and the closing
 * request. When a campaign has none, the plan document derives it from the checklist and the
 * campaign's own fields.
 */
export const PlanNarrativeSchema = PlanDocumentInputSchema.pick({
  planSubject: true,
  contentItems: true,
  schedule: true,
  team: true,
  implementation: true,
  closingRequest: true,
});
export type PlanNarrative = z.infer<typeof PlanNarrativeSchema>;

/**
 * A campaign: the plan (Kế hoạch) and what it fixes — legal basis, purposes, period, form, the
 * target types in scope, the checklist version, who leads and who nominates members by when,
 * the signer and the recipients.
 *
 * @example
 * ```ts
 * const campaign = CampaignSchema.parse(seedCampaign); // see @pccovid-inspect/testkit/fixtures
 * ```
 */
export const CampaignSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  /** The plan's number once issued (null while a draft or issued without a number). */
  number: z.number().int().positive().nullable(),
  /** The symbol after the number: "KH-STTTT". */
  symbol: z
    .string()
    .max(INPUT_LIMITS.text.code)
    .regex(/^[\p{Lu}Đ]+(?:-[\p{Lu}\d&]+)+$/u, 'e.g. KH-STTTT'),
  /** Date on the plan (civil date). */
  issuedOn: CivilDateSchema,
  /** The issuing body (the Department) and its parent (the Provincial People's Committee). */
  issuingBodyId: IdSchema,
  parentBodyId: IdSchema.nullable(),
  /** Summary title ("trích yếu"). */
  title: ShortTextSchema,
  legalBasis: boundedList(DocumentReferenceSchema, INPUT_LIMITS.lists.legalBasis, 'căn cứ / legal bases').min(1, 'a plan cites at least one legal basis'),
  purposes: boundedList(TextSchema, INPUT_LIMITS.lists.planItems, 'mục đích / purposes').min(1),
  period: CivilDateRangeSchema,
  form: InspectionFormSchema,
  targetTypes: boundedList(TargetTypeSchema, INPUT_LIMITS.lists.planItems, 'loại đối tượng / target types').min(1),
  checklist: z.strictObject({ templateId: IdSchema, version: z.string().min(1).max(INPUT_LIMITS.text.version) }),
  /** Bodies that lead (the Department's Inspectorate and IT Division). */
  leadBodyIds: boundedList(IdSchema, INPUT_LIMITS.lists.planItems, 'cơ quan chủ trì / lead bodies').min(1),
  /** Bodies asked to nominate members, and by when. */
  nomination: z.strictObject({ bodyIds: boundedList(IdSchema, INPUT_LIMITS.lists.bodies, 'cơ quan / bodies'), deadline: CivilDateSchema }),
  signer: SignerSchema,
  recipients: boundedList(RecipientSchema, INPUT_LIMITS.lists.bodies, 'nơi nhận / recipients').min(1),
  /** The drafting unit in "- Lưu: VT, CNTT4." */
  archiveCode: z.string().min(1).max(INPUT_LIMITS.text.code),
  /** The plan's running text (see `PlanNarrativeSchema`); null to derive it. */
  planNarrative: PlanNarrativeSchema.nullable().default(null),
});
export type Campaign = z.infer<typeof CampaignSchema>;
