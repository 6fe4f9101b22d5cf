import { z } from 'zod';
import { IdSchema, ShortTextSchema } from './primitives.js';

/**
 * Signing authority prefixes (Decree 30, art. 13): TM. (on behalf of a collective), KT. (a
 * deputy signs for the head), Q. (acting head), TL. (by order), TUQ. (by written authorisation).
 * `null` when the head signs in their own name.
 */
export const SigningAuthoritySchema = z.enum(['TM', 'KT', 'Q', 'TL', 'TUQ']).nullable();
export type SigningAuthority = z.infer<typeof SigningAuthoritySchema>;

/**
 * The signer of a document, as printed in its signature block:
 * "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / "Đậu Tùng Lâm".
 *
 * @example
 * ```ts
 * SignerSchema.parse({ authority: 'KT', headTitle: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm', personId: null })
 * ```
 */
export const SignerSchema = z
  .object({
    authority: SigningAuthoritySchema,
    /** The title the authority refers to, upper case: "GIÁM ĐỐC", "ỦY BAN NHÂN DÂN". */
    headTitle: ShortTextSchema,
    /** The signer's own position, upper case: "PHÓ GIÁM ĐỐC". */
    position: ShortTextSchema,
    fullName: ShortTextSchema,
    personId: IdSchema.nullable(),
  })
  .refine((s) => s.authority !== null || s.headTitle === s.position, {
    message: 'without an authority prefix the signer is the head: headTitle must equal position',
    path: ['authority'],
  });
export type Signer = z.infer<typeof SignerSchema>;

/**
 * The title lines of a signature block: `['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']`, or `['GIÁM ĐỐC']`.
 *
 * @example
 * ```ts
 * signerTitleLines({ authority: 'KT', headTitle: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm', personId: null })
 * // ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']
 * ```
 */
export function signerTitleLines(signer: Signer): string[] {
  return signer.authority === null ? [signer.position] : [`${signer.authority}. ${signer.headTitle}`, signer.position];
}
