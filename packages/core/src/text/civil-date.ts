/**
 * Dates and times — the one convention of the library:
 *
 * - A **civil date** (a day on a Vietnamese calendar: a document date, a deadline day, a visit day)
 *   is a `YYYY-MM-DD` string in Asia/Ho_Chi_Minh.
 * - An **instant** (when something happened: an audit event, a signature) is an ISO 8601 UTC
 *   string ending in `Z`, e.g. `2021-12-07T01:30:00.000Z`.
 * - Asia/Ho_Chi_Minh has been a fixed UTC+07:00 with no daylight saving since 1975, so
 *   conversion is arithmetic and needs no time-zone database (core runs in browsers too).
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a day, in ms. Unlike `Date.UTC`, years 0–99 are not read as 1900–1999. */
function utcMidnight(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** `YYYY-MM-DD` of the UTC day containing `ms`; RangeError outside years 0000–9999. */
function utcDateString(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`Not a date in years 0000–9999: ${ms}`);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Splits and checks a `YYYY-MM-DD` civil date; `null` when it is not a real calendar day. */
export function parseCivilDate(date: string): { year: number; month: number; day: number } | null {
  const m = CIVIL_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { year, month, day };
}

/** True when the string is a real `YYYY-MM-DD` calendar day. */
export function isCivilDate(date: string): boolean {
  return parseCivilDate(date) !== null;
}

/**
 * The civil date in Asia/Ho_Chi_Minh of an instant.
 *
 * @example
 * ```ts
 * civilDateOf('2021-11-30T18:00:00.000Z') // '2021-12-01' (01:00 in Hà Tĩnh)
 * ```
 */
export function civilDateOf(instant: string | Date): string {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + VIETNAM_UTC_OFFSET_MINUTES * 60_000;
  return utcDateString(ms);
}

/**
 * The instant at which a civil day starts (00:00 in Asia/Ho_Chi_Minh), as ISO UTC.
 *
 * @example
 * ```ts
 * startOfCivilDate('2021-12-01') // '2021-11-30T17:00:00.000Z'
 * ```
 */
export function startOfCivilDate(date: string): string {
  const p = parseCivilDate(date);
  if (!p) throw new RangeError(`Not a civil date: ${date}`);
  return new Date(utcMidnight(p.year, p.month, p.day) - VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString();
}

/**
 * Adds whole days to a civil date.
 *
 * @example
 * ```ts
 * addCivilDays('2021-12-30', 5) // '2022-01-04'
 * ```
 */
export function addCivilDays(date: string, days: number): string {
  const p = parseCivilDate(date);
  if (!p) throw new RangeError(`Not a civil date: ${date}`);
  return utcDateString(utcMidnight(p.year, p.month, p.day + days));
}

/** Compares two civil dates (`-1`, `0`, `1`); `YYYY-MM-DD` strings sort as dates. */
export function compareCivilDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The local wall-clock time `HH:mm` of an instant in Asia/Ho_Chi_Minh. */
export function civilTimeOf(instant: string | Date): string {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + VIETNAM_UTC_OFFSET_MINUTES * 60_000;
  return new Date(ms).toISOString().slice(11, 16);
}
