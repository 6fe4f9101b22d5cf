/** @internal The header every builder makes from an issuer. */
import type { z } from 'zod';
import type { DocumentHeader } from '../model/document-header.js';
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../model/document-header.js';
import type { DocumentIssuerInputSchema } from '../builders/inputs/document-issuer-input.js';

type Issuer = z.output<typeof DocumentIssuerInputSchema>;

export function headerOf(
  issuer: Issuer,
  options: {
    number: number | null;
    symbol: string;
    showNumber?: boolean;
    date: string | null;
    blankDay?: boolean;
    subjectLine?: string | null;
  },
): DocumentHeader {
  return {
    parentBody: issuer.parentBody,
    issuingBody: issuer.name,
    number: options.showNumber === false ? null : { number: options.number, symbol: options.symbol },
    placeAndDate: options.date === null ? null : { place: issuer.place, date: options.date, blankDay: options.blankDay ?? false },
    subjectLine: options.subjectLine ?? null,
    nationalTitle: NATIONAL_TITLE,
    motto: NATIONAL_MOTTO,
  };
}
