import { NumberSymbolSchema } from './document-reference.js';
import { z } from 'zod';
import { CivilDateSchema, IdSchema, TenantIdSchema } from './primitives.js';

/** Document type codes of Decree 30 Appendix III used by campaigns; `CV` stands for an official letter (no type code). */
export const DocumentTypeCodeSchema = z.enum(['KH', 'QĐ', 'BB', 'BC', 'TB', 'CV', 'GM', 'TTr']);
export type DocumentTypeCode = z.infer<typeof DocumentTypeCodeSchema>;

/**
 * An issued document number: unique per issuing body, document type and year; restarting at 1
 * on 1 January (Decree 30, art. 15). `numberSymbol` is written as on the document: "05/KH-STTTT"
 * (numbers below 10 with a leading zero); an official letter has no type code: "125/STTTT-TTr".
 *
 * @example
 * ```ts
 * DocumentNumberSchema.parse({ tenantId: '42', issuingBodyId: 'org-stttt', typeCode: 'KH', year: 2021, number: 5,
 *   numberSymbol: '05/KH-STTTT', issuedOn: '2021-11-26', subjectId: 'c-1' })
 * ```
 */
export const DocumentNumberSchema = z.strictObject({
  tenantId: TenantIdSchema,
  issuingBodyId: IdSchema,
  typeCode: DocumentTypeCodeSchema,
  year: z.number().int().min(1945).max(9999),
  number: z.number().int().positive(),
  numberSymbol: NumberSymbolSchema,
  issuedOn: CivilDateSchema,
  /** The record the number was issued for (campaign, minutes, report…). */
  subjectId: IdSchema,
});
export type DocumentNumber = z.infer<typeof DocumentNumberSchema>;

/**
 * Formats a number and symbol per Decree 30.
 *
 * @example
 * ```ts
 * formatNumberSymbol(5, 'KH', 'STTTT')          // '05/KH-STTTT'
 * formatNumberSymbol(125, 'CV', 'STTTT', 'TTr') // '125/STTTT-TTr'
 * ```
 */
export function formatNumberSymbol(number: number, typeCode: DocumentTypeCode, bodyAbbreviation: string, draftingUnit?: string): string {
  const n = String(number).padStart(2, '0');
  if (typeCode === 'CV') return `${n}/${bodyAbbreviation}${draftingUnit ? `-${draftingUnit}` : ''}`;
  return `${n}/${typeCode}-${bodyAbbreviation}`;
}
