import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';

/**
 * A legal-basis line ("Căn cứ …;"), printed italic, one per line (Decree 30 App. I §II.6).
 * The line carries its own closing ";" or ".".
 *
 * @example
 * ```ts
 * BasisBlockSchema.parse({ type: 'basis', text: 'Căn cứ Kế hoạch số 05/KH-STTTT ngày 26/11/2021 của Sở Thông tin và Truyền thông;' })
 * ```
 */
export const BasisBlockSchema = z.strictObject({
  type: z.literal('basis'),
  /** The whole line, including its closing punctuation. */
  text: TextSchema,
});
/**
 * A basis line (see {@link BasisBlockSchema}).
 *
 * @example
 * ```ts
 * const b: BasisBlock = { type: 'basis', text: 'Căn cứ Luật Thanh tra năm 2010;' };
 * ```
 */
export type BasisBlock = z.infer<typeof BasisBlockSchema>;
