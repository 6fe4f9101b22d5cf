/**
 * `@pccovid-inspect/core/text` — Vietnamese text utilities: NFC and search keys, civil dates in
 * Asia/Ho_Chi_Minh (a fixed UTC+7, no time-zone data needed), and the Decree 30/2020 date line.
 *
 * @example
 * ```ts
 * import { formatPlaceDateLine } from '@pccovid-inspect/core/text';
 * formatPlaceDateLine('Hà Tĩnh', '2022-01-05'); // 'Hà Tĩnh, ngày 05 tháng 01 năm 2022'
 * ```
 *
 * @packageDocumentation
 */
export { toNfc, searchKey, matchesSearch } from './normalize.js';
export { VIETNAM_UTC_OFFSET_MINUTES, parseCivilDate, isCivilDate, civilDateOf, civilTimeOf, startOfCivilDate, addCivilDays, compareCivilDates } from './civil-date.js';
export { decree30DayMonth, formatPlaceDateLine, formatVietnameseDate, formatShortDate } from './decree30-date.js';
