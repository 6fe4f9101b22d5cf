import type { StagedWrites } from './unit-of-work.js';
import { formatNumberSymbol, type DocumentNumber, type DocumentTypeCode } from '../entities/document-number.js';
import { parseCivilDate } from '../text/civil-date.js';

/** Collection of numbering counters: one record per issuing body, document type and year. */
export const COUNTERS_COLLECTION = 'document-counters';
/** Collection of issued numbers (the register, "sổ đăng ký văn bản đi"). */
export const DOCUMENT_NUMBERS_COLLECTION = 'document-numbers';

interface CounterData {
  issuingBodyId: string;
  typeCode: DocumentTypeCode;
  year: number;
  last: number;
}

/** What to number. */
export interface NumberRequest {
  tenantId: string;
  issuingBodyId: string;
  /** Abbreviation of the issuing body in the symbol ("STTTT"). */
  bodyAbbreviation: string;
  typeCode: DocumentTypeCode;
  /** The document's civil date; its year picks the series (numbers restart on 1 January). */
  issuedOn: string;
  subjectId: string;
  /** Drafting unit for official letters (CV): "125/STTTT-TTr". */
  draftingUnit?: string;
  updatedAt: string;
}

/**
 * Takes the next number of a series in the caller's batch: per issuing body, document type and
 * year, starting at 1 each 1 January (Decree 30, art. 15). Atomic: the counter is written with
 * its expected version, so two concurrent allocations never share a number (one batch loses, and
 * core re-reads the counter and commits it again with the next number).
 *
 * @example
 * ```ts
 * // inside a command's `within(tx)`:
 * await allocateDocumentNumber(tx, { tenantId: '42', issuingBodyId: 'org-stttt',
 *   bodyAbbreviation: 'STTTT', typeCode: 'KH', issuedOn: '2021-11-26', subjectId: 'c-1', updatedAt });
 * // { number: 1, numberSymbol: '01/KH-STTTT', … }
 * ```
 */
export async function allocateDocumentNumber(tx: StagedWrites, req: NumberRequest): Promise<DocumentNumber> {
  const date = parseCivilDate(req.issuedOn);
  if (!date) throw new RangeError(`Not a civil date: ${req.issuedOn}`);
  const counterId = `${req.issuingBodyId}.${req.typeCode}.${date.year}`;
  const current = await tx.get<CounterData>(COUNTERS_COLLECTION, req.tenantId, counterId);
  const next = (current?.data.last ?? 0) + 1;
  await tx.put<CounterData>({
    collection: COUNTERS_COLLECTION,
    tenantId: req.tenantId,
    id: counterId,
    data: { issuingBodyId: req.issuingBodyId, typeCode: req.typeCode, year: date.year, last: next },
    indexes: { issuingBodyId: req.issuingBodyId, typeCode: req.typeCode, year: date.year },
    updatedAt: req.updatedAt,
    expectedVersion: current?.version ?? 0,
  });
  const issued: DocumentNumber = {
    tenantId: req.tenantId,
    issuingBodyId: req.issuingBodyId,
    typeCode: req.typeCode,
    year: date.year,
    number: next,
    numberSymbol: formatNumberSymbol(next, req.typeCode, req.bodyAbbreviation, req.draftingUnit),
    issuedOn: req.issuedOn,
    subjectId: req.subjectId,
  };
  await tx.put<DocumentNumber>({
    collection: DOCUMENT_NUMBERS_COLLECTION,
    tenantId: req.tenantId,
    id: `${counterId}.${next}`,
    data: issued,
    indexes: { issuingBodyId: req.issuingBodyId, typeCode: req.typeCode, year: date.year, subjectId: req.subjectId },
    updatedAt: req.updatedAt,
    expectedVersion: 0,
  });
  return issued;
}
