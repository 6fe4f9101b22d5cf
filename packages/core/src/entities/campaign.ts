import { z } from 'zod';
import { DocumentReferenceSchema } from './document-reference.js';
import { CivilDateRangeSchema, CivilDateSchema, IdSchema, TextSchema } from './primitives.js';
import { SignerSchema } from './signer.js';
import { TargetTypeSchema } from './target-type.js';
import { PlanDocumentInputSchema } from '../documents/builders/plan-document-input.js';

/** Unannounced (đột xuất) or announced (theo kế hoạch, notified in advance). */
export const InspectionFormSchema = z.enum(['unannounced', 'announced']);
export type InspectionForm = z.infer<typeof InspectionFormSchema>;

/** One entry of the "Nơi nhận" block, e.g. `{ name: 'UBND tỉnh', note: 'b/c' }` → "- UBND tỉnh (b/c);". */
export const RecipientSchema = z.strictObject({
  name: TextSchema,
  note: TextSchema.nullable(),
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
  tenantId: z.string().min(1),
  id: IdSchema,
  /** The plan's number once issued (null while a draft or issued without a number). */
  number: z.number().int().positive().nullable(),
  /** The symbol after the number: "KH-STTTT". */
  symbol: z.string().regex(/^[\p{Lu}Đ]+(?:-[\p{Lu}\d&]+)+$/u, 'e.g. KH-STTTT'),
  /** Date on the plan (civil date). */
  issuedOn: CivilDateSchema,
  /** The issuing body (the Department) and its parent (the Provincial People's Committee). */
  issuingBodyId: IdSchema,
  parentBodyId: IdSchema.nullable(),
  /** Summary title ("trích yếu"). */
  title: TextSchema,
  legalBasis: z.array(DocumentReferenceSchema).min(1, 'a plan cites at least one legal basis'),
  purposes: z.array(TextSchema).min(1),
  period: CivilDateRangeSchema,
  form: InspectionFormSchema,
  targetTypes: z.array(TargetTypeSchema).min(1),
  checklist: z.strictObject({ templateId: IdSchema, version: z.string().min(1) }),
  /** Bodies that lead (the Department's Inspectorate and IT Division). */
  leadBodyIds: z.array(IdSchema).min(1),
  /** Bodies asked to nominate members, and by when. */
  nomination: z.strictObject({ bodyIds: z.array(IdSchema), deadline: CivilDateSchema }),
  signer: SignerSchema,
  recipients: z.array(RecipientSchema).min(1),
  /** The drafting unit in "- Lưu: VT, CNTT4." */
  archiveCode: z.string().min(1),
  /** The plan's running text (see `PlanNarrativeSchema`); null to derive it. */
  planNarrative: PlanNarrativeSchema.nullable().default(null),
});
export type Campaign = z.infer<typeof CampaignSchema>;
