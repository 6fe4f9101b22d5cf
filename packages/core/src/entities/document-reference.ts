import { z } from 'zod';
import { CivilDateSchema, INPUT_LIMITS, ShortTextSchema, TextSchema } from './primitives.js';

/**
 * A number and symbol as Decree 30 writes them: "7641/UBND-VX1", "05/KH-STTTT". Numbers below
 * 10 carry a leading zero; no spaces.
 */
export const NumberSymbolSchema = z
  .string()
  .overwrite((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .max(INPUT_LIMITS.text.code, `quá dài: tối đa ${INPUT_LIMITS.text.code} ký tự / too long: at most ${INPUT_LIMITS.text.code} characters`)
      .regex(/^\d{1,6}(?:\/\d{4})?\/[\p{Lu}\d][\p{L}\d&]*(?:-[\p{L}\d&]+)*$/u, 'expected "<number>/<SYMBOL>", e.g. 7641/UBND-VX1'),
  );

/**
 * A reference to an official document: a legal basis of the plan, a directive a unit issued
 * (evidence), a plan or decision cited in minutes.
 *
 * @example
 * ```ts
 * DocumentReferenceSchema.parse({ numberSymbol: '7641/UBND-VX1', issuedOn: '2021-11-12',
 *   issuer: 'UBND tỉnh', kindVi: 'Văn bản',
 *   summary: 'về việc triển khai đồng bộ hệ thống PC-Covid và quét mã QR phục vụ phòng, chống dịch COVID-19' })
 * ```
 */
export const DocumentReferenceSchema = z.strictObject({
  numberSymbol: NumberSymbolSchema,
  issuedOn: CivilDateSchema,
  /** Who issued it, as cited: "UBND tỉnh". */
  issuer: ShortTextSchema,
  /** The kind as cited: "Văn bản", "Quyết định", "Nghị định"… */
  kindVi: ShortTextSchema,
  /** The "trích yếu": "về việc …". */
  summary: TextSchema,
});
export type DocumentReference = z.infer<typeof DocumentReferenceSchema>;
