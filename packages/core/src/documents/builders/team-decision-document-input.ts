import { z } from 'zod';
import { CivilDateRangeSchema, CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';
import { DocumentSignerInputSchema } from './inputs/document-signer-input.js';
import { LegalReferenceInputSchema } from './inputs/legal-reference-input.js';
import { DocumentTeamMemberInputSchema, InspectionTeamKindSchema, checkOneLead } from './inputs/team-member-input.js';
import { RecipientsBlockSchema } from '../model/recipients-block.js';

/**
 * Everything a decision forming an inspection team (Quyết định thành lập Tổ/Đoàn kiểm tra, QĐ)
 * needs: who decides, the legal bases ("Căn cứ …", as references or free text), who proposed it,
 * the members with their roles, the team's duties and period, and who carries it out.
 * The builder writes Điều 1 (the team and its members), Điều 2 (duties, period, dissolution),
 * Điều 3 (entry into force and who executes it).
 *
 * @example
 * ```ts
 * const doc = buildTeamDecisionDocument({ issuer, date: '2021-11-30', subject: 'Tổ kiểm tra …', … });
 * ```
 */
export const TeamDecisionDocumentInputSchema = z
  .object({
    issuer: DocumentIssuerInputSchema,
    /** The registered number, or `null` to leave it blank. @default null */
    number: z.number().int().positive().nullable().default(null),
    date: CivilDateSchema,
    /** @default false */
    blankDay: z.boolean().default(false),
    /** `to` (Tổ kiểm tra) or `doan` (Đoàn kiểm tra). @default 'to' */
    teamKind: InspectionTeamKindSchema.default('to'),
    /** The team's full name after "thành lập": "Tổ kiểm tra việc triển khai hệ thống PC-Covid …". */
    subject: TextSchema,
    /** The deciding authority, upper case, printed centred bold ("GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG"). */
    decider: TextSchema,
    /** Legal bases: references, or full free-text lines without "Căn cứ". */
    basis: z.array(z.union([TextSchema, LegalReferenceInputSchema])).min(1),
    /** Who proposed the decision ("Chánh Thanh tra Sở"). */
    proposer: TextSchema,
    /** The members, in any order (printed lead, deputies, members, secretary). */
    members: z.array(DocumentTeamMemberInputSchema).min(1),
    /** The team's duties (Điều 2), each without closing punctuation. */
    duties: z.array(TextSchema).min(1),
    /** When the team works. */
    period: CivilDateRangeSchema,
    /** Who must execute the decision (Điều 3), besides the members. */
    executors: z.array(TextSchema).min(1),
    recipients: RecipientsBlockSchema,
    signer: DocumentSignerInputSchema,
  })
  .superRefine((d, ctx) => checkOneLead(d.members, ctx, ['members']));
/**
 * A team decision's data as a caller passes it (see {@link TeamDecisionDocumentInputSchema}).
 *
 * @example
 * ```ts
 * const input: TeamDecisionDocumentInput = { ...draft, number: 12 };
 * ```
 */
export type TeamDecisionDocumentInput = z.input<typeof TeamDecisionDocumentInputSchema>;
