import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';

/**
 * The number and symbol of a document (Decree 30, art. 15): "Số: 05/KH-STTTT". `number` is
 * `null` while the document is a draft awaiting registration — it then prints blank,
 * "Số:      /KH-STTTT". The symbol has no spaces; groups are joined by "-".
 *
 * @example
 * ```ts
 * NumberAndSymbolSchema.parse({ number: 5, symbol: 'KH-STTTT' })
 * ```
 */
export const NumberAndSymbolSchema = z.strictObject({
  /** The registered number (restarts each year per issuing body), or `null` for a blank number. */
  number: z.number().int().positive().max(999_999).nullable(),
  /** The symbol after the slash, e.g. `KH-STTTT`, `QĐ-STTTT`, `STTTT-TTr`. */
  symbol: TextSchema.pipe(z.string().regex(/^\S+$/, 'a document symbol has no spaces')),
});
/**
 * A document's number and symbol (see {@link NumberAndSymbolSchema}).
 *
 * @example
 * ```ts
 * const n: NumberAndSymbol = { number: 5, symbol: 'KH-STTTT' };
 * ```
 */
export type NumberAndSymbol = z.infer<typeof NumberAndSymbolSchema>;

/** The blank left for a number still to be registered. */
const BLANK_NUMBER = '      ';

/**
 * The "Số: …" line, Decree 30 style: numbers below 10 get a leading zero, a blank number
 * leaves room to write it in.
 *
 * @example
 * ```ts
 * formatDocumentNumber({ number: 5, symbol: 'KH-STTTT' })    // 'Số: 05/KH-STTTT'
 * formatDocumentNumber({ number: null, symbol: 'KH-STTTT' }) // 'Số:       /KH-STTTT'
 * ```
 */
export function formatDocumentNumber(value: NumberAndSymbol): string {
  const n = value.number === null ? BLANK_NUMBER : String(value.number).padStart(2, '0');
  return `Số: ${n}/${value.symbol}`;
}

/**
 * The number and symbol as other documents cite it: "05/KH-STTTT", or "…/KH-STTTT" when blank.
 *
 * @example
 * ```ts
 * formatDocumentNumberShort({ number: 12, symbol: 'BC-STTTT' }) // '12/BC-STTTT'
 * ```
 */
export function formatDocumentNumberShort(value: NumberAndSymbol): string {
  const n = value.number === null ? '…' : String(value.number).padStart(2, '0');
  return `${n}/${value.symbol}`;
}
