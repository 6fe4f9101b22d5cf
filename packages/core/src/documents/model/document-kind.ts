import { z } from 'zod';

/**
 * The kind of an official document, by its Decree 30/2020 type code (Appendix III): `KH` plan,
 * `QĐ` decision, `BB` minutes, `BC` report, `TB` notice, `CV` for an official letter
 * (công văn), which has no type code of its own, and `DS` for an internal list (danh sách, e.g.
 * the call sheet of the manual channel), which is not issued and takes no number.
 *
 * @example
 * ```ts
 * DocumentKindSchema.parse('QĐ') // 'QĐ'
 * ```
 */
export const DocumentKindSchema = z.enum(['KH', 'QĐ', 'BB', 'BC', 'TB', 'CV', 'DS']);
/**
 * A document kind code: `'KH' | 'QĐ' | 'BB' | 'BC' | 'TB' | 'CV' | 'DS'`.
 *
 * @example
 * ```ts
 * const kind: DocumentKind = 'BB';
 * ```
 */
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/**
 * The document-type title printed above the summary ("KẾ HOẠCH", "QUYẾT ĐỊNH" …), per kind;
 * `null` for an official letter, which carries a "V/v …" line under its number instead.
 * English beside each: plan, decision, minutes, report, notice, official letter, list.
 *
 * @example
 * ```ts
 * DOCUMENT_KIND_TITLES.KH // 'KẾ HOẠCH'
 * DOCUMENT_KIND_TITLES.CV // null
 * ```
 */
export const DOCUMENT_KIND_TITLES: Readonly<Record<DocumentKind, string | null>> = Object.freeze({
  KH: 'KẾ HOẠCH',
  QĐ: 'QUYẾT ĐỊNH',
  BB: 'BIÊN BẢN',
  BC: 'BÁO CÁO',
  TB: 'THÔNG BÁO',
  CV: null,
  DS: 'DANH SÁCH',
});
