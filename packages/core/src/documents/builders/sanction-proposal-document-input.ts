import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';
import { DocumentSignerInputSchema } from './inputs/document-signer-input.js';
import { LegalReferenceInputSchema } from './inputs/legal-reference-input.js';
import { RecipientsBlockSchema } from '../model/recipients-block.js';

/**
 * Everything the letter proposing a sanction (công văn đề nghị xử lý vi phạm, CV) needs: the
 * competent authority it is addressed to (a kiểm tra team proposes, it does not fine), the unit
 * and its inspection, the shortcomings with their figures, every document that already asked for
 * a remedy with its deadline, the legal provision the proposal rests on (e.g. "Khoản 2 Điều 14
 * Nghị định số 117/2020/NĐ-CP"), and the file sent with it.
 *
 * @example
 * ```ts
 * const letter = buildSanctionProposalDocument({ issuer, date: '2022-01-24', addressee: 'Chủ tịch UBND thành phố Hà Tĩnh', … });
 * ```
 */
export const SanctionProposalDocumentInputSchema = z
  .object({
    issuer: DocumentIssuerInputSchema,
    /** @default null */
    number: z.number().int().positive().nullable().default(null),
    date: CivilDateSchema,
    /** @default false */
    blankDay: z.boolean().default(false),
    /** The drafting unit's abbreviation in the symbol ("TTr" in "05/STTTT-TTr"). */
    draftingUnit: TextSchema.pipe(z.string().regex(/^\S+$/u, 'no spaces in a unit abbreviation')),
    /** The competent authority written to ("Chủ tịch UBND thành phố Hà Tĩnh"). */
    addressee: TextSchema,
    /** The unit proposed for sanction. */
    unit: z.strictObject({ name: TextSchema, address: TextSchema.nullable().default(null) }),
    /** The inspection the proposal follows. */
    inspection: z.strictObject({
      date: CivilDateSchema,
      /** @default 'Tổ kiểm tra' */
      teamName: TextSchema.default('Tổ kiểm tra'),
      scope: TextSchema,
      /** The plan the inspection implemented. */
      implementing: z.array(LegalReferenceInputSchema).min(1),
    }),
    /** The shortcomings found, with their figures, each without closing punctuation. */
    issues: z.array(TextSchema).min(1),
    /** The documents that asked for a remedy, oldest first, with their deadlines. */
    priorDocuments: z.array(z.strictObject({ reference: LegalReferenceInputSchema, deadline: CivilDateSchema.nullable().default(null) })).min(1),
    /** The provision the proposal rests on, as cited ("Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP"). */
    legalBasis: TextSchema,
    /** The file sent with the letter (minutes, notice, letters …). @default [] */
    enclosures: z.array(TextSchema).default([]),
    recipients: RecipientsBlockSchema,
    signer: DocumentSignerInputSchema,
  })
  .superRefine((l, ctx) => {
    if (l.inspection.date > l.date) ctx.addIssue({ code: 'custom', path: ['inspection', 'date'], message: 'the letter cannot predate the inspection' });
    l.priorDocuments.forEach((p, i) => {
      if (p.deadline !== null && p.deadline >= l.date)
        ctx.addIssue({ code: 'custom', path: ['priorDocuments', i, 'deadline'], message: 'a sanction is proposed only after the deadlines given have passed' });
    });
  });
/**
 * Sanction-proposal data as a caller passes it (see {@link SanctionProposalDocumentInputSchema}).
 *
 * @example
 * ```ts
 * const input: SanctionProposalDocumentInput = { ...draft, number: 5 };
 * ```
 */
export type SanctionProposalDocumentInput = z.input<typeof SanctionProposalDocumentInputSchema>;
