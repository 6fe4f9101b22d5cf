import { z } from 'zod';
import { CivilDateRangeSchema, CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { PortalUnitFiguresSchema } from './results-report-document-input.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';
import { LegalReferenceInputSchema } from './inputs/legal-reference-input.js';
import { DocumentTeamMemberInputSchema, InspectionTeamKindSchema, checkOneLead } from './inputs/team-member-input.js';
import { VerdictSchema } from '../../entities/finding.js';
import { DocumentRequestInputSchema, NOT_MET_NEEDS_NOTE, notMetHasNote } from './inputs/finding-input.js';

/**
 * A wall-clock moment of a visit: a civil date and a local time `HH:mm` (Asia/Ho_Chi_Minh).
 *
 * @example
 * ```ts
 * LocalMomentSchema.parse({ date: '2021-12-07', time: '08:30' })
 * ```
 */
export const LocalMomentSchema = z.strictObject({
  date: CivilDateSchema,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:mm, 00:00–23:59'),
});

/**
 * Everything the minutes of one inspection visit (Biên bản kiểm tra, BB — Decree 30 Mẫu 1.9,
 * adapted) need: when and where, on what basis, who attended on each side, the findings item by
 * item grouped by checklist section, the unit's explanation, the team's assessment and requests
 * with deadlines, the closing time and copies, and how it was signed — by the unit's first
 * representative and the team lead (optionally the secretary), or with a recorded refusal.
 *
 * @example
 * ```ts
 * const doc = buildMinutesDocument({ issuer, unit: { name: 'Chợ Hà Tĩnh', address: '…' }, start, end, … });
 * ```
 */
export const MinutesDocumentInputSchema = z
  .object({
    /** The body issuing the minutes — e.g. parent "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", name "TỔ KIỂM TRA PC-COVID". */
    issuer: DocumentIssuerInputSchema,
    /** The number if the team numbers its minutes; `null` for a blank number. @default null */
    number: z.number().int().positive().nullable().default(null),
    /** Print the "Số" line at all. @default true */
    showNumber: z.boolean().default(true),
    /** What was checked, for the title ("Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR"). */
    subject: TextSchema,
    /** The inspected unit. */
    unit: z.strictObject({ name: TextSchema, address: TextSchema }),
    start: LocalMomentSchema,
    end: LocalMomentSchema,
    /** The plan and decision the visit rests on. */
    basis: z.array(LegalReferenceInputSchema).min(1),
    /** @default 'to' */
    teamKind: InspectionTeamKindSchema.default('to'),
    /** The team members present (exactly one lead). */
    team: z.array(DocumentTeamMemberInputSchema).min(1),
    /** The unit's representatives present; the first signs. */
    unitRepresentatives: z.array(z.strictObject({ honorific: z.enum(['Ông', 'Bà']).nullable().default(null), fullName: TextSchema, position: TextSchema })).min(1),
    /** Checklist sections, in order, e.g. `{ code: 'a', title: 'Công tác chỉ đạo …' }`. */
    sections: z.array(z.strictObject({ code: TextSchema, title: TextSchema })).min(1),
    /** Findings (as `DocumentFindingInput`), each tagged with its section code. */
    findings: z
      .array(
        z
          .object({
            /** The section code the item belongs to ("a", "b", "c"). */
            section: TextSchema,
            itemCode: TextSchema,
            label: TextSchema,
            verdict: VerdictSchema,
            note: TextSchema.nullable().default(null),
            evidence: z.array(TextSchema).default([]),
            /** The figures recorded for the item, as printed. @default [] */
            figures: z.array(TextSchema).default([]),
          })
          .refine(notMetHasNote, NOT_MET_NEEDS_NOTE),
      )
      .min(1),
    /**
     * The PC-Covid portal's figures for the unit over `period` (the campaign period up to the
     * visit), printed under the findings; `null` prints that the portal has none. @default null
     */
    portal: PortalUnitFiguresSchema.extend({ period: CivilDateRangeSchema }).nullable().default(null),
    /** The unit's explanation; `null` if it gave none. @default null */
    unitExplanation: TextSchema.nullable().default(null),
    /** The team's assessment. */
    assessment: TextSchema,
    /** What the unit must do, by when. @default [] */
    requests: z.array(DocumentRequestInputSchema).default([]),
    /** Copies made. @default 2 */
    copies: z.number().int().min(2).max(9).default(2),
    /** The unit representative refused to sign: the reason they gave. @default null */
    refusal: z.strictObject({ reason: TextSchema }).nullable().default(null),
    /** The secretary signs too, as "NGƯỜI LẬP BIÊN BẢN" (only when `membersSign` is off). @default false */
    secretarySigns: z.boolean().default(false),
    /** Every team member present signs, each in a column (lead rightmost); off: only the lead (and the secretary). @default true */
    membersSign: z.boolean().default(true),
    /** Who witnessed a refusal to sign (name, position and where they come from); `null` for none. @default null */
    witness: z.strictObject({ fullName: TextSchema, position: TextSchema, organization: TextSchema }).nullable().default(null),
  })
  .superRefine((m, ctx) => {
    checkOneLead(m.team, ctx, ['team']);
    if (`${m.end.date}T${m.end.time}` < `${m.start.date}T${m.start.time}`) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'the minutes cannot end before they start' });
    }
    const codes = new Set(m.sections.map((s) => s.code));
    m.findings.forEach((f, i) => {
      if (!codes.has(f.section)) ctx.addIssue({ code: 'custom', path: ['findings', i, 'section'], message: `no section "${f.section}" in \`sections\`` });
    });
    if (m.portal !== null && m.portal.period.to > m.end.date)
      ctx.addIssue({ code: 'custom', path: ['portal', 'period', 'to'], message: 'the portal figures cannot postdate the minutes' });
    if (m.portal !== null && m.portal.zeroScanDays > m.portal.days)
      ctx.addIssue({ code: 'custom', path: ['portal', 'zeroScanDays'], message: 'more zero-scan days than days with figures' });
    if (m.secretarySigns && !m.team.some((t) => t.role === 'secretary')) {
      ctx.addIssue({ code: 'custom', path: ['secretarySigns'], message: 'no team member has the role "secretary"' });
    }
  });
/**
 * Minutes data as a caller passes it (see {@link MinutesDocumentInputSchema}).
 *
 * @example
 * ```ts
 * const input: MinutesDocumentInput = { ...visitMinutes, refusal: { reason: 'Chưa được Giám đốc ủy quyền' } };
 * ```
 */
export type MinutesDocumentInput = z.input<typeof MinutesDocumentInputSchema>;
