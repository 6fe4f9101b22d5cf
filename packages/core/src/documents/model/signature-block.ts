import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';

/**
 * The signing-authority prefixes of Decree 30 (art. 13, App. I §II.7): `KT.` a deputy signs for
 * the head, `TM.` on behalf of a collective, `Q.` acting head, `TL.` by order, `TUQ.` by written
 * authorisation.
 *
 * @example
 * ```ts
 * DocumentSigningAuthoritySchema.parse('KT.') // 'KT.'
 * ```
 */
export const DocumentSigningAuthoritySchema = z.enum(['KT.', 'TM.', 'Q.', 'TL.', 'TUQ.']);
/**
 * A signing-authority prefix (see {@link DocumentSigningAuthoritySchema}).
 *
 * @example
 * ```ts
 * const a: DocumentSigningAuthority = 'TM.';
 * ```
 */
export type DocumentSigningAuthority = z.infer<typeof DocumentSigningAuthoritySchema>;

/**
 * One signature column: the authority line ("KT. GIÁM ĐỐC"), the title ("PHÓ GIÁM ĐỐC" or
 * "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA"), an optional italic instruction ("(Ký, ghi rõ họ tên)"),
 * room for the signature and seal, then the full name. A recorded `refusal` is printed, italic,
 * where the signature would be.
 *
 * @example
 * ```ts
 * SignerColumnSchema.parse({ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm' })
 * ```
 */
export const SignerColumnSchema = z
  .object({
    /** The authority prefix, or `null` when the head signs in their own name. @default null */
    authority: DocumentSigningAuthoritySchema.nullable().default(null),
    /** Who the signer signs for, after the prefix: "GIÁM ĐỐC", "ỦY BAN NHÂN DÂN". @default null */
    authorityOf: TextSchema.nullable().default(null),
    /** The signer's title, upper case: "PHÓ GIÁM ĐỐC", "TRƯỞNG ĐOÀN KIỂM TRA". */
    title: TextSchema,
    /** An italic instruction under the title, e.g. "(Ký, ghi rõ họ tên)". @default null */
    instruction: TextSchema.nullable().default(null),
    /** The signer's full name (no academic titles); `null` leaves it blank. @default null */
    fullName: TextSchema.nullable().default(null),
    /** A recorded refusal to sign, printed in place of the signature. @default null */
    refusal: TextSchema.nullable().default(null),
  })
  .refine((c) => (c.authority === null) === (c.authorityOf === null), {
    message: '`authority` and `authorityOf` go together (e.g. "KT." + "GIÁM ĐỐC")',
    path: ['authorityOf'],
  });
/**
 * A signature column (see {@link SignerColumnSchema}).
 *
 * @example
 * ```ts
 * const s: SignerColumn = SignerColumnSchema.parse({ title: 'GIÁM ĐỐC', fullName: 'Nguyễn Văn A' });
 * ```
 */
export type SignerColumn = z.infer<typeof SignerColumnSchema>;

/**
 * The signature block: one column (a single signer, right, beside "Nơi nhận") or two to six
 * equal columns for minutes ("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA" | … | "TRƯỞNG ĐOÀN KIỂM TRA").
 *
 * @example
 * ```ts
 * SignatureBlockSchema.parse({ signers: [{ title: 'GIÁM ĐỐC', fullName: 'Nguyễn Văn A' }] })
 * ```
 */
export const SignatureBlockSchema = z.strictObject({
  /**
   * One to six columns, left to right. Minutes carry one column per signer present (the unit,
   * a witness of a refusal, each team member); renderers lay out more than three in rows of three.
   */
  signers: z.array(SignerColumnSchema).min(1).max(6),
});
/**
 * A signature block (see {@link SignatureBlockSchema}).
 *
 * @example
 * ```ts
 * const s: SignatureBlock = SignatureBlockSchema.parse({ signers: [{ title: 'GIÁM ĐỐC' }] });
 * ```
 */
export type SignatureBlock = z.infer<typeof SignatureBlockSchema>;

/**
 * The upper-case heading lines of a signature column: the authority line (if any) and the title.
 *
 * @example
 * ```ts
 * signerHeadingLines({ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' }) // ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']
 * ```
 */
export function signerHeadingLines(column: Pick<SignerColumn, 'authority' | 'authorityOf' | 'title'>): string[] {
  const lines: string[] = [];
  if (column.authority !== null && column.authorityOf !== null) lines.push(`${column.authority} ${column.authorityOf}`);
  lines.push(column.title);
  return lines;
}
