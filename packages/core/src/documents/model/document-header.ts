import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';
import { NumberAndSymbolSchema } from './number-and-symbol.js';
import { PlaceAndDateSchema } from './place-and-date.js';

/**
 * The national title, Decree 30 App. I §II.1.
 *
 * @example
 * ```ts
 * NATIONAL_TITLE // 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
 * ```
 */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/**
 * The national motto, hyphens with spaces.
 *
 * @example
 * ```ts
 * NATIONAL_MOTTO // 'Độc lập - Tự do - Hạnh phúc'
 * ```
 */
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The two-column header of an official document. Left: the parent body (upright), the issuing
 * body (bold, short rule below), the number; for an official letter also its "V/v …" subject line.
 * Right: the national title and motto (rule below), and the place-and-date line — which minutes
 * (Decree 30 Mẫu 1.9) leave out (`placeAndDate: null`).
 *
 * @example
 * ```ts
 * DocumentHeaderSchema.parse({
 *   parentBody: 'UBND TỈNH HÀ TĨNH',
 *   issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
 *   number: { number: null, symbol: 'KH-STTTT' },
 *   placeAndDate: { place: 'Hà Tĩnh', date: '2021-11-26' },
 * })
 * ```
 */
export const DocumentHeaderSchema = z.strictObject({
  /** The body directly above the issuer, upper case, e.g. "UBND TỈNH HÀ TĨNH"; `null` if none. @default null */
  parentBody: TextSchema.nullable().default(null),
  /** The issuing body, upper case, e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  issuingBody: TextSchema,
  /** Number and symbol; `null` prints no "Số" line. */
  number: NumberAndSymbolSchema.nullable(),
  /** Place and date; `null` for minutes (Mẫu 1.9 has none). */
  placeAndDate: PlaceAndDateSchema.nullable(),
  /** An official letter's summary, "V/v …", printed under the number. @default null */
  subjectLine: TextSchema.nullable().default(null),
  /** The national title. @default 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' */
  nationalTitle: TextSchema.default(NATIONAL_TITLE),
  /** The national motto. @default 'Độc lập - Tự do - Hạnh phúc' */
  motto: TextSchema.default(NATIONAL_MOTTO),
});
/**
 * A document header (see {@link DocumentHeaderSchema}).
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * const header: DocumentHeader = buildPlanDocument(HA_TINH_2021_PLAN_INPUT).header;
 * ```
 */
export type DocumentHeader = z.infer<typeof DocumentHeaderSchema>;
