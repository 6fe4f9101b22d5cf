import { z } from 'zod';
import { VerdictSchema, type Verdict } from '../../../entities/finding.js';
import { CivilDateSchema, TextSchema } from '../../../entities/primitives.js';

/** @internal The rule every finding follows: "Chưa đạt" needs a note. */
export function notMetHasNote(f: { verdict: Verdict; note: string | null }): boolean {
  return f.verdict !== 'not_met' || f.note !== null;
}

/** @internal The issue raised when a "Chưa đạt" has no note. */
export const NOT_MET_NEEDS_NOTE = { message: 'a "Chưa đạt" (not_met) finding needs a note saying what is wrong', path: ['note'] };

/**
 * One finding as documents print it: the checklist item (code and label), the verdict, a note
 * and the evidence seen. A "Chưa đạt" needs a note saying what is wrong.
 *
 * @example
 * ```ts
 * DocumentFindingInputSchema.parse({
 *   itemCode: 'b.2', label: 'Niêm yết đúng mã QR địa điểm ở nơi dễ thấy', verdict: 'not_met',
 *   note: 'Mã QR niêm yết là mã của ứng dụng cũ (Bluezone).', evidence: ['Ảnh chụp mã QR tại cổng chính'],
 * })
 * ```
 */
export const DocumentFindingInputSchema = z
  .object({
    /** The checklist item code, e.g. "b.2". */
    itemCode: TextSchema,
    /** The item as printed. */
    label: TextSchema,
    verdict: VerdictSchema,
    /** What was seen; required for "Chưa đạt". @default null */
    note: TextSchema.nullable().default(null),
    /** Evidence seen or collected (documents with number and date, photos …). @default [] */
    evidence: z.array(TextSchema).default([]),
    /** The figures recorded for the item, as printed ("Số điểm đã khai báo, tạo mã QR: 3 điểm"). @default [] */
    figures: z.array(TextSchema).default([]),
  })
  .refine(notMetHasNote, NOT_MET_NEEDS_NOTE);
/**
 * A finding as a builder accepts it (see {@link DocumentFindingInputSchema}).
 *
 * @example
 * ```ts
 * const f: DocumentFindingInput = { itemCode: 'a.1', label: 'Quán triệt, phổ biến', verdict: 'met' };
 * ```
 */
export type DocumentFindingInput = z.input<typeof DocumentFindingInputSchema>;

/**
 * A request to a unit, with an optional deadline: "Niêm yết lại mã QR … (thời hạn: trước ngày 15/12/2021)".
 *
 * @example
 * ```ts
 * DocumentRequestInputSchema.parse({ text: 'Niêm yết mã QR địa điểm của PC-Covid tại cổng chính', deadline: '2021-12-15' })
 * ```
 */
export const DocumentRequestInputSchema = z.strictObject({
  /** What to do, without closing punctuation. */
  text: TextSchema,
  /** By when; `null` for none. @default null */
  deadline: CivilDateSchema.nullable().default(null),
});
/**
 * A request as a builder accepts it (see {@link DocumentRequestInputSchema}).
 *
 * @example
 * ```ts
 * const r: DocumentRequestInput = { text: 'Phân công cán bộ hướng dẫn quét mã QR' };
 * ```
 */
export type DocumentRequestInput = z.input<typeof DocumentRequestInputSchema>;
