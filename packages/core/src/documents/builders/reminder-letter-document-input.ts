import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';
import { DocumentSignerInputSchema } from './inputs/document-signer-input.js';
import { LegalReferenceInputSchema } from './inputs/legal-reference-input.js';
import { RecipientsBlockSchema } from '../model/recipients-block.js';

/**
 * Everything an official letter reminding a non-compliant unit (công văn nhắc nhở, CV) needs:
 * the drafting unit (for the symbol "125/STTTT-TTr"), the "V/v …" subject, the addressee, the
 * inspection it follows, the shortcomings found, what to do, the deadline and the consequence.
 *
 * @example
 * ```ts
 * const letter = buildReminderLetterDocument({ issuer, draftingUnit: 'TTr', subject: 'nhắc nhở khắc phục tồn tại …', … });
 * ```
 */
export const ReminderLetterDocumentInputSchema = z
  .object({
    issuer: DocumentIssuerInputSchema,
    /** @default null */
    number: z.number().int().positive().nullable().default(null),
    date: CivilDateSchema,
    /** @default false */
    blankDay: z.boolean().default(false),
    /** The drafting unit's abbreviation in the symbol ("TTr" in "125/STTTT-TTr"). */
    draftingUnit: TextSchema.pipe(z.string().regex(/^\S+$/u, 'no spaces in a unit abbreviation')),
    /** The subject after "V/v " (lower-case start). */
    subject: TextSchema,
    /** The unit written to. */
    addressee: TextSchema,
    /** The inspection the letter follows. */
    inspection: z.strictObject({
      date: CivilDateSchema,
      /** @default 'Tổ kiểm tra' */
      teamName: TextSchema.default('Tổ kiểm tra'),
      /** What was checked ("việc triển khai hệ thống PC-Covid và quét mã QR"). */
      scope: TextSchema,
      /** The minutes or notice recording it; `null` for none. @default null */
      record: LegalReferenceInputSchema.nullable().default(null),
    }),
    /** Shortcomings found, each without closing punctuation. */
    issues: z.array(TextSchema).min(1),
    /** What the unit must do, each without closing punctuation. */
    requests: z.array(TextSchema).min(1),
    /** Deadline to fix and report. */
    deadline: CivilDateSchema,
    /** Where to report; default the issuer. @default null */
    reportTo: TextSchema.nullable().default(null),
    /** Which reminder this is (1 = first). @default 1 */
    reminderNumber: z.number().int().min(1).max(20).default(1),
    /**
     * The stage of the follow-up this letter is: `reminder` (nhắc nhở), `secondReminder` (nhắc nhở
     * lần 2), `deadline` (ấn định thời hạn), `final` (nhắc nhở lần cuối, before a sanction is
     * proposed). `null` takes it from `reminderNumber` (1, 2, 3, 4 and later). @default null
     */
    stage: z.enum(['reminder', 'secondReminder', 'deadline', 'final']).nullable().default(null),
    /**
     * The documents that already asked the unit to remedy (the minutes, the results notice, the
     * earlier letters), oldest first, each with the deadline it gave; the letter recalls them and
     * that the last deadline has passed. @default []
     */
    priorDocuments: z.array(z.strictObject({ reference: LegalReferenceInputSchema, deadline: CivilDateSchema.nullable().default(null) })).default([]),
    /** What happens after the deadline; default: report to the province and propose sanctions. @default null */
    consequence: TextSchema.nullable().default(null),
    recipients: RecipientsBlockSchema,
    signer: DocumentSignerInputSchema,
  })
  .superRefine((l, ctx) => {
    if (l.deadline <= l.date) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'the deadline must come after the letter date' });
    if (l.inspection.date > l.date) ctx.addIssue({ code: 'custom', path: ['inspection', 'date'], message: 'the letter cannot predate the inspection' });
    l.priorDocuments.forEach((p, i) => {
      if (p.reference.date !== null && p.reference.date > l.date)
        ctx.addIssue({ code: 'custom', path: ['priorDocuments', i, 'reference', 'date'], message: 'an earlier document cannot postdate the letter' });
      if (p.deadline !== null && p.deadline >= l.date)
        ctx.addIssue({ code: 'custom', path: ['priorDocuments', i, 'deadline'], message: 'a reminder follows only deadlines that have passed' });
    });
  });
/**
 * Reminder-letter data as a caller passes it (see {@link ReminderLetterDocumentInputSchema}).
 *
 * @example
 * ```ts
 * const input: ReminderLetterDocumentInput = { ...first, reminderNumber: 2, deadline: '2022-01-10' };
 * ```
 */
export type ReminderLetterDocumentInput = z.input<typeof ReminderLetterDocumentInputSchema>;
