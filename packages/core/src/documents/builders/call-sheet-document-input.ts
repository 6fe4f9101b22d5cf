import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { DocumentIssuerInputSchema } from './inputs/document-issuer-input.js';

/** One line of the call sheet: who to reach, how, what to say, and whether they took it. */
export const CallSheetLineInputSchema = z.strictObject({
  /** "Nguyễn Văn A — Trưởng phòng, Sở Y tế", or the body's name. */
  recipient: TextSchema,
  /** The number to call (masked for a role that may not see it); `null` when there is none. */
  phone: z.string().max(40).nullable(),
  /** What to tell them: the message's subject and body. */
  say: TextSchema,
  /** When the message reached the sheet (civil date and time, e.g. "08:30 07/12/2021"). */
  handed: TextSchema,
  /** "Bà B nghe máy, 09:10 07/12/2021 (điện thoại)"; `null` while not yet reached. */
  acknowledged: TextSchema.nullable(),
});

export const CallSheetDocumentInputSchema = z.object({
  issuer: DocumentIssuerInputSchema,
  date: CivilDateSchema,
  /** What the messages are about, after "Danh sách liên hệ thông báo …" ("việc kiểm tra triển khai PC-Covid"). */
  subject: TextSchema,
  lines: z.array(CallSheetLineInputSchema).max(10_000),
});
export type CallSheetDocumentInput = z.input<typeof CallSheetDocumentInputSchema>;
