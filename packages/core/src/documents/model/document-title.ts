import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';

/**
 * The centred title block under the header: the document type in upper case bold ("KẾ HOẠCH")
 * and the summary ("trích yếu") in bold with a short rule below.
 *
 * @example
 * ```ts
 * DocumentTitleSchema.parse({
 *   type: 'KẾ HOẠCH',
 *   summary: 'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
 * })
 * ```
 */
export const DocumentTitleSchema = z.strictObject({
  /** The document type, upper case: "KẾ HOẠCH", "QUYẾT ĐỊNH", "BIÊN BẢN" … */
  type: TextSchema,
  /** The summary ("trích yếu"); `null` for none. @default null */
  summary: TextSchema.nullable().default(null),
});
/**
 * A title block (see {@link DocumentTitleSchema}).
 *
 * @example
 * ```ts
 * const title: DocumentTitle = { type: 'THÔNG BÁO', summary: 'Kết quả kiểm tra' };
 * ```
 */
export type DocumentTitle = z.infer<typeof DocumentTitleSchema>;
