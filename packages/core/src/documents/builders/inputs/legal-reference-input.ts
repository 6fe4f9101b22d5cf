import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../../entities/primitives.js';
import { formatShortDate } from '../../../text/decree30-date.js';

/**
 * A reference to another document, as Vietnamese documents cite one: type, number and symbol,
 * date, issuer and subject — "Văn bản số 7641/UBND-VX1 ngày 12/11/2021 của UBND tỉnh về việc …".
 *
 * @example
 * ```ts
 * LegalReferenceInputSchema.parse({
 *   documentType: 'Văn bản', number: '7641/UBND-VX1', date: '2021-11-12', issuer: 'UBND tỉnh',
 *   subject: 'triển khai đồng bộ hệ thống PC-Covid và quét mã QR phục vụ phòng, chống dịch COVID-19',
 * })
 * ```
 */
export const LegalReferenceInputSchema = z.strictObject({
  /** "Văn bản", "Kế hoạch", "Quyết định", "Luật" … */
  documentType: TextSchema,
  /** Number and symbol, e.g. "7641/UBND-VX1". `null` for a law cited by name. @default null */
  number: TextSchema.nullable().default(null),
  /** The document's date. `null` for a law cited by name. @default null */
  date: CivilDateSchema.nullable().default(null),
  /** Who issued it, as running text ("UBND tỉnh", "Sở Thông tin và Truyền thông"). @default null */
  issuer: TextSchema.nullable().default(null),
  /** What it is about, lower case, without the connector; `null` for none. @default null */
  subject: TextSchema.nullable().default(null),
  /** The word(s) before the subject. @default 'về việc' */
  subjectConnector: TextSchema.default('về việc'),
});
/**
 * A document reference as a builder accepts it (see {@link LegalReferenceInputSchema}).
 *
 * @example
 * ```ts
 * const ref: LegalReferenceInput = { documentType: 'Kế hoạch', number: '05/KH-STTTT', date: '2021-11-26', issuer: 'Sở Thông tin và Truyền thông' };
 * ```
 */
export type LegalReferenceInput = z.input<typeof LegalReferenceInputSchema>;

/**
 * The citation text of a reference, without closing punctuation.
 *
 * @example
 * ```ts
 * formatLegalReference({ documentType: 'Văn bản', number: '7641/UBND-VX1', date: '2021-11-12', issuer: 'UBND tỉnh',
 *   subject: 'triển khai đồng bộ hệ thống PC-Covid', subjectConnector: 'về việc' })
 * // 'Văn bản số 7641/UBND-VX1 ngày 12/11/2021 của UBND tỉnh về việc triển khai đồng bộ hệ thống PC-Covid'
 * ```
 */
export function formatLegalReference(ref: z.output<typeof LegalReferenceInputSchema>): string {
  let out = ref.documentType;
  if (ref.number !== null) out += ` số ${ref.number}`;
  if (ref.date !== null) out += ` ngày ${formatShortDate(ref.date)}`;
  if (ref.issuer !== null) out += ` của ${ref.issuer}`;
  if (ref.subject !== null) out += ` ${ref.subjectConnector} ${ref.subject}`;
  return out;
}
