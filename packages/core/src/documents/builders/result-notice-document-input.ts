import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';
import { DocumentSignerInputSchema } from './inputs/document-signer-input.js';
import { LegalReferenceInputSchema } from './inputs/legal-reference-input.js';
import { DocumentFindingInputSchema, DocumentRequestInputSchema } from './inputs/finding-input.js';
import { RecipientsBlockSchema } from '../model/recipients-block.js';

/**
 * Everything a results notice to one inspected unit (Thông báo kết quả kiểm tra, TB) needs: the
 * unit, when it was inspected and on what basis, the findings, the conclusion, and what the unit
 * must do by when (and report back).
 *
 * @example
 * ```ts
 * const notice = buildResultNoticeDocument({ issuer, date: '2021-12-20', unit: { name: 'Chợ Hà Tĩnh' }, … });
 * ```
 */
export const ResultNoticeDocumentInputSchema = z
  .object({
    issuer: DocumentIssuerInputSchema,
    /** @default null */
    number: z.number().int().positive().nullable().default(null),
    date: CivilDateSchema,
    /** @default false */
    blankDay: z.boolean().default(false),
    /** What was checked, lower-case start after "Kết quả kiểm tra" ("việc triển khai hệ thống PC-Covid và quét mã QR"). */
    scope: TextSchema,
    unit: z.strictObject({ name: TextSchema, address: TextSchema.nullable().default(null) }),
    inspectedOn: CivilDateSchema,
    /** Who inspected. @default 'Tổ kiểm tra' */
    teamName: TextSchema.default('Tổ kiểm tra'),
    /** The plan (and decision) the inspection implemented. */
    implementing: z.array(LegalReferenceInputSchema).min(1),
    findings: z.array(DocumentFindingInputSchema).min(1),
    /** The conclusion paragraph. */
    conclusion: TextSchema,
    /** @default [] */
    requests: z.array(DocumentRequestInputSchema).default([]),
    /** Where and by when to report remediation; `null` for no report. @default null */
    reportBack: z.strictObject({ to: TextSchema, deadline: CivilDateSchema }).nullable().default(null),
    recipients: RecipientsBlockSchema,
    signer: DocumentSignerInputSchema,
  })
  .refine((n) => n.inspectedOn <= n.date, { message: 'the notice cannot predate the inspection', path: ['inspectedOn'] });
/**
 * Results-notice data as a caller passes it (see {@link ResultNoticeDocumentInputSchema}).
 *
 * @example
 * ```ts
 * const input: ResultNoticeDocumentInput = { ...draft, number: 7 };
 * ```
 */
export type ResultNoticeDocumentInput = z.input<typeof ResultNoticeDocumentInputSchema>;
