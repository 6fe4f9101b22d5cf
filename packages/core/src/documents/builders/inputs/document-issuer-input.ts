import { z } from 'zod';
import { TextSchema } from '../../../entities/primitives.js';

/**
 * The body that issues a document, as builders need it: names for the header (upper case) and
 * for running text, the abbreviation used in document symbols, and the place for the date line.
 *
 * @example
 * ```ts
 * DocumentIssuerInputSchema.parse({
 *   parentBody: 'UBND TỈNH HÀ TĨNH',
 *   name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
 *   nameInText: 'Sở Thông tin và Truyền thông',
 *   code: 'STTTT',
 *   place: 'Hà Tĩnh',
 * })
 * ```
 */
export const DocumentIssuerInputSchema = z.strictObject({
  /** The parent body for the header, upper case ("UBND TỈNH HÀ TĨNH"); `null` for none. @default null */
  parentBody: TextSchema.nullable().default(null),
  /** The issuing body for the header, upper case ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"). */
  name: TextSchema,
  /** The same name as running text writes it ("Sở Thông tin và Truyền thông"). */
  nameInText: TextSchema,
  /** The abbreviation in document symbols ("STTTT" in "05/KH-STTTT"). */
  code: TextSchema.pipe(z.string().regex(/^[A-ZĐ0-9&]+$/u, 'an agency code is upper-case letters and digits, e.g. STTTT')),
  /** Where the body sits, for the date line ("Hà Tĩnh"). */
  place: TextSchema,
});
/**
 * An issuer as a builder accepts it (see {@link DocumentIssuerInputSchema}).
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * const issuer: DocumentIssuerInput = HA_TINH_2021_PLAN_INPUT.issuer;
 * ```
 */
export type DocumentIssuerInput = z.input<typeof DocumentIssuerInputSchema>;
