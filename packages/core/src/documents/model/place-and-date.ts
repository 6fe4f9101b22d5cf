import { z } from 'zod';
import { CivilDateSchema, TextSchema } from '../../entities/primitives.js';
import { decree30DayMonth, formatPlaceDateLine } from '../../text/decree30-date.js';

/**
 * The place-and-date line under the national motto: "Hà Tĩnh, ngày 26 tháng 11 năm 2021".
 * With `blankDay` the day is left blank for the signer to fill in on signing
 * ("Hà Tĩnh, ngày      tháng 11 năm 2021").
 *
 * @example
 * ```ts
 * PlaceAndDateSchema.parse({ place: 'Hà Tĩnh', date: '2021-11-26' })
 * ```
 */
export const PlaceAndDateSchema = z.strictObject({
  /** The administrative unit where the issuing body sits, e.g. "Hà Tĩnh". */
  place: TextSchema,
  /** The document date, a civil date `YYYY-MM-DD`. */
  date: CivilDateSchema,
  /** Leave the day blank (a draft to be dated on signing). @default false */
  blankDay: z.boolean().default(false),
});
/**
 * A place-and-date line (see {@link PlaceAndDateSchema}).
 *
 * @example
 * ```ts
 * const line: PlaceAndDate = { place: 'Hà Tĩnh', date: '2021-11-26', blankDay: false };
 * ```
 */
export type PlaceAndDate = z.infer<typeof PlaceAndDateSchema>;

/**
 * The text of a place-and-date line.
 *
 * @example
 * ```ts
 * formatPlaceAndDate({ place: 'Hà Tĩnh', date: '2021-11-26', blankDay: false }) // 'Hà Tĩnh, ngày 26 tháng 11 năm 2021'
 * formatPlaceAndDate({ place: 'Hà Tĩnh', date: '2021-11-26', blankDay: true })  // 'Hà Tĩnh, ngày      tháng 11 năm 2021'
 * ```
 */
export function formatPlaceAndDate(value: PlaceAndDate): string {
  if (!value.blankDay) return formatPlaceDateLine(value.place, value.date);
  const { month, year } = decree30DayMonth(value.date);
  return `${value.place}, ngày      tháng ${month} năm ${year}`;
}
