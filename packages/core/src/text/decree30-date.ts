import { parseCivilDate } from './civil-date.js';

/**
 * Day and month as Decree 30/2020 writes them: days below 10 and the months January and
 * February zero-padded ("ngày 05 tháng 01"), other months not ("tháng 6", "tháng 12").
 */
export function decree30DayMonth(date: string): { day: string; month: string; year: string } {
  const p = parseCivilDate(date);
  if (!p) throw new RangeError(`Not a civil date: ${date}`);
  return {
    day: String(p.day).padStart(2, '0'),
    month: p.month <= 2 ? String(p.month).padStart(2, '0') : String(p.month),
    year: String(p.year),
  };
}

/**
 * The place-and-date line of a Decree 30 document header.
 *
 * @example
 * ```ts
 * formatPlaceDateLine('Hà Tĩnh', '2022-01-05') // 'Hà Tĩnh, ngày 05 tháng 01 năm 2022'
 * formatPlaceDateLine('Hà Tĩnh', '2021-12-07') // 'Hà Tĩnh, ngày 07 tháng 12 năm 2021'
 * ```
 */
export function formatPlaceDateLine(place: string, date: string): string {
  return `${place}, ${formatVietnameseDate(date)}`;
}

/**
 * A civil date in words, Decree 30 style: "ngày 12 tháng 11 năm 2021".
 *
 * @example
 * ```ts
 * formatVietnameseDate('2021-11-12') // 'ngày 12 tháng 11 năm 2021'
 * ```
 */
export function formatVietnameseDate(date: string): string {
  const { day, month, year } = decree30DayMonth(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/**
 * A civil date in short numeric form as documents cite other documents: "12/11/2021".
 *
 * @example
 * ```ts
 * formatShortDate('2021-11-12') // '12/11/2021'
 * ```
 */
export function formatShortDate(date: string): string {
  const p = parseCivilDate(date);
  if (!p) throw new RangeError(`Not a civil date: ${date}`);
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}
