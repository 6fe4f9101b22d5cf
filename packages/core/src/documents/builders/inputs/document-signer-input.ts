import { z } from 'zod';
import { TextSchema } from '../../../entities/primitives.js';
import { DocumentSigningAuthoritySchema, type SignerColumn } from '../../model/signature-block.js';

/**
 * Who signs a document: an optional authority prefix with the head's title ("KT." + "GIÁM ĐỐC"),
 * the signer's own position ("PHÓ GIÁM ĐỐC") and full name.
 *
 * @example
 * ```ts
 * DocumentSignerInputSchema.parse({ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm' })
 * ```
 */
export const DocumentSignerInputSchema = z
  .object({
    /** "KT.", "TM.", "Q.", "TL.", "TUQ."; `null` when the head signs. @default null */
    authority: DocumentSigningAuthoritySchema.nullable().default(null),
    /** The head's title after the prefix, upper case ("GIÁM ĐỐC"). @default null */
    authorityOf: TextSchema.nullable().default(null),
    /** The signer's position, upper case ("PHÓ GIÁM ĐỐC"). */
    position: TextSchema,
    /** Full name, no academic titles. */
    fullName: TextSchema,
  })
  .refine((s) => (s.authority === null) === (s.authorityOf === null), {
    message: '`authority` and `authorityOf` go together (e.g. "KT." + "GIÁM ĐỐC")',
    path: ['authorityOf'],
  });
/**
 * A signer as a builder accepts it (see {@link DocumentSignerInputSchema}).
 *
 * @example
 * ```ts
 * const signer: DocumentSignerInput = { position: 'GIÁM ĐỐC', fullName: 'Nguyễn Văn A' };
 * ```
 */
export type DocumentSignerInput = z.input<typeof DocumentSignerInputSchema>;

/** @internal A validated signer as a signature column. */
export function signerColumnOf(signer: z.output<typeof DocumentSignerInputSchema>): SignerColumn {
  return {
    authority: signer.authority,
    authorityOf: signer.authorityOf,
    title: signer.position,
    instruction: null,
    fullName: signer.fullName,
    refusal: null,
  };
}
